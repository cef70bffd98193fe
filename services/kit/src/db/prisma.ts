import { PrismaPg } from '@prisma/adapter-pg';

/**
 * The driver adapter for one service: its own role, its own namespace. Models are unqualified in
 * schema.prisma; the adapter qualifies them with `schema`.
 */
export function serviceAdapter(connectionString: string, schema: string, max = 10) {
  return new PrismaPg({ connectionString, max, application_name: `haven-${schema}` }, { schema });
}
