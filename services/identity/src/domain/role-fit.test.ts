import { Client } from 'pg';
import { ORGANISATION_KINDS, ROLES, ROLES_BY_ORGANISATION_KIND, roleFitsOrganisationKind } from '@haven/kit/src/taxonomy';
import { testDatabase } from '@haven/kit/src/testing/db';
import { verifyIdentity } from '@haven/kit/src/trust/tokens';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

const SELECT = `mutation Select($id: ID!) { selectOrganisation(organisationId: $id) { activeOrganisation { id } roles } }`;

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity?.close());

/**
 * What a broken or bypassed database rule would leave behind: the organisation's kind changed under its
 * memberships with the triggers off (session_replication_role needs the superuser test admin; the service's
 * own role cannot do this).
 */
async function forceOrganisationKind(organisationId: string, kind: 'COORDINATING' | 'PARTNER'): Promise<void> {
  const client = new Client({ connectionString: testDatabase().adminUrl });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query('UPDATE identity."Organisation" SET kind = $2 WHERE id = $1', [organisationId, kind]);
  } finally {
    await client.end();
  }
}

describe('the mapping of roles to organisation kinds', () => {
  it('places every role in exactly one kind of organisation', () => {
    const placed = ORGANISATION_KINDS.flatMap((kind) => ROLES_BY_ORGANISATION_KIND[kind]);
    expect([...placed].sort()).toEqual([...ROLES].sort());
  });
});

describe('the database refuses a role that does not fit the organisation', () => {
  const pairs = ORGANISATION_KINDS.flatMap((kind) => ROLES.map((role) => [kind, role] as const));

  test.each(pairs)('a %s organisation and the role %s: stored only when the mapping allows it', async (kind, role) => {
    const organisation = await createOrganisation(identity.db, { kind });
    const user = await createUser(identity.db);

    const insert = identity.db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role } });

    if (roleFitsOrganisationKind(role, kind)) {
      await expect(insert).resolves.toMatchObject({ role });
    } else {
      await expect(insert).rejects.toThrow(/does not fit/);
      expect(await identity.db.membership.count({ where: { userId: user.id } })).toBe(0);
    }
  });

  it('refuses changing a membership to a role that does not fit', async () => {
    const partner = await createOrganisation(identity.db, { kind: 'PARTNER' });
    const user = await createUser(identity.db, { memberships: [{ organisationId: partner.id, role: 'PARTNER_STAFF' }] });
    const membership = await identity.db.membership.findFirstOrThrow({ where: { userId: user.id } });

    // As the owner: the service has no UPDATE on Membership, and the trigger, not that missing grant, must refuse.
    await expect(identity.admin.membership.update({ where: { id: membership.id }, data: { role: 'NETWORK_ADMIN' } })).rejects.toThrow(/does not fit/);

    expect((await identity.db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe('PARTNER_STAFF');
  });

  it('refuses moving a membership to an organisation of the other kind', async () => {
    const partner = await createOrganisation(identity.db, { kind: 'PARTNER' });
    const centre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
    const user = await createUser(identity.db, { memberships: [{ organisationId: partner.id, role: 'PARTNER_ADMIN' }] });
    const membership = await identity.db.membership.findFirstOrThrow({ where: { userId: user.id } });

    await expect(identity.admin.membership.update({ where: { id: membership.id }, data: { organisationId: centre.id } })).rejects.toThrow(/does not fit/);

    expect((await identity.db.membership.findUniqueOrThrow({ where: { id: membership.id } })).organisationId).toBe(partner.id);
  });

  it('refuses changing the kind of an organisation whose members would no longer fit', async () => {
    const partner = await createOrganisation(identity.db, { kind: 'PARTNER' });
    await createUser(identity.db, { memberships: [{ organisationId: partner.id, role: 'PARTNER_ADMIN' }] });

    await expect(identity.db.organisation.update({ where: { id: partner.id }, data: { kind: 'COORDINATING' } })).rejects.toThrow(/does not fit/);

    expect((await identity.db.organisation.findUniqueOrThrow({ where: { id: partner.id } })).kind).toBe('PARTNER');
  });

  it('allows changing the kind of an organisation without members', async () => {
    const empty = await createOrganisation(identity.db, { kind: 'PARTNER' });

    await identity.db.organisation.update({ where: { id: empty.id }, data: { kind: 'COORDINATING' } });

    expect((await identity.db.organisation.findUniqueOrThrow({ where: { id: empty.id } })).kind).toBe('COORDINATING');
  });
});

describe('a session whose membership does not fit its organisation (the database rule bypassed)', () => {
  it('carries no coordinating role in an organisation that is now a partner', async () => {
    const centre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
    const user = await createUser(identity.db, { memberships: [{ organisationId: centre.id, role: 'COORDINATOR' }] });
    const { sessionToken, identityToken } = await identity.signIn(user);
    expect((await verifyIdentity(identityToken, identity.keys.identity.publicKey)).roles).toEqual(['COORDINATOR']);

    await forceOrganisationKind(centre.id, 'PARTNER');
    const resolved = await identity.resolveSession(sessionToken);

    const caller = await verifyIdentity(resolved!.identityToken, identity.keys.identity.publicKey);
    expect(caller.roles).toEqual([]);
    expect(caller.organisationId).toBeNull();
  });

  it('carries no partner role in an organisation that is now the coordinating one', async () => {
    const partner = await createOrganisation(identity.db, { kind: 'PARTNER' });
    const user = await createUser(identity.db, { memberships: [{ organisationId: partner.id, role: 'PARTNER_ADMIN' }] });
    const { sessionToken } = await identity.signIn(user);

    await forceOrganisationKind(partner.id, 'COORDINATING');
    const resolved = await identity.resolveSession(sessionToken);

    const caller = await verifyIdentity(resolved!.identityToken, identity.keys.identity.publicKey);
    expect(caller.roles).toEqual([]);
    expect(caller.organisationId).toBeNull();
  });

  it('cannot choose that organisation as the active one', async () => {
    const [a, b] = await Promise.all([createOrganisation(identity.db), createOrganisation(identity.db)]);
    const user = await createUser(identity.db, {
      memberships: [
        { organisationId: a.id, role: 'PARTNER_STAFF' },
        { organisationId: b.id, role: 'PARTNER_STAFF' },
      ],
    });
    const { identityToken } = await identity.signIn(user);
    await forceOrganisationKind(b.id, 'COORDINATING');

    const response = await identity.graphql(SELECT, { id: b.id }, identityToken);

    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
