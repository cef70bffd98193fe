import { resolve } from 'node:path';
import { z } from 'zod';
import { booleanFlag, loadConfig } from '@haven/kit/src/config';
import type { SubgraphName } from '@haven/kit/src/taxonomy';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';

const graphqlUrl = (port: number) => z.string().url().default(`http://127.0.0.1:${port}/graphql`);
/** A query limit: a positive whole number; 0 or "off" is refused, a limit is never switched off by config. */
const limit = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The committed supergraph; the gateway never introspects or polls subgraphs for their schema. */
export const DEFAULT_SUPERGRAPH_PATH = resolve(__dirname, '../../schema/supergraph.graphql');

export const gatewayConfigSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** Directory with the gateway's private key and every part's public key. */
  HAVEN_KEYS_DIR: z.string().min(1),
  /** Introspection (and the landing page): on in development, off in production unless switched on. */
  HAVEN_INTROSPECTION: booleanFlag.optional(),
  IDENTITY_URL: graphqlUrl(4001),
  PARTNERS_URL: graphqlUrl(4002),
  CASES_URL: graphqlUrl(4003),
  CONSENT_URL: graphqlUrl(4004),
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  /** Per-operation limits (see query-limits.ts for why these defaults). */
  HAVEN_QUERY_MAX_DEPTH: limit(DEFAULT_QUERY_LIMITS.maxDepth),
  HAVEN_QUERY_MAX_ALIASES: limit(DEFAULT_QUERY_LIMITS.maxAliases),
  HAVEN_QUERY_MAX_DIRECTIVES: limit(DEFAULT_QUERY_LIMITS.maxDirectives),
  HAVEN_QUERY_MAX_TOKENS: limit(DEFAULT_QUERY_LIMITS.maxTokens),
  HAVEN_QUERY_MAX_COST: limit(DEFAULT_QUERY_LIMITS.maxCost),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(gatewayConfigSchema, env);
}

export function subgraphUrlsFrom(config: GatewayConfig): Record<SubgraphName, string> {
  return {
    identity: config.IDENTITY_URL,
    partners: config.PARTNERS_URL,
    cases: config.CASES_URL,
    consent: config.CONSENT_URL,
  };
}

export function queryLimitsFrom(config: GatewayConfig): QueryLimits {
  return {
    maxDepth: config.HAVEN_QUERY_MAX_DEPTH,
    maxAliases: config.HAVEN_QUERY_MAX_ALIASES,
    maxDirectives: config.HAVEN_QUERY_MAX_DIRECTIVES,
    maxTokens: config.HAVEN_QUERY_MAX_TOKENS,
    maxCost: config.HAVEN_QUERY_MAX_COST,
  };
}
