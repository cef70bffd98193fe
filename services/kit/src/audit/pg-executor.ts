import type { ClientBase } from 'pg';
import type { RawExecutor } from './write';

/**
 * writeAuditEvents through a plain pg client: the tagged template becomes $1, $2 … as Prisma's $executeRaw
 * sends it. For code without a Prisma client (scripts, kit's own tests).
 */
export function pgExecutor(client: Pick<ClientBase, 'query'>): RawExecutor {
  return {
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
      return (await client.query(text, values)).rowCount ?? 0;
    },
  };
}
