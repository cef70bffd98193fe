import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity?.close());

describe('organisations', () => {
  it('lists the directory by name to any signed-in caller', async () => {
    const own = await createOrganisation(identity.db);
    const staff = await createUser(identity.db, { memberships: [{ organisationId: own.id, role: 'PARTNER_STAFF' }] });
    const other = await createOrganisation(identity.db, { name: `0 First by name ${own.id}` });
    const { identityToken } = await identity.signIn(staff);

    const response = await identity.graphql(`{ organisations { id name } }`, {}, identityToken);

    const names: string[] = response.body.data.organisations.map((o: { name: string }) => o.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).toEqual(expect.arrayContaining([own.name, other.name]));
  });

  it('finds one organisation by id, and null for an unknown or malformed id', async () => {
    const org = await createOrganisation(identity.db);
    const staff = await createUser(identity.db, { memberships: [{ organisationId: org.id, role: 'PARTNER_STAFF' }] });
    const { identityToken } = await identity.signIn(staff);
    const query = `query Org($id: ID!) { organisation(id: $id) { id kind active } }`;

    expect((await identity.graphql(query, { id: org.id }, identityToken)).body.data.organisation).toEqual({
      id: org.id,
      kind: 'PARTNER',
      active: true,
    });
    expect((await identity.graphql(query, { id: '00000000-0000-4000-8000-000000000000' }, identityToken)).body.data.organisation).toBeNull();
    expect((await identity.graphql(query, { id: 'nope' }, identityToken)).body.data.organisation).toBeNull();
  });

  it('is refused to an anonymous caller', async () => {
    const response = await identity.graphql(`{ organisations { id } }`);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});
