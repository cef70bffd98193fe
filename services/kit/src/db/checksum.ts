import { createHash } from 'node:crypto';

/**
 * Prisma's migration checksum: the lower-case, zero-padded hex SHA-256 of migration.sql's bytes
 * (prisma-engines, schema-engine `checksum.rs` `render_checksum`). Rows written here are therefore
 * indistinguishable from rows written by `prisma migrate deploy`, and vice versa.
 */
export function migrationChecksum(script: Buffer | string): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Like Prisma's `script_matches_checksum`: a checkout that turned LF into CRLF (or back) is not an edit,
 * and old engines stored checksums without zero padding.
 */
export function scriptMatchesChecksum(script: Buffer, checksum: string): boolean {
  const text = script.toString('utf8');
  const candidates = [script, Buffer.from(text.replace(/\r\n/g, '\n')), Buffer.from(text.replace(/\n/g, '\r\n'))];
  return candidates.some((candidate) => {
    const digest = createHash('sha256').update(candidate).digest();
    const rendered = checksum.length === 64 ? digest.toString('hex') : [...digest].map((b) => b.toString(16)).join('');
    return rendered === checksum;
  });
}
