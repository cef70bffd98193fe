import { hasRole, isSignedIn, objectRule } from '@haven/kit/src/graphql/permissions';
import type { IRules } from 'graphql-shield';
import { mayViewCase } from './domain/case-access';

const coordinator = hasRole('COORDINATOR');

// Every Case field, wherever the Case came from (`case`, `cases`, `_entities`, a future referral),
// asks again whether this caller may see this case. Never cached: one item's answer must not leak
// to the next.
const ownCase = objectRule('ownCase', (row: { coordinatingOrganisationId?: string }, ctx) => mayViewCase(ctx.caller, row));

export const casesPermissions: IRules = {
  Query: {
    cases: coordinator,
    case: coordinator,
    _entities: isSignedIn,
    _service: isSignedIn,
  },
  Mutation: {
    createCase: coordinator,
  },
  Case: {
    id: ownCase,
    reference: ownCase,
    urgency: ownCase,
    needs: ownCase,
    status: ownCase,
    createdAt: ownCase,
    coordinatingOrganisation: ownCase,
    coordinator: ownCase,
  },
  // Stubs of identity's entities: only a key, reachable only through a Case the caller may see.
  Organisation: { id: isSignedIn },
  User: { id: isSignedIn },
  _Service: isSignedIn,
};
