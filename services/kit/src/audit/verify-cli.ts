/**
 * `npm run audit:verify` — checks the whole audit hash chain (services/kit/src/audit/verify.ts).
 *
 *   DATABASE_URL   a URL that may SELECT "audit"."AuditEvent": the database owner, or haven_identity's
 *
 * Prints the number of events and, when the chain is broken, the first broken seq and why; exits 1 then,
 * 2 on a usage error, 0 when intact.
 */
import { redactUrl } from '../db/pg-url';
import { verifyAuditChain } from './verify';

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is not set: give a URL that may read "audit"."AuditEvent" (owner or haven_identity).\n');
    return 2;
  }
  const result = await verifyAuditChain(url);
  if (result.ok) {
    process.stdout.write(`Audit chain of ${redactUrl(url)} intact: ${result.events} events.\n`);
    return 0;
  }
  process.stdout.write(
    `Audit chain of ${redactUrl(url)} BROKEN at seq ${result.firstBrokenSeq} (${result.reason}); ${result.events} events in the log.\n`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
