import 'server-only';
import { z } from 'zod';

/**
 * The portal's configuration, read and validated once per server process. Nothing else reads
 * process.env for these values.
 */
const configSchema = z.object({
  HAVEN_GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  HAVEN_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  /** 'auto' (default): Secure when the request is https, or in production unless served on loopback. */
  HAVEN_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type PortalConfig = {
  gatewayUrl: string;
  gatewayTimeoutMs: number;
  cookieSecure: 'auto' | 'always' | 'never';
  production: boolean;
};

let loaded: PortalConfig | undefined;

export function portalConfig(): PortalConfig {
  if (loaded) return loaded;
  const parsed = configSchema.safeParse(process.env);
  if (!parsed.success) {
    // Only variable names, never values: a URL may carry credentials.
    const names = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid portal configuration: ${names}`);
  }
  const env = parsed.data;
  loaded = {
    gatewayUrl: env.HAVEN_GATEWAY_URL,
    gatewayTimeoutMs: env.HAVEN_GATEWAY_TIMEOUT_MS,
    cookieSecure: env.HAVEN_COOKIE_SECURE === 'auto' ? 'auto' : env.HAVEN_COOKIE_SECURE === 'true' ? 'always' : 'never',
    production: env.NODE_ENV === 'production',
  };
  return loaded;
}
