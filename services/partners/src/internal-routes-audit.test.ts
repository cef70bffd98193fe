import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@haven/kit/src/http/apollo-http';
import { withClient } from '@haven/kit/src/db/with-client';
import { callInternal } from '@haven/kit/src/http/internal-client';
import { createLogger } from '@haven/kit/src/log';
import { testDatabase } from '@haven/kit/src/testing/db';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { signIdentity, type Identity } from '@haven/kit/src/trust/tokens';
import { createPartnersDb, type PartnersDb } from './db';
import { createPartnersServer } from './server';
import { createTestService, setTestCapacity } from './test-fixtures';

// Who the hold routes' audit events name, as the identity (or its absence) arrives over HTTP from cases.
jest.setTimeout(60_000);

describe('audit events of the slot routes', () => {
  const keys = generateKeySet();
  let db: PartnersDb;
  let admin: PartnersDb;
  let running: RunningServer;

  beforeAll(async () => {
    db = createPartnersDb(testDatabase().appUrl('partners'), 4);
    admin = createPartnersDb(testDatabase().adminUrl, 2);
    const server = createPartnersServer({
      db,
      keys: partKeysFromSet(keys, 'partners'),
      log: createLogger({ service: 'partners-test' }, () => undefined),
      introspection: false,
    });
    running = await server.listen(0);
  });
  afterAll(async () => {
    await running?.close();
    await Promise.all([db?.$disconnect(), admin?.$disconnect()]);
  });

  async function call(route: string, body: unknown, identity: Identity | null, requestId: string) {
    return callInternal({
      keys: partKeysFromSet(keys, 'cases'),
      target: 'partners',
      baseUrl: running.url,
      route,
      body,
      identityToken: identity ? await signIdentity(keys.identity.privateKey, identity) : null,
      requestId,
    });
  }

  async function eventsOf(requestId: string) {
    const { rows } = await withClient(testDatabase().adminUrl, (client) =>
      client.query(
        `SELECT "action", "part", "actorKind", "actorUserId", "actorOrganisationId", "actorRole", "referralId", "subjectId"
           FROM "audit"."AuditEvent" WHERE "requestId" = $1 ORDER BY "seq"`,
        [requestId],
      ),
    );
    return rows;
  }

  it('a hold accepted through an integration names the token; the job release names the system', async () => {
    const { organisationId, serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 1 });
    const tokenId = randomUUID();
    const integration: Identity = { subject: tokenId, kind: 'integration', sessionId: tokenId, organisationId, roles: [], scopes: ['referrals:write'] };
    const referralId = randomUUID();

    const holding = randomUUID();
    await call('hold-slot', { serviceId, referralId }, integration, holding);
    expect(await eventsOf(holding)).toEqual([
      {
        action: 'capacity.hold',
        part: 'partners',
        actorKind: 'integration',
        actorUserId: tokenId,
        actorOrganisationId: organisationId,
        actorRole: null,
        referralId,
        subjectId: serviceId,
      },
    ]);

    const releasing = randomUUID();
    await call('release-slot', { referralId }, null, releasing);
    expect(await eventsOf(releasing)).toEqual([
      { action: 'capacity.release', part: 'partners', actorKind: 'system', actorUserId: null, actorOrganisationId: null, actorRole: null, referralId, subjectId: serviceId },
    ]);
  });

  it('a release for a partner user names that user and role', async () => {
    const { organisationId, serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 1 });
    const staff: Identity = { subject: randomUUID(), kind: 'user', sessionId: randomUUID(), organisationId, roles: ['PARTNER_STAFF'], scopes: [] };
    const referralId = randomUUID();
    await call('hold-slot', { serviceId, referralId }, staff, randomUUID());
    const releasing = randomUUID();
    await call('release-slot', { referralId }, staff, releasing);
    expect(await eventsOf(releasing)).toEqual([
      {
        action: 'capacity.release',
        part: 'partners',
        actorKind: 'user',
        actorUserId: staff.subject,
        actorOrganisationId: organisationId,
        actorRole: 'PARTNER_STAFF',
        referralId,
        subjectId: serviceId,
      },
    ]);
  });
});
