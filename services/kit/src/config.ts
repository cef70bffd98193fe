import { z } from 'zod';

/**
 * A setting is missing or wrong. Start-up prints only its message (which names the setting and never
 * echoes a secret) and exits, instead of a stack trace from deep inside.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads configuration once at start-up. A bad or missing setting stops the process with a message
 * that names the setting, never a stack trace from deep inside.
 */
export function loadConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(config)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

/** An environment switch: exactly `true` or `false`, so a typo stops start-up instead of meaning "off". */
export const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The metrics listener, the same for every part: unset port = no listener (and no metrics collected). Its own
 * port, never the public one, on loopback unless a scraper elsewhere needs it (e.g. the compose network).
 */
export const metricsConfigShape = {
  HAVEN_METRICS_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  HAVEN_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
};

/** Where to serve metrics, or undefined when HAVEN_METRICS_PORT is not set. */
export function metricsListenerFrom(config: { HAVEN_METRICS_PORT?: number; HAVEN_METRICS_HOST: string }) {
  return config.HAVEN_METRICS_PORT === undefined ? undefined : { port: config.HAVEN_METRICS_PORT, host: config.HAVEN_METRICS_HOST };
}

/** Settings every subgraph shares. Each service adds its own on top. */
export const subgraphConfigSchema = (defaultPort: number) =>
  z.object({
    NODE_ENV: z.string().default('development'),
    /** The service's own database role (never a superuser), e.g. postgresql://haven_cases:…@host/db */
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
    PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    HOST: z.string().default('127.0.0.1'),
    /** Directory with this part's private key and every part's public key. */
    HAVEN_KEYS_DIR: z.string().min(1),
    /** Introspection: on in development, off in production unless switched on explicitly. */
    HAVEN_INTROSPECTION: booleanFlag.optional(),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    ...metricsConfigShape,
  });

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigSchema>>;

export function introspectionEnabled(config: { NODE_ENV: string; HAVEN_INTROSPECTION?: boolean }): boolean {
  return config.HAVEN_INTROSPECTION ?? config.NODE_ENV !== 'production';
}
