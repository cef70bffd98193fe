import { z } from 'zod';
import { loadConfig, subgraphConfigSchema } from '@haven/kit/src/config';

export const DEFAULT_CAPACITY_STALE_DAYS = 7;

export const partnersConfigSchema = subgraphConfigSchema(4002).extend({
  /** Capacity not confirmed by the organisation for this many days is shown as stale. */
  HAVEN_CAPACITY_STALE_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_CAPACITY_STALE_DAYS),
});
export type PartnersConfig = ReturnType<typeof loadPartnersConfig>;

export function loadPartnersConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(partnersConfigSchema, env);
}
