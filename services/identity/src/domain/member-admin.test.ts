import { randomUUID } from 'node:crypto';
import { withClient } from '@haven/kit/src/db/with-client';
import { AppError } from '@haven/kit/src/errors';
import type { Role } from '@haven/kit/src/taxonomy';
import { testDatabase } from '@haven/kit/src/testing/db';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { createIdentityDb, type IdentityDb } from '../db';
import { createOrganisation as organisationFixture, createUser as userFixture } from '../testing/fixtures';
import { createOrganisation } from './create-organisation';
import { createUser } from './create-user';
import { removeMember } from './remove-member';
import { setMemberRoles } from './set-member-roles';

// Account administration below GraphQL: the audit record of each change, and the last-admin rule holding when
// two admins act at the same moment against real PostgreSQL (the organisation row lock in organisation-admin.ts).

let db: IdentityDb;
beforeAll(() => {
  db = createIdentityDb(testDatabase().appUrl('identity'), 6);
});
afterAll(() => db?.$disconnect());

const as = (userId: string, organisationId: string, roles: Role[]): Identity => ({
  subject: userId,
  kind: 'user',
  sessionId: randomUUID(),
  organisationId,
  roles,
  scopes: [],
});

async function eventsOf(requestId: string) {
  const { rows } = await withClient(testDatabase().adminUrl, (client) =>
    client.query(`SELECT "action", "actorUserId", "subjectId", row_to_json(e)::text AS text FROM "audit"."AuditEvent" e WHERE "requestId" = $1 ORDER BY "seq"`, [
      requestId,
    ]),
  );
  return rows as { action: string; actorUserId: string; subjectId: string; text: string }[];
}

const codeAndReason = (work: Promise<unknown>) =>
  work.then(
    () => 'ok',
    (error) => (error instanceof AppError ? `${error.extensions.code}${error.extensions.reason ? ` ${error.extensions.reason}` : ''}` : error),
  );

async function organisationWithAdmins(count: number) {
  const organisation = await organisationFixture(db);
  const admins = await Promise.all(
    Array.from({ length: count }, () => userFixture(db, { memberships: [{ organisationId: organisation.id, role: 'PARTNER_ADMIN' }] })),
  );
  return { organisation, admins };
}

describe('the audit trail of account administration', () => {
  it('records each change with the new id as subject and never the address or the one-time password', async () => {
    const centre = await organisationFixture(db, { kind: 'COORDINATING' });
    const networkAdmin = await userFixture(db, { memberships: [{ organisationId: centre.id, role: 'NETWORK_ADMIN' }] });
    const caller = as(networkAdmin.id, centre.id, ['NETWORK_ADMIN']);
    const requestId = randomUUID();

    const organisation = await createOrganisation(db, caller, { name: `Audited ${randomUUID()}`, kind: 'PARTNER' }, requestId);
    const email = `audited-${randomUUID()}@example.test`;
    const first = await createUser(db, caller, { email, displayName: 'First', organisationId: organisation.id, roles: ['PARTNER_ADMIN'] }, requestId);
    const second = await createUser(db, caller, { email: `b-${email}`, displayName: 'Second', organisationId: organisation.id, roles: ['PARTNER_STAFF'] }, requestId);
    await setMemberRoles(db, caller, { userId: second.user.id, organisationId: organisation.id, roles: ['PARTNER_STAFF', 'PARTNER_ADMIN'] }, requestId);
    await removeMember(db, caller, { userId: first.user.id, organisationId: organisation.id }, new Date(), requestId);

    const events = await eventsOf(requestId);
    expect(events.map(({ action, actorUserId, subjectId }) => ({ action, actorUserId, subjectId }))).toEqual([
      { action: 'organisation.create', actorUserId: networkAdmin.id, subjectId: organisation.id },
      { action: 'user.create', actorUserId: networkAdmin.id, subjectId: first.user.id },
      { action: 'user.create', actorUserId: networkAdmin.id, subjectId: second.user.id },
      { action: 'membership.set-roles', actorUserId: networkAdmin.id, subjectId: second.user.id },
      { action: 'membership.remove', actorUserId: networkAdmin.id, subjectId: first.user.id },
    ]);
    const stored = events.map((e) => e.text).join('\n');
    for (const secret of [email, first.initialPassword, second.initialPassword]) expect(stored).not.toContain(secret);
  });

  it('records nothing for a refused change', async () => {
    const { organisation, admins } = await organisationWithAdmins(1);
    const requestId = randomUUID();
    const caller = as(admins[0]!.id, organisation.id, ['PARTNER_ADMIN']);

    expect(await codeAndReason(removeMember(db, caller, { userId: admins[0]!.id, organisationId: organisation.id }, new Date(), requestId))).toBe(
      'CONFLICT OWN_MEMBERSHIP',
    );
    expect(await codeAndReason(setMemberRoles(db, caller, { userId: admins[0]!.id, organisationId: organisation.id, roles: ['PARTNER_STAFF'] }, requestId))).toBe(
      'CONFLICT OWN_ADMIN_ROLE',
    );
    expect(await eventsOf(requestId)).toEqual([]);
  });
});

