import { randomUUID } from 'node:crypto';
import { ACCOUNTS, DEMO_PASSWORD, gatewayRequest, organisationsOf } from './portal';

/**
 * Fresh referrals for browser tests, made through the gateway as the demo coordinator would make them
 * (case → consent → referral), so a test never depends on the state another test or an earlier run left
 * in the demo seed. Everything is fictional; errors name codes, never values.
 */

type Variables = Record<string, unknown>;

/** One GraphQL call that must succeed; a failure says which operation and which codes. */
export async function gatewayCall<T = Record<string, any>>(query: string, token: string, variables: Variables = {}): Promise<T> {
  const { status, body } = await gatewayRequest(query, token, variables);
  if (!body?.data || (body.errors && body.errors.length > 0)) {
    const codes = (body?.errors ?? []).map((error: any) => error?.extensions?.code ?? 'unknown').join(', ');
    const name = /(query|mutation)\s+(\w+)/.exec(query)?.[2] ?? 'operation';
    throw new Error(`${name} failed (HTTP ${status}): ${codes || 'no data'}`);
  }
  return body.data as T;
}

const tokens = new Map<string, string>();

/** A session token for a demo account (one login per account per test run). */
export async function tokenFor(email: string): Promise<string> {
  const known = tokens.get(email);
  if (known) return known;
  const data = await gatewayCall<{ login: { sessionToken: string } }>(
    `mutation FixtureLogin($input: LoginInput!) { login(input: $input) { sessionToken } }`,
    '',
    { input: { email, password: DEMO_PASSWORD } },
  );
  tokens.set(email, data.login.sessionToken);
  return data.login.sessionToken;
}

type FixtureService = {
  id: string;
  type: string;
  name: string;
  capacity: { totalSlots: number; heldSlots: number; availableSlots: number; waitlistLength: number; paused: boolean } | null;
};

/** The partner organisation's services with their capacity, as its staff see them. */
export async function partnerServices(partnerEmail: string = ACCOUNTS.partnerStaff): Promise<FixtureService[]> {
  const organisation = organisationsOf(partnerEmail)[0];
  if (!organisation) throw new Error('the partner account has no organisation');
  const data = await gatewayCall<{ organisation: { services: FixtureService[] } }>(
    `query FixtureServices($id: ID!) {
      organisation(id: $id) { services { id type name capacity { totalSlots heldSlots availableSlots waitlistLength paused } } }
    }`,
    await tokenFor(partnerEmail),
    { id: organisation.id },
  );
  return data.organisation.services;
}

/** Makes sure the service can take one more person (not paused, a free slot), as its staff would. */
export async function ensureFreeSlot(service: FixtureService, partnerEmail: string = ACCOUNTS.partnerStaff): Promise<void> {
  const capacity = service.capacity;
  if (capacity && !capacity.paused && capacity.availableSlots > 0) return;
  await gatewayCall(
    `mutation FixtureCapacity($input: UpdateCapacityInput!) { updateCapacity(input: $input) { availableSlots } }`,
    await tokenFor(partnerEmail),
    {
      input: {
        serviceId: service.id,
        totalSlots: Math.max(capacity?.totalSlots ?? 0, (capacity?.heldSlots ?? 0) + 1),
        paused: false,
        waitlistLength: capacity?.waitlistLength ?? 0,
      },
    },
  );
}

/** `personName` is the fictional name in the case's identity category (to check what a page shows). */
export type SentReferral = { referralId: string; caseId: string; reference: string; serviceName: string; personName: string };

/**
 * A new case with fictional personal data, consent for the partner organisation covering `consented`
 * (the other categories stay withheld), and a referral to one of its services, left in SENT.
 */
