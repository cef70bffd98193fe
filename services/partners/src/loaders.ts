import DataLoader from 'dataloader';
import { byIdLoader, requestLoader } from '@haven/kit/src/graphql/loaders';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { PartnersContext } from './context';
import type { OrganisationProfile, Service } from './generated/prisma/client';

/**
 * Per-request loaders: every reference and every Organisation.profile/services in one request
 * becomes one query per kind (Prisma 7 pays per query, TOOLCHAIN.md).
 */
export function partnersLoaders(ctx: PartnersContext) {
  return requestLoader(ctx, 'partners', () => ({
    serviceById: byIdLoader<Service>((ids) => ctx.db.service.findMany({ where: { id: { in: ids.filter(isUuid) } } })),

    profileByOrganisation: new DataLoader<string, OrganisationProfile | null>(async (ids) => {
      const rows = await ctx.db.organisationProfile.findMany({ where: { organisationId: { in: ids.filter(isUuid) } } });
      const byId = new Map(rows.map((row) => [row.organisationId, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    servicesByOrganisation: new DataLoader<string, Service[]>(async (ids) => {
      const rows = await ctx.db.service.findMany({
        where: { organisationId: { in: ids.filter(isUuid) } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
      return ids.map((id) => rows.filter((row) => row.organisationId === id));
    }),
  }));
}