describe('two admins acting at the same moment', () => {
  // Each admin removes the other: without the organisation's row lock both would count one other admin and
  // both removals would commit, leaving the organisation with no admin at all.
  it.each([1, 2, 3, 4, 5])('never leaves the organisation without an admin when two admins remove each other (round %i)', async () => {
    const { organisation, admins } = await organisationWithAdmins(2);
    const [x, y] = [admins[0]!, admins[1]!];

    const outcomes = await Promise.all([
      codeAndReason(removeMember(db, as(x.id, organisation.id, ['PARTNER_ADMIN']), { userId: y.id, organisationId: organisation.id })),
      codeAndReason(removeMember(db, as(y.id, organisation.id, ['PARTNER_ADMIN']), { userId: x.id, organisationId: organisation.id })),
    ]);

    expect([...outcomes].sort()).toEqual(['CONFLICT LAST_ADMIN', 'ok']);
    expect(await db.membership.count({ where: { organisationId: organisation.id, role: 'PARTNER_ADMIN' } })).toBe(1);
  });

  it('never leaves the organisation without an admin when a network admin demotes one admin while the other is removed', async () => {
    const centre = await organisationFixture(db, { kind: 'COORDINATING' });
    const networkAdmin = await userFixture(db, { memberships: [{ organisationId: centre.id, role: 'NETWORK_ADMIN' }] });
    const network = as(networkAdmin.id, centre.id, ['NETWORK_ADMIN']);
    for (let round = 0; round < 3; round++) {
      const { organisation, admins } = await organisationWithAdmins(2);
      const [x, y] = [admins[0]!, admins[1]!];

      const outcomes = await Promise.all([
        codeAndReason(setMemberRoles(db, network, { userId: x.id, organisationId: organisation.id, roles: ['PARTNER_STAFF'] })),
        codeAndReason(removeMember(db, as(x.id, organisation.id, ['PARTNER_ADMIN']), { userId: y.id, organisationId: organisation.id })),
      ]);

      expect([...outcomes].sort()).toEqual(['CONFLICT LAST_ADMIN', 'ok']);
      expect(await db.membership.count({ where: { organisationId: organisation.id, role: 'PARTNER_ADMIN' } })).toBe(1);
    }
  });

  it('gives one of two admins creating the same address at once CONFLICT, the other the account', async () => {
    const { organisation, admins } = await organisationWithAdmins(2);
    const email = `race-${randomUUID()}@example.test`;
    const input = { email, displayName: 'Race', organisationId: organisation.id, roles: ['PARTNER_STAFF'] as Role[] };

    const outcomes = await Promise.all(admins.map((a) => codeAndReason(createUser(db, as(a.id, organisation.id, ['PARTNER_ADMIN']), input))));

    expect([...outcomes].sort()).toEqual(['CONFLICT', 'ok']);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