export async function createSentReferral(
  options: { partnerEmail?: string; consented?: ('IDENTITY' | 'CONTACT' | 'HEALTH' | 'CASE_NOTES')[]; urgency?: 'IMMEDIATE' | 'URGENT' | 'STANDARD' } = {},
): Promise<SentReferral> {
  const partnerEmail = options.partnerEmail ?? ACCOUNTS.partnerStaff;
  const partner = organisationsOf(partnerEmail)[0];
  if (!partner) throw new Error('the partner account has no organisation');
  const services = await partnerServices(partnerEmail);
  const service = services[0];
  if (!service) throw new Error('the partner organisation has no service');
  await ensureFreeSlot(service, partnerEmail);

  const coordinator = await tokenFor(ACCOUNTS.coordinator);
  const marker = randomUUID().slice(0, 8);
  const created = await gatewayCall<{ createCase: { id: string; reference: string } }>(
    `mutation FixtureCreateCase($input: CreateCaseInput!, $key: String) { createCase(input: $input, idempotencyKey: $key) { id reference } }`,
    coordinator,
    {
      key: `e2e-case-${marker}`,
      input: {
        urgency: options.urgency ?? 'URGENT',
        needs: [service.type],
        age: 30,
        gender: 'FEMALE',
        languages: ['nl', 'en'],
        province: 'UTRECHT',
        exploitationType: 'LABOUR',
        personalData: {
          identity: { name: `Testpersoon ${marker}`, birthDate: '1995-04-01' },
          contact: { phone: '0600000000', address: 'Teststraat 1, Utrecht', whereabouts: 'Opvang (test)' },
          health: { notes: 'Fictieve gezondheidsnotitie (test)' },
          caseNotes: { notes: 'Fictieve notitie (test)' },
        },
      },
    },
  );
  const caseId = created.createCase.id;
  await gatewayCall(
    `mutation FixtureConsent($caseId: ID!, $input: ConsentInput!) { recordConsent(caseId: $caseId, input: $input) { id } }`,
    coordinator,
    {
      caseId,
      input: {
        legalBasis: 'CONSENT_CLIENT',
        categories: options.consented ?? ['IDENTITY', 'CONTACT'],
        recipientOrganisationIds: [partner.id],
        purposes: ['REFERRAL_CARE'],
        givenBy: 'CLIENT',
        givenHow: 'VERBAL',
      },
    },
  );
  const sent = await gatewayCall<{ sendReferral: { id: string } }>(
    `mutation FixtureSendReferral($input: SendReferralInput!, $key: String) { sendReferral(input: $input, idempotencyKey: $key) { id } }`,
    coordinator,
    { key: `e2e-referral-${marker}`, input: { caseId, serviceId: service.id } },
  );
  return { referralId: sent.sendReferral.id, caseId, reference: created.createCase.reference, serviceName: service.name, personName: `Testpersoon ${marker}` };
}

/** Moves a referral on as the partner would (accept, intake), for tests that start further along. */
export async function partnerTransition(referralId: string, step: 'accept' | 'intake', partnerEmail: string = ACCOUNTS.partnerStaff): Promise<void> {
  const mutation =
    step === 'accept'
      ? `mutation FixtureAccept($id: ID!) { acceptReferral(id: $id) { id } }`
      : `mutation FixtureIntake($id: ID!) { recordIntake(id: $id) { id } }`;
  await gatewayCall(mutation, await tokenFor(partnerEmail), { id: referralId });
}

/**
 * Withdraws a test's referral as the coordinator, if it is still sent or accepted, so test runs leave no
 * open referrals waiting in the demo inbox. Best effort: a referral that moved on already stays as it is.
 */
export async function withdrawIfOpen(referralId: string): Promise<void> {
  await gatewayCall(
    `mutation FixtureWithdraw($id: ID!, $reason: String!) { withdrawReferral(id: $id, reason: $reason) { id } }`,
    await tokenFor(ACCOUNTS.coordinator),
    { id: referralId, reason: 'Einde van een browsertest' },
  ).catch(() => undefined);
}

/** Posts a message on the thread as a demo account (the API decides the side). */
export async function postMessageAs(email: string, referralId: string, body: string): Promise<void> {
  await gatewayCall(
    `mutation FixturePostMessage($referralId: ID!, $body: String!) { postMessage(referralId: $referralId, body: $body) { id } }`,
    await tokenFor(email),
    { referralId, body },
  );
}

/** Opens one category of the case for the partner organisation without consent, as the coordinator would. */
export async function grantEmergencyAccess(caseId: string, category: 'IDENTITY' | 'CONTACT' | 'HEALTH' | 'CASE_NOTES', partnerEmail: string = ACCOUNTS.partnerStaff): Promise<void> {
  const partner = organisationsOf(partnerEmail)[0];
  if (!partner) throw new Error('the partner account has no organisation');
  await gatewayCall(
    `mutation FixtureEmergency($input: GrantEmergencyAccessInput!) { grantEmergencyAccess(input: $input) { id } }`,
    await tokenFor(ACCOUNTS.coordinator),
    { input: { caseId, organisationId: partner.id, category, reason: 'Acuut gevaar, de opvang moet de cliënt nu kunnen bellen (test).' } },
  );
}
