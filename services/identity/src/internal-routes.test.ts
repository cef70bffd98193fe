import { randomUUID } from 'node:crypto';
import { AppError } from '@haven/kit/src/errors';
import { callInternal } from '@haven/kit/src/http/internal-client';
import type { PartName } from '@haven/kit/src/taxonomy';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import { signIdentity, type Identity } from '@haven/kit/src/trust/tokens';
import { startIdentity, type IdentityHarness } from './testing/harness';
import { createOrganisation, createUser } from './testing/fixtures';

// POST /internal/coordinator-check as the cases service calls it before a hand-over.

describe('coordinator-check', () => {
  let identity: IdentityHarness;
  let coordinatingOrg: string;
  let otherCoordinatingOrg: string;
  let partnerOrg: string;
  let asker: Identity;

  beforeAll(async () => {
    identity = await startIdentity();
    coordinatingOrg = (await createOrganisation(identity.admin, { kind: 'COORDINATING' })).id;
    otherCoordinatingOrg = (await createOrganisation(identity.admin, { kind: 'COORDINATING' })).id;
    partnerOrg = (await createOrganisation(identity.admin, { kind: 'PARTNER' })).id;
    asker = caller(coordinatingOrg, ['COORDINATOR']);
  });
  afterAll(() => identity.close());

  async function check(body: unknown, options: { from?: PartName; as?: Identity | null } = {}) {
    const who = options.as === undefined ? asker : options.as;
    return callInternal<{ isCoordinator: boolean }>({
      keys: partKeysFromSet(identity.keys, options.from ?? 'cases'),
      target: 'identity',
      baseUrl: identity.url,
      route: 'coordinator-check',
      body,
      identityToken: who ? await signIdentity(identity.keys.identity.privateKey, who) : null,
    });
  }
  const codeOf = (error: unknown) => (error instanceof AppError ? error.extensions.code : String(error));

  it('says yes for an active coordinator of the organisation', async () => {
    const user = await createUser(identity.admin, { memberships: [{ organisationId: coordinatingOrg, role: 'COORDINATOR' }] });
    await expect(check({ userId: user.id, organisationId: coordinatingOrg })).resolves.toEqual({ isCoordinator: true });
  });

  it.each([
    ['a network admin of the organisation (not a coordinator)', async () => createUser(identity.admin, { memberships: [{ organisationId: coordinatingOrg, role: 'NETWORK_ADMIN' }] })],
    ['a coordinator of another organisation', async () => createUser(identity.admin, { memberships: [{ organisationId: otherCoordinatingOrg, role: 'COORDINATOR' }] })],
    ['a deactivated coordinator', async () => createUser(identity.admin, { active: false, memberships: [{ organisationId: coordinatingOrg, role: 'COORDINATOR' }] })],
    ['partner staff', async () => createUser(identity.admin, { memberships: [{ organisationId: partnerOrg, role: 'PARTNER_STAFF' }] })],
    ['an unknown user', async () => ({ id: randomUUID() })],
  ])('says no for %s', async (_label, makeUser) => {
    const user = await makeUser();
    await expect(check({ userId: user.id, organisationId: coordinatingOrg })).resolves.toEqual({ isCoordinator: false });
  });

  it('refuses a caller asking about an organisation that is not their own with FORBIDDEN', async () => {
    const user = await createUser(identity.admin, { memberships: [{ organisationId: otherCoordinatingOrg, role: 'COORDINATOR' }] });
    expect(codeOf(await check({ userId: user.id, organisationId: otherCoordinatingOrg }).catch((e: unknown) => e))).toBe('FORBIDDEN');
    const partner = caller(partnerOrg, ['PARTNER_ADMIN']);
    expect(codeOf(await check({ userId: user.id, organisationId: partnerOrg }, { as: partner }).catch((e: unknown) => e))).toBe('FORBIDDEN');
  });

  it.each([
    ['ids that are not uuids', { userId: 'someone', organisationId: 'x' }],
    ['a body that is not an object', ['a', 'b']],
  ])('refuses %s with BAD_USER_INPUT', async (_label, body) => {
    expect(codeOf(await check(body).catch((e: unknown) => e))).toBe('BAD_USER_INPUT');
  });

  it.each<[string, { from?: PartName; as?: null }]>([
    ['the gateway', { from: 'gateway' }],
    ['the partners service', { from: 'partners' }],
    ['cases without an end-user identity', { as: null }],
  ])('is closed to %s (HTTP 401)', async (_label, options) => {
    const statuses: number[] = [];
    const error = await callInternal({
      keys: partKeysFromSet(identity.keys, options.from ?? 'cases'),
      target: 'identity',
      baseUrl: identity.url,
      route: 'coordinator-check',
      body: { userId: randomUUID(), organisationId: coordinatingOrg },
      identityToken: options.as === null ? null : await signIdentity(identity.keys.identity.privateKey, asker),
      onFailure: (failure) => statuses.push(failure.status),
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('SERVICE_UNAVAILABLE');
    expect(statuses).toEqual([401]);
  });
});
