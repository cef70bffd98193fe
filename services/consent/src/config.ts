import { z } from 'zod';
import { loadConfig, subgraphConfigSchema } from '@haven/kit/src/config';

export const consentConfigSchema = subgraphConfigSchema(4004).extend({
  /** The cases subgraph (its /graphql URL; internal routes live on the same origin): whose case it is, how old. */
  CASES_URL: z.string().url(),
});
export type ConsentConfig = ReturnType<typeof loadConsentConfig>;

export function loadConsentConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(consentConfigSchema, env);
}
