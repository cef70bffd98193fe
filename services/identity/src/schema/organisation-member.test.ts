import type { Role } from '@haven/kit/src/taxonomy';
import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { hashSessionToken } from '../domain/session-token';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

// Account administration over GraphQL: who sees an organisation's people, who may add, change and remove them,
// and that a partner admin of another organisation gets nothing.

const MEMBERS = `query Members($id: ID!) { organisation(id: $id) { id members { roles user { id displayName email active } } } }`;
const CREATE_ORG = `mutation CreateOrg($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name kind active } }`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { initialPassword user { id email displayName active } } }`;
const SET_ROLES = `mutation SetRoles($userId: ID!, $organisationId: ID!, $roles: [Role!]!) {
  setMemberRoles(userId: $userId, organisationId: $organisationId, roles: $roles) { roles user { id email } }
}`;
const REMOVE = `mutation Remove($userId: ID!, $organisationId: ID!) { removeMember(userId: $userId, organisationId: $organisationId) { id } }`;
const USER_ENTITY = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id email } } }`;

let identity: IdentityHarness;
let centre: { id: string };
let partnerA: { id: string };
let partnerB: { id: string };
let networkAdmin: { identityToken: string; id: string };
let adminA: { identityToken: string; id: string };
let adminB: { identityToken: string };
let staffA: { identityToken: string; id: string; email: string };
let coordinator: { identityToken: string };

const unique = () => Math.random().toString(36).slice(2, 10);
const newAddress = () => `new-${unique()}@example.test`;

async function signedIn(organisationId: string, role: Role) {
  const user = await createUser(identity.db, { memberships: [{ organisationId, role }] });
  return { ...(await identity.signIn(user)), id: user.id, email: user.email };
}

beforeAll(async () => {
  identity = await startIdentity();
  centre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
  partnerA = await createOrganisation(identity.db);
  partnerB = await createOrganisation(identity.db);
  networkAdmin = await signedIn(centre.id, 'NETWORK_ADMIN');
  adminA = await signedIn(partnerA.id, 'PARTNER_ADMIN');
  adminB = await signedIn(partnerB.id, 'PARTNER_ADMIN');
  staffA = await signedIn(partnerA.id, 'PARTNER_STAFF');
  coordinator = await signedIn(centre.id, 'COORDINATOR');
});
afterAll(() => identity?.close());

describe('Organisation.members', () => {
  it("shows a partner admin their own organisation's people with name, address, state and roles", async () => {
    const response = await identity.graphql(MEMBERS, { id: partnerA.id }, adminA.identityToken);
    expect(response.body.errors).toBeUndefined();
    const members = response.body.data.organisation.members;
    expect(members).toContainEqual({ roles: ['PARTNER_STAFF'], user: expect.objectContaining({ id: staffA.id, email: staffA.email, active: true }) });
    expect(members).toContainEqual({ roles: ['PARTNER_ADMIN'], user: expect.objectContaining({ id: adminA.id }) });
  });

  it('groups the roles of one person into one entry', async () => {
    const both = await createUser(identity.db, {
      memberships: [
        { organisationId: partnerA.id, role: 'PARTNER_ADMIN' },
        { organisationId: partnerA.id, role: 'PARTNER_STAFF' },
      ],
    });
    const response = await identity.graphql(MEMBERS, { id: partnerA.id }, networkAdmin.identityToken);
    const entries = response.body.data.organisation.members.filter((m: { user: { id: string } }) => m.user.id === both.id);
    expect(entries).toEqual([{ roles: ['PARTNER_STAFF', 'PARTNER_ADMIN'], user: expect.objectContaining({ email: both.email }) }]);
  });

  it("gives a partner admin of another organisation nothing of partner A's people", async () => {
    const response = await identity.graphql(MEMBERS, { id: partnerA.id }, adminB.identityToken);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data.organisation).toEqual({ id: partnerA.id, members: null });
    expect(JSON.stringify(response.body)).not.toContain(staffA.email);
  });

  it.each([
    ['partner staff of the organisation', () => staffA.identityToken],
    ['a coordinator', () => coordinator.identityToken],
  ])('is refused to %s', async (_who, token) => {
    const response = await identity.graphql(MEMBERS, { id: partnerA.id }, token());
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data.organisation.members).toBeNull();
  });

  it("shows a network admin any organisation's people, the coordinating one included", async () => {
    const response = await identity.graphql(MEMBERS, { id: centre.id }, networkAdmin.identityToken);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.organisation.members.map((m: { user: { id: string } }) => m.user.id)).toEqual(
      expect.arrayContaining([networkAdmin.id]),
    );
  });

  it("lets a partner admin read their own member's address through _entities, not another organisation's member's", async () => {
    const other = await createUser(identity.db, { memberships: [{ organisationId: partnerB.id, role: 'PARTNER_STAFF' }] });
    const reps = [
      { __typename: 'User', id: staffA.id },
      { __typename: 'User', id: other.id },
    ];
    const response = await identity.graphql(USER_ENTITY, { reps }, adminA.identityToken);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data._entities).toEqual([
      { id: staffA.id, email: staffA.email },
      { id: other.id, email: null },
    ]);
  });

  it("never shows a partner admin their member's memberships in other organisations", async () => {
    const query = `query Members($id: ID!) { organisation(id: $id) { members { user { memberships { organisation { id } } } } } }`;
    const response = await identity.graphql(query, { id: partnerA.id }, adminA.identityToken);
    expect(errorCodes(response)).toContain('FORBIDDEN');
    expect(JSON.stringify(response.body.data)).not.toContain(partnerB.id);
  });
});

