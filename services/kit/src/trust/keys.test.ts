import { spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PARTS } from '../taxonomy';
import { ensureKeyDirectory, loadPartKeys } from './keys';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'haven-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function pairsMatch(keysDir: string) {
  return PARTS.every((part) => {
    const privateKey = createPrivateKey(readFileSync(join(keysDir, `${part}.key`)));
    const publicKey = createPublicKey(readFileSync(join(keysDir, `${part}.pub`)));
    return verify(null, Buffer.from('x'), publicKey, sign(null, Buffer.from('x'), privateKey));
  });
}

describe('key directory', () => {
  it('generates one matching pair per part with private keys readable by the owner only', () => {
    ensureKeyDirectory(dir);
    expect(pairsMatch(dir)).toBe(true);
    for (const part of PARTS) expect(statSync(join(dir, `${part}.key`)).mode & 0o077).toBe(0);
  });

  it('keeps existing keys on a second start', () => {
    ensureKeyDirectory(dir);
    const before = readFileSync(join(dir, 'gateway.key'), 'utf8');
    ensureKeyDirectory(dir);
    expect(readFileSync(join(dir, 'gateway.key'), 'utf8')).toBe(before);
  });

  it('leaves matching pairs when several processes start at once', async () => {
    const script = `require(${JSON.stringify(resolve(__dirname, '../../../../node_modules/tsx/dist/cjs/index.cjs'))});
      require(${JSON.stringify(resolve(__dirname, 'keys.ts'))}).ensureKeyDirectory(${JSON.stringify(dir)});`;
    const runs = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
      return new Promise<number | null>((done) => child.on('exit', done));
    });
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    expect(pairsMatch(dir)).toBe(true);
  });

  it('loads a part with its own private key and every public key', () => {
    ensureKeyDirectory(dir);
    const keys = loadPartKeys('cases', dir);
    expect(Object.keys(keys.publicKeys).sort()).toEqual([...PARTS].sort());
    expect(keys.self).toBe('cases');
  });
});
