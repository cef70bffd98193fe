import { hasRole, isSignedIn } from '@haven/kit/src/graphql/permissions';
import type { IRules } from 'graphql-shield';

// Who may see consent records. For now: coordinators only (partners learn what consent allows
// through the cases service's decisions, never the records themselves).
const coordinator = hasRole('COORDINATOR');

export const consentPermissions: IRules = {
  Query: {
    consentRecordsForCase: coordinator,
    _entities: isSignedIn,
    _service: isSignedIn,
  },
  ConsentRecord: coordinator,
  Case: {
    id: isSignedIn,
    consentRecords: coordinator,
  },
  _Service: isSignedIn,
};
