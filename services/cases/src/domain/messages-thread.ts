import DataLoader from 'dataloader';
import { requestLoader } from '@haven/kit/src/graphql/loaders';
import { decodeCursor, MAX_PAGE_SIZE, pageSize, toPage } from '@haven/kit/src/graphql/pagination';
import type { CasesDb } from '../db';
import type { MessageThreadView, MessageView, ThreadParties } from './messages';
import type { ReferralSide } from './referral-access';
import { MESSAGE, MESSAGE_READ, THREAD_SIDE } from '../sql';


export const MESSAGE_PAGE_DEFAULT = 50;
export const MESSAGE_PAGE_MAX = MAX_PAGE_SIZE;

export interface MessagePage {
  nodes: MessageView[];
  /** Pass as `after` for the next page; null when the page is empty. */
  endCursor: string | null;
  hasNextPage: boolean;
  /** The thread's referral, for the MessageConnection field rules. */
  referral: ThreadParties;
}

/** One page of a thread, oldest first, keyset over (sentAt, id). `first` is 1–100 (larger asks are refused, not quietly cut). */
export async function loadMessages(
  db: CasesDb,
  thread: MessageThreadView,
  page: { first?: number | null; after?: string | null },
): Promise<MessagePage> {
  const first = pageSize(page.first, MESSAGE_PAGE_DEFAULT);
  const after = page.after ? decodeCursor(page.after) : null;
  const rows = await db.message.findMany({
    where: {
      referralId: thread.referral.id,
      ...(after ? { OR: [{ sentAt: { gt: after.at } }, { sentAt: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
    take: first + 1,
  });
  const views = rows.map((row) => ({ ...row, referral: thread.referral }));
  return { ...toPage(views, first, (row) => ({ at: row.sentAt, id: row.id })), referral: thread.referral };
}

/** How many of the other side's messages this side has not read, per (referral, side). */
export async function countUnread(db: CasesDb, keys: readonly { referralId: string; side: ReferralSide }[]): Promise<number[]> {
  if (keys.length === 0) return [];
  const ids = keys.map((key) => key.referralId);
  const sides = keys.map((key) => key.side);
  const rows = await db.$queryRaw<{ referralId: string; side: string; unread: number }[]>`
    SELECT q."referralId"::text AS "referralId", q."side"::text AS "side", count(m."id")::int AS "unread"
      FROM unnest(${ids}::uuid[], ${sides}::${THREAD_SIDE}[]) AS q("referralId", "side")
      LEFT JOIN ${MESSAGE_READ} r ON r."referralId" = q."referralId" AND r."side" = q."side"
      LEFT JOIN ${MESSAGE} m ON m."referralId" = q."referralId" AND m."side" <> q."side"
                             AND (r."lastReadAt" IS NULL OR m."sentAt" > r."lastReadAt")
     GROUP BY q."referralId", q."side"`;
  const byKey = new Map(rows.map((row) => [`${row.referralId}:${row.side}`, row.unread]));
  return keys.map((key) => byKey.get(`${key.referralId}:${key.side}`) ?? 0);
}

/** Per request: the unread counts of a whole list of referrals come from one query. */
export function unreadCountLoader(ctx: { db: CasesDb }) {
  return requestLoader(ctx, 'messages.unread', () =>
    new DataLoader<{ referralId: string; side: ReferralSide }, number, string>((keys) => countUnread(ctx.db, keys), {
      cacheKeyFn: (key) => `${key.referralId}:${key.side}`,
    }),
  );
}
