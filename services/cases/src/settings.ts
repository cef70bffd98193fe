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
  /** Decides who reads which vault category; default: defaultPersonalDataGate (issue 5 plugs consent in). */
  personalDataGate?: PersonalDataGate;
}

export const defaultDeadlineHours: Readonly<Record<Urgency, number>> = DEFAULT_DEADLINE_HOURS;