describe('createOrganisation', () => {
  it('creates a trimmed, active organisation for a network admin', async () => {
    const name = `  New partner ${unique()}  `;
    const response = await identity.graphql(CREATE_ORG, { input: { name, kind: 'PARTNER' } }, networkAdmin.identityToken);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.createOrganisation).toMatchObject({ name: name.trim(), kind: 'PARTNER', active: true });
  });

  it('answers CONFLICT for a taken name and BAD_USER_INPUT for a too short one, creating nothing', async () => {
    const existing = await createOrganisation(identity.db);
    const taken = await identity.graphql(CREATE_ORG, { input: { name: ` ${existing.name} `, kind: 'PARTNER' } }, networkAdmin.identityToken);
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
    const short = await identity.graphql(CREATE_ORG, { input: { name: ' x ', kind: 'PARTNER' } }, networkAdmin.identityToken);
    expect(errorCodes(short)).toEqual(['BAD_USER_INPUT']);
    expect(await identity.db.organisation.count({ where: { name: 'x' } })).toBe(0);
  });

  it.each([
    ['a partner admin', () => adminA.identityToken],
    ['a coordinator', () => coordinator.identityToken],
  ])('is refused to %s', async (_who, token) => {
    const name = `Refused ${unique()}`;
    const response = await identity.graphql(CREATE_ORG, { input: { name, kind: 'PARTNER' } }, token());
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await identity.db.organisation.count({ where: { name } })).toBe(0);
  });
});

