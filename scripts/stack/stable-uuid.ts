import { createHash } from 'node:crypto';

/** Haven's demo namespace for name-based UUIDs (fixed: changing it changes every demo id). */
const DEMO_NAMESPACE = '5d0c1c9e-3f4b-4f7e-9a51-2b0f6c1d8e77';

/**
 * RFC 4122 version-5 UUID (SHA-1 of namespace + name). The demo network derives every id from a name,
 * so a re-seed, a second machine and a test all see the same ids for the same organisation.
 */
export function stableUuid(name: string, namespace = DEMO_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
