import { z } from 'zod';
import { loadConfig, subgraphConfigSchema } from '@haven/kit/src/config';
import { parseKeyRing } from '@haven/kit/src/crypto/key-ring';

/** Response deadlines by urgency, in hours (issue 4 defaults). */
export const DEFAULT_DEADLINE_HOURS = { IMMEDIATE: 2, URGENT: 24, STANDARD: 72 } as const;

const hours = (fallback: number) => z.coerce.number().positive().max(24 * 30).default(fallback);

export const casesConfigSchema = subgraphConfigSchema(4003).extend({
  /** The partners subgraph (its /graphql URL; internal routes live on the same origin). */
  PARTNERS_URL: z.string().url(),
  /** The identity subgraph (hand-over checks that the new coordinator is one). */
  IDENTITY_URL: z.string().url(),
  /** The consent subgraph (decide: who may read which category, and whether a referral may be sent). */
  CONSENT_URL: z.string().url(),
  /** How long an emergency ("break glass") grant opens a category for a partner. */
  HAVEN_EMERGENCY_ACCESS_HOURS: z.coerce.number().positive().max(72).default(4),
  /**
   * The vault's key ring, `id:base64key[,id:base64key…]`, first = current (docs/operations.md, key rotation).
   * Never stored in the database. Checked at start: a bad ring stops the service.
   */
  HAVEN_VAULT_KEYS: z
    .string()
    .min(1, 'is required: the key ring that encrypts personal data')
    .superRefine((text, ctx) => {
      try {
        parseKeyRing(text, '(key ring)');
      } catch (error) {
        // The issue is reported under the setting's name already; say only what is wrong with it.
        ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/^\(key ring\): /, '') });
      }
    }),
  HAVEN_DEADLINE_IMMEDIATE_HOURS: hours(DEFAULT_DEADLINE_HOURS.IMMEDIATE),
  HAVEN_DEADLINE_URGENT_HOURS: hours(DEFAULT_DEADLINE_HOURS.URGENT),
  HAVEN_DEADLINE_STANDARD_HOURS: hours(DEFAULT_DEADLINE_HOURS.STANDARD),
  /** How often each instance runs the background jobs (expiry, hold reconciliation, response reports). */
  HAVEN_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});
export type CasesConfig = ReturnType<typeof loadCasesConfig>;

export function loadCasesConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(casesConfigSchema, env);
}
