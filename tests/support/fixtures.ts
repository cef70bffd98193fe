import type { Role } from '@haven/kit/src/taxonomy';

/**
 * The integration tests' small, fictional network. Fixed ids, so every test file (they share one
 * database per run) inserts the same rows and finds them again; inserting twice changes nothing.
 */
export const TEST_PASSWORD = 'integration-test-password-1';

export const TEST_ORGANISATIONS = {
  centre: { id: '00000000-0000-4000-8000-00000000c001', name: 'Test Coordination Centre', kind: 'COORDINATING' },
  partnerA: { id: '00000000-0000-4000-8000-00000000a001', name: 'Test Shelter A', kind: 'PARTNER' },
  partnerB: { id: '00000000-0000-4000-8000-00000000b001', name: 'Test Clinic B', kind: 'PARTNER' },
} as const;

export type TestOrganisationKey = keyof typeof TEST_ORGANISATIONS;

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  memberships: { organisation: TestOrganisationKey; role: Role }[];
}

/** One user per role; each has exactly one membership, so login chooses the organisation itself. */
export const TEST_USERS = {
  coordinatorA: {
    id: '00000000-0000-4000-8000-0000000000c1',
    email: 'coordinator-a@test.invalid',
    displayName: 'Coordinator A',
    memberships: [{ organisation: 'centre', role: 'COORDINATOR' }],
  },
  coordinatorB: {
    id: '00000000-0000-4000-8000-0000000000c2',
    email: 'coordinator-b@test.invalid',
    displayName: 'Coordinator B',
    memberships: [{ organisation: 'centre', role: 'COORDINATOR' }],
  },
  networkAdmin: {
    id: '00000000-0000-4000-8000-0000000000d1',
    email: 'network-admin@test.invalid',
    displayName: 'Network Admin',
    memberships: [{ organisation: 'centre', role: 'NETWORK_ADMIN' }],
  },
  auditor: {
    id: '00000000-0000-4000-8000-0000000000e1',
    email: 'auditor@test.invalid',
    displayName: 'Auditor',
    memberships: [{ organisation: 'centre', role: 'AUDITOR' }],
  },
  staffA: {
    id: '00000000-0000-4000-8000-0000000000a1',
    email: 'staff-a@test.invalid',
    displayName: 'Staff A',
    memberships: [{ organisation: 'partnerA', role: 'PARTNER_STAFF' }],
  },
  adminA: {
    id: '00000000-0000-4000-8000-0000000000a2',
    email: 'admin-a@test.invalid',
    displayName: 'Admin A',
    memberships: [{ organisation: 'partnerA', role: 'PARTNER_ADMIN' }],
  },
  staffB: {
    id: '00000000-0000-4000-8000-0000000000b1',
    email: 'staff-b@test.invalid',
    displayName: 'Staff B',
    memberships: [{ organisation: 'partnerB', role: 'PARTNER_STAFF' }],
  },
} as const satisfies Record<string, TestUser>;

export type TestUserKey = keyof typeof TEST_USERS;

/** Directory profiles for the partner organisations (partners subgraph). */
export const TEST_PROFILES = [
  { organisationId: TEST_ORGANISATIONS.partnerA.id, description: 'Fictional shelter', province: 'UTRECHT', city: 'Utrecht' },
  { organisationId: TEST_ORGANISATIONS.partnerB.id, description: 'Fictional clinic', province: 'GRONINGEN', city: 'Groningen' },
] as const;
