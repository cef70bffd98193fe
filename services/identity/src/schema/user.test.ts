import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

const USERS = `{ users { id email } }`;
const DEACTIVATE = `mutation Deactivate($id: ID!) { deactivateUser(userId: $id) { id active } }`;
const USER_ENTITY = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id email displayName memberships { role } } } }`;
const ORG_ENTITY = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organisation { id name kind } } }`;

let identity: IdentityHarness;
let centre: { id: string };
let admin: { identityToken: string };
let coordinator: { identityToken: string; id: string };

beforeAll(async () => {
  identity = await startIdentity();
  centre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
  const adminUser = await createUser(identity.db, { memberships: [{ organisationId: centre.id, role: 'NETWORK_ADMIN' }] });
  const coordinatorUser = await createUser(identity.db, { memberships: [{ organisationId: centre.id, role: 'COORDINATOR' }] });
  admin = await identity.signIn(adminUser);
  coordinator = { ...(await identity.signIn(coordinatorUser)), id: coordinatorUser.id };
});
afterAll(() => identity?.close());

describe('users', () => {
  it('lists every user to a network admin', async () => {
    const someone = await createUser(identity.db);
    const response = await identity.graphql(USERS, {}, admin.identityToken);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.users).toContainEqual({ id: someone.id, email: someone.email });
  });

  it('is refused to a coordinator', async () => {
    const response = await identity.graphql(USERS, {}, coordinator.identityToken);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data).toBeNull();
  });
});

describe('_entities', () => {
  it.each([
    ['email', 'email'],
    ['displayName', 'displayName'],
    ['active', 'active'],
    ['memberships', 'memberships { role organisation { id } }'],
  ])("does not give a coordinator another user's %s through _entities", async (field, selection) => {
    const partner = await createOrganisation(identity.db);
    const other = await createUser(identity.db, { memberships: [{ organisationId: partner.id, role: 'PARTNER_STAFF' }] });
    const query = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id ${selection} } } }`;

    const response = await identity.graphql(query, { reps: [{ __typename: 'User', id: other.id }] }, coordinator.identityToken);

    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    // The withheld field is null; the reference itself (its id) stays, so a case pointing at the user survives.
    expect(response.body.data._entities).toEqual([{ id: other.id, [field]: null }]);
  });

  it("gives a coordinator another user's id, nothing more", async () => {
    const other = await createUser(identity.db);
    const query = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id } } }`;

    const response = await identity.graphql(query, { reps: [{ __typename: 'User', id: other.id }] }, coordinator.identityToken);

    expect(response.body).toEqual({ data: { _entities: [{ id: other.id }] } });
  });

  it("gives a network admin any user's email through _entities", async () => {
    const other = await createUser(identity.db);
    const query = `query Entities($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { email } } }`;

    const response = await identity.graphql(query, { reps: [{ __typename: 'User', id: other.id }] }, admin.identityToken);

    expect(response.body.data._entities).toEqual([{ email: other.email }]);
  });

  it('shows users their own email through _entities', async () => {
    const response = await identity.graphql(USER_ENTITY, { reps: [{ __typename: 'User', id: coordinator.id }] }, coordinator.identityToken);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data._entities[0].email).toMatch(/@example\.test$/);
  });

  it('resolves organisations for any signed-in caller and nobody for an anonymous one', async () => {
    const org = await createOrganisation(identity.db);
    const reps = [{ __typename: 'Organisation', id: org.id }, { __typename: 'Organisation', id: 'not-a-uuid' }];

    const signedIn = await identity.graphql(ORG_ENTITY, { reps }, coordinator.identityToken);
    const anonymous = await identity.graphql(ORG_ENTITY, { reps });

    expect(signedIn.body.data._entities).toEqual([{ id: org.id, name: org.name, kind: 'PARTNER' }, null]);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('deactivateUser', () => {
  it("deactivates the user and their existing session stops resolving at once", async () => {
    const target = await createUser(identity.db);
    const session = await identity.signIn(target);

    const response = await identity.graphql(DEACTIVATE, { id: target.id }, admin.identityToken);

    expect(response.body.data.deactivateUser).toEqual({ id: target.id, active: false });
    await expect(identity.resolveSession(session.sessionToken)).resolves.toBeNull();
    expect(await identity.db.session.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    expect(errorCodes(await identity.login(target.email, target.password))).toEqual(['INVALID_CREDENTIALS']);
  });

  it('is refused to a coordinator and changes nothing', async () => {
    const target = await createUser(identity.db);
    const session = await identity.signIn(target);

    const response = await identity.graphql(DEACTIVATE, { id: target.id }, coordinator.identityToken);

    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    await expect(identity.resolveSession(session.sessionToken)).resolves.not.toBeNull();
  });
});
