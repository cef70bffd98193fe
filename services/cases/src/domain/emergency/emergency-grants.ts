import DataLoader from 'dataloader';
import { requestLoader } from '@haven/kit/src/graphql/loaders';
import type { CasesContext } from '../../context';
import type { EmergencyGrant } from '../../generated/prisma/client';

/** The grants of `organisationId` on `caseId` that have not expired; one query per request for a whole list. */
export async function activeEmergencyGrants(ctx: CasesContext, caseId: string, organisationId: string): Promise<EmergencyGrant[]> {
  return grantsLoader(ctx).load(`${caseId}|${organisationId}`);
}

function grantsLoader(ctx: CasesContext) {
  return requestLoader(ctx, 'emergency.grants', () =>
    new DataLoader<string, EmergencyGrant[]>(async (keys) => {
      const pairs = keys.map((k) => k.split('|') as [string, string]);
      const rows = await ctx.db.emergencyGrant.findMany({
        where: { OR: pairs.map(([caseId, organisationId]) => ({ caseId, organisationId })), expiresAt: { gt: new Date() } },
        orderBy: { grantedAt: 'asc' },
      });
      return pairs.map(([caseId, organisationId]) => rows.filter((row) => row.caseId === caseId && row.organisationId === organisationId));
    }),
  );
}
