import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { TEST_ORGANISATIONS, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// The HSDS export needs the organisation's name, which identity owns: the gateway fetches it from identity
// (@requires) before partners maps the profile. This runs that whole path, as a client would.

const EXPORT = '{ directoryProfiles { organisation { id hsds } } }';
const schemaDir = join(__dirname, '..', '..', 'services', 'partners', 'src', 'hsds', 'schemas');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('directory export through the gateway', () => {
  it('carries identity’s organisation name in a valid HSDS organization record', async () => {
    const token = await stack.login(TEST_USERS.coordinatorA.email);
    const { body } = await stack.graphql(EXPORT, {}, token);
    expect(body.errors).toBeUndefined();
    const entry = body.data.directoryProfiles.find(
      (profile: { organisation: { id: string } }) => profile.organisation.id === TEST_ORGANISATIONS.partnerA.id,
    );
    const organization = entry.organisation.hsds.organizations[0];
    expect(organization.name).toBe(TEST_ORGANISATIONS.partnerA.name);

    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(schemaDir, 'organization.json'), 'utf8')));
    expect(validate(organization) ? [] : validate.errors).toEqual([]);
  });

  it('is not given to an anonymous caller', async () => {
    const { body } = await stack.graphql(EXPORT, {});
    expect(body.data?.directoryProfiles ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
