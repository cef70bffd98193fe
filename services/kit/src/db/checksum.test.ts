import { migrationChecksum, scriptMatchesChecksum } from './checksum';

describe('migration checksum', () => {
  test("is Prisma's: zero-padded lower-case hex SHA-256 of the file's bytes (prisma-engines' own test vector)", () => {
    expect(migrationChecksum('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  test('a checkout that changed LF to CRLF still matches, as in Prisma', () => {
    const lf = Buffer.from('CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n');
    const crlf = Buffer.from('CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n');
    expect(scriptMatchesChecksum(crlf, migrationChecksum(lf))).toBe(true);
    expect(scriptMatchesChecksum(lf, migrationChecksum(crlf))).toBe(true);
  });

  test('any other change does not match', () => {
    expect(scriptMatchesChecksum(Buffer.from('abc\n'), migrationChecksum('abc'))).toBe(false);
    expect(scriptMatchesChecksum(Buffer.from('abc'), migrationChecksum('abcd'))).toBe(false);
  });
});
