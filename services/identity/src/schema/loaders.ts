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
