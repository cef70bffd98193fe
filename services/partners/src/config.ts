import { loadConfig, subgraphConfigSchema } from '@haven/kit/src/config';

export const partnersConfigSchema = subgraphConfigSchema(4002);
export type PartnersConfig = ReturnType<typeof loadPartnersConfig>;

export function loadPartnersConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(partnersConfigSchema, env);
}
