import { z } from 'zod';
import { loadConfig, subgraphConfigSchema } from '@haven/kit/src/config';
import { mailConfigShape } from '@haven/kit/src/mail/mail-config';

export const identityConfigSchema = subgraphConfigSchema(4001).extend({
  /** A session not used for this long is dead (DESIGN.md: idle timeout). */
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** No session outlives this, however busy (DESIGN.md: absolute lifetime). */
  SESSION_MAX_LIFETIME_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  /** Invitation and reset mails: HAVEN_SMTP_URL or HAVEN_MAIL_DIR, HAVEN_MAIL_FROM, HAVEN_PORTAL_URL (kit mail-config.ts). */
  ...mailConfigShape,
  /** How often the mail outbox worker looks for due mail. */
  HAVEN_MAIL_INTERVAL_SECONDS: z.coerce.number().min(0.2).max(3600).default(5),
});
export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(identityConfigSchema, env);
}

/** What the session rules need, in milliseconds, independent of where the numbers came from. */
export interface SessionSettings {
  idleTimeoutMs: number;
  maxLifetimeMs: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleTimeoutMs: 30 * 60_000, maxLifetimeMs: 12 * 3_600_000 };

export function sessionSettingsFrom(config: IdentityConfig): SessionSettings {
  return {
    idleTimeoutMs: config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
    maxLifetimeMs: config.SESSION_MAX_LIFETIME_HOURS * 3_600_000,
  };
}
