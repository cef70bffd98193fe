import { randomUUID } from 'node:crypto';
import type { AuditEventInput } from '@haven/kit/src/audit/event';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

const AUDIT_EVENTS = `query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    nodes { seq id at action part requestId actorKind actorUserId actorUser { id } actorOrganisation { id name } actorRole
            onBehalfOfOrganisation { id } caseId caseOrganisation { id } referralId categories purpose consentRecordId
            emergencyGrantId emergencyReason prevHash hash }
    endCursor hasNextPage
  }
}`;
const CHAIN = `{ auditChainStatus { ok events firstBrokenSeq reason checkedAt } }`;
const ACCESS_LOG = `query Access($caseId: ID!, $first: Int, $after: String) {
  caseAccessLog(caseId: $caseId, first: $first, after: $after) {
    nodes { id at action actorKind actorUser { id } actorOrganisation { id } actorRole onBehalfOfOrganisation { id } referralId
            categories purpose consentRecordId emergencyGrantId emergencyReason }
    endCursor hasNextPage
  }
}`;

let identity: IdentityHarness;
let centre: { id: string };
let otherCentre: { id: string };
let partner: { id: string };
const tokens: Record<'auditor' | 'coordinator' | 'otherCoordinator' | 'partner' | 'admin', string> = {} as never;
let reader: { id: string };

function read(caseId: string, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    action: 'personal-data.read',
    part: 'cases',
    requestId: randomUUID(),
    actorKind: 'user',
    actorUserId: reader.id,
    actorOrganisationId: partner.id,
    actorRole: 'PARTNER_STAFF',
    caseId,
    caseOrganisationId: centre.id,
    referralId: randomUUID(),
    categories: ['CONTACT', 'HEALTH'],
    purpose: 'REFERRAL_CARE',
    consentRecordId: randomUUID(),
    ...overrides,
  };
}

beforeAll(async () => {
  identity = await startIdentity();
  centre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
  otherCentre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
  partner = await createOrganisation(identity.db);
  const user = async (organisationId: string, role: 'AUDITOR' | 'COORDINATOR' | 'PARTNER_STAFF' | 'NETWORK_ADMIN') =>
    createUser(identity.db, { memberships: [{ organisationId, role }] });
  const signIn = async (u: { email: string; password: string }) => (await identity.signIn(u)).identityToken;
  const partnerUser = await user(partner.id, 'PARTNER_STAFF');
  reader = partnerUser;
  tokens.auditor = await signIn(await user(centre.id, 'AUDITOR'));
  tokens.coordinator = await signIn(await user(centre.id, 'COORDINATOR'));
  tokens.otherCoordinator = await signIn(await user(otherCentre.id, 'COORDINATOR'));
  tokens.partner = await signIn(partnerUser);
  tokens.admin = await signIn(await user(centre.id, 'NETWORK_ADMIN'));
});
afterAll(() => identity?.close());

describe('auditEvents', () => {
  it('gives an auditor every stored field of a case’s events, newest first, page by page', async () => {
    const caseId = randomUUID();
    const grantId = randomUUID();
    // Through identity's own role and Prisma client, as a service writes them.
    await writeAuditEvents(identity.db, [
      read(caseId),
      read(caseId, { action: 'emergency-access.grant', actorUserId: null, actorKind: 'system', consentRecordId: null, emergencyGrantId: grantId, emergencyReason: 'needs care tonight', onBehalfOfOrganisationId: partner.id }),
      read(caseId, { action: 'referral.accept', categories: [] }),
    ]);

    const first = await identity.graphql(AUDIT_EVENTS, { filter: { caseId }, first: 2 }, tokens.auditor);
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data.auditEvents;
    expect(page.hasNextPage).toBe(true);
    expect(page.nodes.map((n: { action: string }) => n.action)).toEqual(['referral.accept', 'emergency-access.grant']);
    expect(page.nodes[1]).toMatchObject({
      actorKind: 'system',
      actorUser: null,
      caseId,
      caseOrganisation: { id: centre.id },
      onBehalfOfOrganisation: { id: partner.id },
      emergencyGrantId: grantId,
      emergencyReason: 'needs care tonight',
      categories: ['CONTACT', 'HEALTH'],
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(BigInt(page.nodes[0].seq)).toBeGreaterThan(BigInt(page.nodes[1].seq));

    const second = await identity.graphql(AUDIT_EVENTS, { filter: { caseId }, first: 2, after: page.endCursor }, tokens.auditor);
    expect(second.body.data.auditEvents.hasNextPage).toBe(false);
    expect(second.body.data.auditEvents.nodes).toEqual([
      expect.objectContaining({ action: 'personal-data.read', actorUser: { id: reader.id }, actorOrganisation: expect.objectContaining({ id: partner.id }), actorRole: 'PARTNER_STAFF', purpose: 'REFERRAL_CARE' }),
    ]);
  });

  it('filters by user, organisation, action and time', async () => {
    const caseId = randomUUID();
    const actorUserId = randomUUID();
    const organisation = await createOrganisation(identity.db);
    await writeAuditEvents(identity.db, [
      read(caseId, { actorUserId, action: 'x.one' }),
      read(caseId, { actorOrganisationId: organisation.id, action: 'x.two' }),
    ]);
    const actions = async (filter: Record<string, unknown>) =>
      (await identity.graphql(AUDIT_EVENTS, { filter: { caseId, ...filter } }, tokens.auditor)).body.data.auditEvents.nodes.map((n: { action: string }) => n.action);
    expect(await actions({ userId: actorUserId })).toEqual(['x.one']);
    expect(await actions({ organisationId: organisation.id })).toEqual(['x.two']);
    expect(await actions({ action: 'x.two' })).toEqual(['x.two']);
    expect(await actions({ to: new Date(Date.now() - 3_600_000).toISOString() })).toEqual([]);
    expect(await actions({ from: new Date(Date.now() - 3_600_000).toISOString() })).toEqual(['x.two', 'x.one']);
  });

  it('refuses pages over 100 and ids that are not ids', async () => {
    expect(errorCodes(await identity.graphql(AUDIT_EVENTS, { first: 101 }, tokens.auditor))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await identity.graphql(AUDIT_EVENTS, { filter: { caseId: 'nope' } }, tokens.auditor))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await identity.graphql(AUDIT_EVENTS, { after: 'not-a-cursor' }, tokens.auditor))).toEqual(['BAD_USER_INPUT']);
  });

  it.each(['coordinator', 'partner', 'admin'] as const)('is refused to a %s token', async (who) => {
    const response = await identity.graphql(AUDIT_EVENTS, {}, tokens[who]);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data).toBeNull();
  });

  it('is refused without a sign-in', async () => {
    expect(errorCodes(await identity.graphql(AUDIT_EVENTS, {}, null))).toEqual(['UNAUTHENTICATED']);
  });
});

