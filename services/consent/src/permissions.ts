import { hasRole, isSignedIn, objectRule } from '@haven/kit/src/graphql/permissions';
import type { IRules } from 'graphql-shield';
import { mayReadConsentRecord } from './domain/consent-access';
import type { ConsentRecord } from './generated/prisma/client';

// Coordinators only: partners learn what consent allows through the cases service's decisions, never
// the records themselves; network admins and auditors never see a client's personal data.
const coordinator = hasRole('COORDINATOR');

// Every ConsentRecord field (`history` included: each listed version is checked again), wherever the record came from (`consentRecordsForCase`,
// `Case.consentRecords`, `_entities`), asks again whether this caller may read this record. Never
// cached: one list item's answer must not be reused for the next. The queries also filter in SQL.
const ownRecord = objectRule('ownConsentRecord', (row: Partial<ConsentRecord>, ctx) => mayReadConsentRecord(ctx.caller, row));

export const consentPermissions: IRules = {
  Query: {
    consentRecordsForCase: coordinator,
    _entities: isSignedIn,
    _service: isSignedIn,
  },
  // Coordinators only; the resolvers then ask cases whether the case is their active organisation's
  // (NOT_FOUND otherwise) and look records up by that organisation only.
  Mutation: {
    recordConsent: coordinator,
    amendConsent: coordinator,
    withdrawConsent: coordinator,
  },
  ConsentRecord: ownRecord,
  Case: {
    id: isSignedIn,
    consentRecords: coordinator,
  },
  _Service: isSignedIn,
};
