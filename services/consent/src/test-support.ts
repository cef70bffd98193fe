// Test helpers for the consent subgraph (not used by the service itself).
import { randomUUID } from 'node:crypto';
import { HEADER_IDENTITY } from '@haven/kit/src/http/internal-client';
import { createLogger } from '@haven/kit/src/log';
import type { Role } from '@haven/kit/src/taxonomy';
import { testDatabase } from '@haven/kit/src/testing/db';
import { requestSubgraph, type SubgraphResponse } from '@haven/kit/src/testing/subgraph-client';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { signIdentity, type Identity } from '@haven/kit/src/trust/tokens';
import { createConsentDb, type ConsentDb } from './db';
import type { ConsentRecord } from './generated/prisma/client';
import { createConsentServer } from './server';

export type KeySet = ReturnType<typeof generateKeySet>;
type Request = { query: string; variables?: Record<string, unknown> };

/** A caller as identity would vouch for it. */
export function caller(organisationId: string | null, roles: Role[], subject = randomUUID()): Identity {
  return { subject, kind: 'user', sessionId: randomUUID(), organisationId, roles, scopes: [] };
}

export function errorCodes(response: SubgraphResponse): unknown[] {
  return (response.body?.errors ?? []).map((error) => error.extensions?.code);
}

/** Through the front door: signed like the gateway signs, carrying `identity` (or anonymous). */
export async function postGraphql(url: string, keys: KeySet, request: Request, identity: Identity | null) {
  const identityToken = identity ? await signIdentity(keys.identity.privateKey, identity) : null;
  return requestSubgraph({ url, audience: 'consent', gatewayKeys: partKeysFromSet(keys, 'gateway') }, { ...request, identityToken });
}

/** Around the gateway: a valid identity but no gateway assertion. */
export async function postWithoutAssertion(url: string, keys: KeySet, request: Request, identity: Identity) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HEADER_IDENTITY]: await signIdentity(keys.identity.privateKey, identity) },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as SubgraphResponse['body'] };
}

/** A fictional consent record version; override what the test is about. */
export function consentRecordFixture(overrides: Partial<ConsentRecord> & { caseId: string; recordedByOrganisationId: string }) {
  return {
    id: randomUUID(),
    recordId: randomUUID(),
    version: 1,
    status: 'ACTIVE' as const,
    legalBasis: 'CONSENT_CLIENT' as const,
    justification: null,
    categories: ['IDENTITY' as const, 'CONTACT' as const],
    wholeNetwork: false,
    recipientOrganisationIds: [randomUUID()],
    purposes: ['REFERRAL_CARE' as const],
    givenBy: 'CLIENT' as const,
    givenHow: 'WRITTEN' as const,
    recordedByUserId: randomUUID(),
    validFrom: new Date('2025-01-01T00:00:00Z'),
    validUntil: null,
    ...overrides,
  };
}

/**
 * A consent subgraph on a free port with fresh keys, on the run's test database as its app role, plus
 * an owner-role client for fixtures (consent records are append-only for the app role).
 */
export async function startConsent() {
  const keys = generateKeySet();
  const database = testDatabase();
  const db: ConsentDb = createConsentDb(database.appUrl('consent'), 4);
  const admin: ConsentDb = createConsentDb(database.adminUrl, 2);
  const server = createConsentServer({
    db,
    keys: partKeysFromSet(keys, 'consent'),
    log: createLogger({ service: 'consent-test' }, () => undefined),
    introspection: false,
  });
  const running = await server.listen(0);
  return {
    url: running.url,
    keys,
    db,
    admin,
    gql: (request: Request, identity: Identity | null) => postGraphql(running.url, keys, request, identity),
    close: async () => {
      await running.close();
      await Promise.all([db.$disconnect(), admin.$disconnect()]);
    },
  };
}
