import { checkChain, type AuditChainResult } from '@haven/kit/src/audit/verify';
import type { IdentityDb } from '../db';

export type AuditChainStatus = AuditChainResult & { checkedAt: Date };

/**
 * The whole audit chain checked (kit's checkChain: audit.event_digest recomputed, links and seq), in one
 * REPEATABLE READ snapshot so events committed meanwhile do not show half. Reads every row: an auditor's
 * question, not something to poll.
 */
export async function checkAuditChain(db: IdentityDb, now = () => new Date()): Promise<AuditChainStatus> {
  const result = await db.$transaction((tx) => checkChain((sql) => tx.$queryRawUnsafe(sql)), {
    isolationLevel: 'RepeatableRead',
    timeout: 60_000,
  });
  return { ...result, checkedAt: now() };
}
