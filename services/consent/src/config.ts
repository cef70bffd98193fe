import { loadConfig, subgraphConfigSchema } from '@haven/kit/src/config';

export const consentConfigSchema = subgraphConfigSchema(4004);
export type ConsentConfig = ReturnType<typeof loadConsentConfig>;

export function loadConsentConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(consentConfigSchema, env);
}
