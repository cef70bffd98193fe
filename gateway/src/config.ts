import { resolve } from 'node:path';
import { z } from 'zod';
import { booleanFlag, introspectionEnabled, loadConfig, metricsConfigShape } from '@haven/kit/src/config';
import type { SubgraphName } from '@haven/kit/src/taxonomy';
import { DEFAULT_TRUSTED_PROXIES, parseTrustedProxies } from './client-address';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limits';

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
  /** Introspection (the API explorer needs it): on in development, off in production unless switched on. */
  HAVEN_INTROSPECTION: booleanFlag.optional(),
  /** The API explorer at /explorer: on outside production unless introspection is off; see explorerEnabled. */
  HAVEN_API_EXPLORER: booleanFlag.optional(),
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
  /** Requests per minute (see rate-limits.ts for why these defaults); like the query limits, never switched off. */
  HAVEN_RATE_LIMIT_USER_PER_MINUTE: limit(DEFAULT_RATE_LIMITS.userPerMinute),
  HAVEN_RATE_LIMIT_TOKEN_PER_MINUTE: limit(DEFAULT_RATE_LIMITS.tokenPerMinute),
  HAVEN_RATE_LIMIT_ADDRESS_PER_MINUTE: limit(DEFAULT_RATE_LIMITS.addressPerMinute),
  HAVEN_RATE_LIMIT_LOGIN_PER_MINUTE: limit(DEFAULT_RATE_LIMITS.loginPerMinute),
  /** Peers whose X-Forwarded-For is believed: comma-separated addresses or CIDR ranges; empty = no one (client-address.ts). */
  HAVEN_TRUSTED_PROXIES: z
    .string()
    .default(DEFAULT_TRUSTED_PROXIES.join(','))
    .transform((spec, ctx) => {
      try {
        return parseTrustedProxies(spec);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Metrics on their own listener (HAVEN_METRICS_PORT, HAVEN_METRICS_HOST); never on PORT. */
  ...metricsConfigShape,
}).superRefine(explorerNeedsIntrospection);

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

/**
 * The explorer's documentation, completion and validation all come from introspection; without it the
 * explorer is a blank editor that marks every field as unknown. Switching introspection on behind the
 * operator's back would widen the API silently, so asking for both to disagree stops start-up instead.
 */
function explorerNeedsIntrospection(config: { NODE_ENV: string; HAVEN_INTROSPECTION?: boolean; HAVEN_API_EXPLORER?: boolean }, ctx: z.RefinementCtx) {
  if (config.HAVEN_API_EXPLORER === true && !introspectionEnabled(config)) {
    ctx.addIssue({
      code: 'custom',
      path: ['HAVEN_API_EXPLORER'],
      message: 'the API explorer needs introspection: set HAVEN_INTROSPECTION=true as well, or HAVEN_API_EXPLORER=false',
    });
  }
}

/** Explicit setting, else on outside production whenever introspection is on (off in production). */
export function explorerEnabled(config: GatewayConfig): boolean {
  return config.HAVEN_API_EXPLORER ?? (config.NODE_ENV !== 'production' && introspectionEnabled(config));
}

export function rateLimitsFrom(config: GatewayConfig): RateLimits {
  return {
    userPerMinute: config.HAVEN_RATE_LIMIT_USER_PER_MINUTE,
    tokenPerMinute: config.HAVEN_RATE_LIMIT_TOKEN_PER_MINUTE,
    addressPerMinute: config.HAVEN_RATE_LIMIT_ADDRESS_PER_MINUTE,
    loginPerMinute: config.HAVEN_RATE_LIMIT_LOGIN_PER_MINUTE,
  };
}