describe("identity's own events", () => {
  it('records a deactivation, with who did it and whom it concerned', async () => {
    const target = await createUser(identity.db, { memberships: [{ organisationId: partner.id, role: 'PARTNER_STAFF' }] });
    const DEACTIVATE = `mutation Deactivate($id: ID!) { deactivateUser(userId: $id) { id } }`;
    expect((await identity.graphql(DEACTIVATE, { id: target.id }, tokens.admin)).body.errors).toBeUndefined();

    const response = await identity.graphql(
      `{ auditEvents(filter: { action: "user.deactivate" }, first: 100) { nodes { part actorKind actorRole subjectId actorOrganisation { id } } } }`,
      {},
      tokens.auditor,
    );
    expect(response.body.data.auditEvents.nodes).toContainEqual({
      part: 'identity',
      actorKind: 'user',
      actorRole: 'NETWORK_ADMIN',
      subjectId: target.id,
      actorOrganisation: { id: centre.id },
    });
  });
});

describe('auditChainStatus', () => {
  it('tells an auditor the chain is intact', async () => {
    await writeAuditEvents(identity.db, [read(randomUUID())]);
    const response = await identity.graphql(CHAIN, {}, tokens.auditor);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.auditChainStatus).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(response.body.data.auditChainStatus.events).toBeGreaterThan(0);
  });

  it.each(['coordinator', 'partner', 'admin'] as const)('is refused to a %s token', async (who) => {
    expect(errorCodes(await identity.graphql(CHAIN, {}, tokens[who]))).toEqual(['FORBIDDEN']);
  });
});

describe('caseAccessLog', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = randomUUID();
    await writeAuditEvents(identity.db, [
      read(caseId),
      read(caseId, { action: 'referral.accept' }),
      read(caseId, { action: 'emergency-access.grant', consentRecordId: null, emergencyGrantId: randomUUID(), emergencyReason: 'urgent care' }),
    ]);
  });

  it("shows the case's coordinators who read which categories, why and on what basis", async () => {
    const response = await identity.graphql(ACCESS_LOG, { caseId }, tokens.coordinator);
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data.caseAccessLog.nodes;
    expect(nodes.map((n: { action: string }) => n.action)).toEqual(['emergency-access.grant', 'personal-data.read']);
    expect(nodes[1]).toMatchObject({
      actorUser: { id: reader.id },
      actorOrganisation: { id: partner.id },
      actorRole: 'PARTNER_STAFF',
      categories: ['CONTACT', 'HEALTH'],
      purpose: 'REFERRAL_CARE',
      consentRecordId: expect.any(String),
      emergencyGrantId: null,
    });
    expect(nodes[0]).toMatchObject({ consentRecordId: null, emergencyReason: 'urgent care' });
  });

  it("gives another organisation's coordinator an empty list, as for a case nobody read", async () => {
    const theirs = await identity.graphql(ACCESS_LOG, { caseId }, tokens.otherCoordinator);
    const unknown = await identity.graphql(ACCESS_LOG, { caseId: randomUUID() }, tokens.otherCoordinator);
    expect(theirs.body).toEqual(unknown.body);
    expect(theirs.body.data.caseAccessLog).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
  });

  it.each(['partner', 'admin', 'auditor'] as const)('is refused to a %s token', async (who) => {
    const response = await identity.graphql(ACCESS_LOG, { caseId }, tokens[who]);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data).toBeNull();
  });

  it('is refused without a sign-in', async () => {
    expect(errorCodes(await identity.graphql(ACCESS_LOG, { caseId }, null))).toEqual(['UNAUTHENTICATED']);
  });
});
