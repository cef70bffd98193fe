import DataLoader from 'dataloader';
import { byIdLoader, requestLoader } from '@haven/kit/src/graphql/loaders';
import type { IdentityContext } from '../context';
import { isUuid } from '@haven/kit/src/graphql/uuid';

// Entity references and payload fields load by id through one batched query per request
// (Prisma 7 pays per query, TOOLCHAIN.md). Ids that cannot be UUIDs never reach the database.

export const organisationLoader = (ctx: IdentityContext) =>
  requestLoader(ctx, 'organisation', () =>
    byIdLoader((ids) => ctx.db.organisation.findMany({ where: { id: { in: ids.filter(isUuid) } } })),
  );

export const userLoader = (ctx: IdentityContext) =>
  requestLoader(ctx, 'user', () => byIdLoader((ids) => ctx.db.user.findMany({ where: { id: { in: ids.filter(isUuid) } } })));

/**
 * Whether a user is a member of the caller's active organisation (any role): what lets a partner admin read
 * that user's name and address (permissions.ts). One query for every user of the request.
 */
export const isMemberOfCallersOrganisation = (ctx: IdentityContext, userId: string): Promise<boolean> => {
  const organisationId = ctx.caller?.organisationId;
  if (!organisationId || !isUuid(userId)) return Promise.resolve(false);
  const loader = requestLoader(
    ctx,
    'memberOfCallersOrganisation',
    () =>
      new DataLoader<string, boolean>(async (ids) => {
        const rows = await ctx.db.membership.findMany({
          where: { organisationId, userId: { in: [...ids] } },
          select: { userId: true },
          distinct: ['userId'],
        });
        const members = new Set(rows.map((row) => row.userId));
        return ids.map((id) => members.has(id));
      }),
  );
  return loader.load(userId);
};
