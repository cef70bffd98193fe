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
  /**
   * The demo's mail folder (identity's folder transport writes it): set, network admins read it at /admin/mail.
   * Only for the embedded demo (scripts/run-stack.ts) — the folder holds every invitation and reset link.
   */
  HAVEN_MAIL_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
});

export type PortalConfig = {
  gatewayUrl: string;
  gatewayTimeoutMs: number;
  cookieSecure: 'auto' | 'always' | 'never';
  production: boolean;
  /** The demo mail folder shown at /admin/mail, or undefined (then that page does not exist). */
  mailDir?: string;
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
    mailDir: env.HAVEN_MAIL_DIR,
  };
  return loaded;
}
