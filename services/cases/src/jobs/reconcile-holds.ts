import type { CasesDb } from '../db';
import { HOLDING_STATES } from '../domain/referral-access';
import { partnersClient, type PartnersCall } from '../domain/referrals/partners-client';

/** A hold younger than this may belong to an acceptance still committing: leave it alone. */
export const HOLD_GRACE_MS = 2 * 60_000;
const PAGE = 200;

/**
 * Releases slots held for referrals that no longer hold one (withdrawn, cancelled, closed — the release
 * call after the commit was lost) or that never committed (accept failed after the hold). Reads partners'
 * live holds page by page and compares with the referral states here; release is idempotent, so two
 * instances doing this at once release each slot once.
 */
export async function reconcileHolds(db: CasesDb, call: PartnersCall, now: () => number = Date.now): Promise<number> {
  let released = 0;
  let after: string | undefined;
  for (;;) {
    const { holds } = await partnersClient.liveHolds(call, after, PAGE);
    if (holds.length === 0) return released;
    after = holds.at(-1)!.referralId;
    const settled = holds.filter((hold) => now() - new Date(hold.heldAt).getTime() > HOLD_GRACE_MS);
    const referrals = await db.referral.findMany({ where: { id: { in: settled.map((h) => h.referralId) } }, select: { id: true, state: true } });
    const stateOf = new Map(referrals.map((r) => [r.id, r.state]));
    for (const hold of settled) {
      const state = stateOf.get(hold.referralId);
      if (state && HOLDING_STATES.includes(state)) continue;
      const { released: done } = await partnersClient.releaseSlot(call, hold.referralId);
      if (done) released += 1;
    }
    if (holds.length < PAGE) return released;
  }
}
