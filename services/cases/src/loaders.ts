import { byIdLoader, requestLoader } from '@haven/kit/src/graphql/loaders';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { CasesContext } from './context';
import type { Case } from './generated/prisma/client';

/** Per-request loaders: all Case references in one request become one query. */
export function casesLoaders(ctx: CasesContext) {
  return requestLoader(ctx, 'cases', () => ({
    caseById: byIdLoader<Case>((ids) => ctx.db.case.findMany({ where: { id: { in: ids.filter(isUuid) } } })),
  }));
}
