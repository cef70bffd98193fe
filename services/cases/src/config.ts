import { loadConfig, subgraphConfigSchema } from '@haven/kit/src/config';

export const casesConfigSchema = subgraphConfigSchema(4003);
export type CasesConfig = ReturnType<typeof loadCasesConfig>;

export function loadCasesConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(casesConfigSchema, env);
}