describe('createUser', () => {
  it('creates a partner staff account whose one-time password signs in, for a partner admin of that organisation', async () => {
    const email = newAddress();
    const input = { email: `  ${email.toUpperCase()} `, displayName: ' New colleague ', organisationId: partnerA.id, roles: ['PARTNER_STAFF'] };
    const response = await identity.graphql(CREATE_USER, { input }, adminA.identityToken);
    expect(response.body.errors).toBeUndefined();
    const { user, initialPassword } = response.body.data.createUser;
    expect(user).toMatchObject({ email, displayName: 'New colleague', active: true });
    expect(initialPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const stored = await identity.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).not.toContain(initialPassword);
    const session = await identity.signIn({ email, password: initialPassword });
    expect(session.identityToken).toBeTruthy();
    expect(await identity.db.membership.findMany({ where: { userId: user.id }, select: { organisationId: true, role: true } })).toEqual([
      { organisationId: partnerA.id, role: 'PARTNER_STAFF' },
    ]);
    expect(identity.logs.join('\n')).not.toContain(initialPassword);
  });

  it('lets a network admin create a coordinator of the centre', async () => {
    const input = { email: newAddress(), displayName: 'Coordinator', organisationId: centre.id, roles: ['COORDINATOR'] };
    const response = await identity.graphql(CREATE_USER, { input }, networkAdmin.identityToken);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses a partner admin for another organisation and for the centre, creating nothing', async () => {
    for (const organisationId of [partnerB.id, centre.id]) {
      const email = newAddress();
      const response = await identity.graphql(CREATE_USER, { input: { email, displayName: 'X', organisationId, roles: ['PARTNER_STAFF'] } }, adminA.identityToken);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(await identity.db.user.count({ where: { email } })).toBe(0);
    }
  });

  it('answers BAD_USER_INPUT for a role that does not fit the organisation (a partner admin making a network admin)', async () => {
    const email = newAddress();
    const response = await identity.graphql(CREATE_USER, { input: { email, displayName: 'X', organisationId: partnerA.id, roles: ['NETWORK_ADMIN'] } }, adminA.identityToken);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0]!.extensions).toMatchObject({ field: 'roles' });
    expect(await identity.db.user.count({ where: { email } })).toBe(0);
  });

  it('answers CONFLICT for an address that has an account already, whatever its case, and adds no membership', async () => {
    const response = await identity.graphql(
      CREATE_USER,
      { input: { email: staffA.email.toUpperCase(), displayName: 'Twin', organisationId: partnerA.id, roles: ['PARTNER_ADMIN'] } },
      adminA.identityToken,
    );
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(await identity.db.membership.count({ where: { userId: staffA.id } })).toBe(1);
  });

  it('answers BAD_USER_INPUT for no roles and for something that is not an address', async () => {
    const noRoles = await identity.graphql(CREATE_USER, { input: { email: newAddress(), displayName: 'X', organisationId: partnerA.id, roles: [] } }, adminA.identityToken);
    expect(errorCodes(noRoles)).toEqual(['BAD_USER_INPUT']);
    const notAnAddress = await identity.graphql(CREATE_USER, { input: { email: 'nobody', displayName: 'X', organisationId: partnerA.id, roles: ['PARTNER_STAFF'] } }, adminA.identityToken);
    expect(errorCodes(notAnAddress)).toEqual(['BAD_USER_INPUT']);
  });

  it('is refused to partner staff', async () => {
    const email = newAddress();
    const response = await identity.graphql(CREATE_USER, { input: { email, displayName: 'X', organisationId: partnerA.id, roles: ['PARTNER_STAFF'] } }, staffA.identityToken);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await identity.db.user.count({ where: { email } })).toBe(0);
  });
});

