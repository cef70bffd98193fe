import type { KeyRing } from '@haven/kit/src/crypto/sealed';
import type { Urgency } from '@haven/kit/src/taxonomy';
import { DEFAULT_DEADLINE_HOURS } from './config';
import type { PersonalDataGate } from './domain/personal-data-gate';

/** What the cases service's code needs besides its database, from configuration (or a test). */
export interface CasesSettings {
  /** Opens and seals the vault and message bodies. */
  keyRing: KeyRing;
  /** Base URL of the partners subgraph (internal routes: hold-slot, release-slot, …). */
  partnersUrl: string;
  /** Base URL of the identity subgraph (internal routes). */
  identityUrl: string;
  deadlineHours: Readonly<Record<Urgency, number>>;
  /** Base URL of the consent subgraph (internal route decide). */
  consentUrl: string;
  /** How long an emergency ("break glass") grant lasts. */
  emergencyAccessHours: number;
  /** Decides who reads which vault category; default: consentGate (tests plug in others). */
  personalDataGate?: PersonalDataGate;
}

export const defaultDeadlineHours: Readonly<Record<Urgency, number>> = DEFAULT_DEADLINE_HOURS;
export const DEFAULT_EMERGENCY_ACCESS_HOURS = 4;
