import DataLoader from 'dataloader';
import { requestLoader } from '@haven/kit/src/graphql/loaders';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { CasesContext } from '../context';
import type { VaultRow } from './vault-read';

/**
 * The sealed vault rows per case id, for one request: the personal data of a list of cases is one query,
 * not one per case. Rows are only loaded for cases the gate let the caller read something of.
 */
export function vaultRowsByCase(ctx: CasesContext): DataLoader<string, VaultRow[]> {
  return requestLoader(ctx, 'cases.vault', () =>
    new DataLoader<string, VaultRow[]>(async (caseIds) => {
      const rows = await ctx.db.vaultField.findMany({
        where: { caseId: { in: caseIds.filter(isUuid) } },
        select: { caseId: true, field: true, category: true, keyId: true, sealed: true },
      });
      return caseIds.map((id) => rows.filter((row) => row.caseId === id));
    }),
  );
}