describe('setMemberRoles', () => {
  it("replaces a member's roles for their partner admin; the next session carries the new roles", async () => {
    const member = await createUser(identity.db, { memberships: [{ organisationId: partnerA.id, role: 'PARTNER_STAFF' }] });
    const response = await identity.graphql(SET_ROLES, { userId: member.id, organisationId: partnerA.id, roles: ['PARTNER_ADMIN'] }, adminA.identityToken);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.setMemberRoles).toEqual({ roles: ['PARTNER_ADMIN'], user: { id: member.id, email: member.email } });
    expect((await identity.db.membership.findMany({ where: { userId: member.id } })).map((m) => m.role)).toEqual(['PARTNER_ADMIN']);
  });

  it("answers NOT_FOUND for someone who is not a member, and does not pull them into the organisation", async () => {
    const outsider = await createUser(identity.db, { memberships: [{ organisationId: partnerB.id, role: 'PARTNER_STAFF' }] });
    const response = await identity.graphql(SET_ROLES, { userId: outsider.id, organisationId: partnerA.id, roles: ['PARTNER_STAFF'] }, adminA.identityToken);
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(await identity.db.membership.count({ where: { userId: outsider.id, organisationId: partnerA.id } })).toBe(0);
  });

  it("is refused to a partner admin of another organisation, leaving the roles as they were", async () => {
    const response = await identity.graphql(SET_ROLES, { userId: staffA.id, organisationId: partnerA.id, roles: ['PARTNER_ADMIN'] }, adminB.identityToken);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect((await identity.db.membership.findMany({ where: { userId: staffA.id } })).map((m) => m.role)).toEqual(['PARTNER_STAFF']);
  });

  it('refuses a partner admin taking their own admin role away (CONFLICT OWN_ADMIN_ROLE)', async () => {
    const response = await identity.graphql(SET_ROLES, { userId: adminA.id, organisationId: partnerA.id, roles: ['PARTNER_STAFF'] }, adminA.identityToken);
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.body.errors![0]!.extensions).toMatchObject({ reason: 'OWN_ADMIN_ROLE' });
    expect((await identity.db.membership.findMany({ where: { userId: adminA.id } })).map((m) => m.role)).toEqual(['PARTNER_ADMIN']);
  });

  it('refuses demoting the last active admin of an organisation (CONFLICT LAST_ADMIN), also for a network admin', async () => {
    const lonely = await createOrganisation(identity.db);
    const onlyAdmin = await createUser(identity.db, { memberships: [{ organisationId: lonely.id, role: 'PARTNER_ADMIN' }] });
    const response = await identity.graphql(SET_ROLES, { userId: onlyAdmin.id, organisationId: lonely.id, roles: ['PARTNER_STAFF'] }, networkAdmin.identityToken);
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.body.errors![0]!.extensions).toMatchObject({ reason: 'LAST_ADMIN' });
  });

  it('answers BAD_USER_INPUT for a role that does not fit and for no roles', async () => {
    const roles = [['COORDINATOR'], []];
    for (const r of roles) {
      const response = await identity.graphql(SET_ROLES, { userId: staffA.id, organisationId: partnerA.id, roles: r }, adminA.identityToken);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('removeMember', () => {
  it('removes the membership and ends only the sessions working in that organisation', async () => {
    const member = await createUser(identity.db, {
      memberships: [
        { organisationId: partnerA.id, role: 'PARTNER_STAFF' },
        { organisationId: partnerB.id, role: 'PARTNER_STAFF' },
      ],
    });
    // Two memberships: login leaves the choice open; each session then works in one organisation.
    const inA = await identity.signIn(member);
    const inB = await identity.signIn(member);
    await identity.db.session.update({ where: { tokenHash: hashSessionToken(inA.sessionToken) }, data: { activeOrganisationId: partnerA.id } });
    await identity.db.session.update({ where: { tokenHash: hashSessionToken(inB.sessionToken) }, data: { activeOrganisationId: partnerB.id } });

    const response = await identity.graphql(REMOVE, { userId: member.id, organisationId: partnerA.id }, adminA.identityToken);

    expect(response.body.errors).toBeUndefined();
    expect(await identity.db.membership.findMany({ where: { userId: member.id }, select: { organisationId: true } })).toEqual([
      { organisationId: partnerB.id },
    ]);
    await expect(identity.resolveSession(inA.sessionToken)).resolves.toBeNull();
    await expect(identity.resolveSession(inB.sessionToken)).resolves.not.toBeNull();
    expect((await identity.db.user.findUniqueOrThrow({ where: { id: member.id } })).active).toBe(true);
  });

  it("is refused to a partner admin of another organisation and changes nothing", async () => {
    const member = await createUser(identity.db, { memberships: [{ organisationId: partnerA.id, role: 'PARTNER_STAFF' }] });
    const response = await identity.graphql(REMOVE, { userId: member.id, organisationId: partnerA.id }, adminB.identityToken);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await identity.db.membership.count({ where: { userId: member.id } })).toBe(1);
  });

  it('refuses removing yourself (CONFLICT OWN_MEMBERSHIP) and the last active admin (CONFLICT LAST_ADMIN)', async () => {
    const self = await identity.graphql(REMOVE, { userId: adminA.id, organisationId: partnerA.id }, adminA.identityToken);
    expect(errorCodes(self)).toEqual(['CONFLICT']);
    expect(self.body.errors![0]!.extensions).toMatchObject({ reason: 'OWN_MEMBERSHIP' });

    const lonely = await createOrganisation(identity.db);
    const onlyAdmin = await createUser(identity.db, { memberships: [{ organisationId: lonely.id, role: 'PARTNER_ADMIN' }] });
    const last = await identity.graphql(REMOVE, { userId: onlyAdmin.id, organisationId: lonely.id }, networkAdmin.identityToken);
    expect(errorCodes(last)).toEqual(['CONFLICT']);
    expect(last.body.errors![0]!.extensions).toMatchObject({ reason: 'LAST_ADMIN' });
    expect(await identity.db.membership.count({ where: { userId: onlyAdmin.id } })).toBe(1);
  });

  it('lets a network admin remove a deactivated last admin (it administers nothing any more)', async () => {
    const org = await createOrganisation(identity.db);
    const gone = await createUser(identity.db, { active: false, memberships: [{ organisationId: org.id, role: 'PARTNER_ADMIN' }] });
    const response = await identity.graphql(REMOVE, { userId: gone.id, organisationId: org.id }, networkAdmin.identityToken);
    expect(response.body.errors).toBeUndefined();
    expect(await identity.db.membership.count({ where: { userId: gone.id } })).toBe(0);
  });
});
