import { TEST_ORGANISATIONS, TEST_USERS, type TestUserKey } from './fixtures';
import type { Stack } from './stack';

/**
 * The access matrix's one arranged world (tests/integration/access-matrix.test.ts), built through the
 * gateway wherever the gateway can build it: cases with personal data in all four categories, consent
 * covering partner A for referral and care with IDENTITY and CONTACT only, referrals in the states the
 * rows need (each write row pair gets its own referral, so the allowed sibling really succeeds), a
 * message, and API tokens of partner A with and without the scopes.
 */

/** Fictional values only; none of them may appear in a log. */
export const PERSONAL_DATA = {
  identity: { name: 'Matrix Person', birthDate: '1995-04-01' },
  contact: { phone: '+31 6 00000000', address: 'Matrixstraat 1, Utrecht', whereabouts: 'Friend of a friend' },
  health: { notes: 'Matrix health note' },
  caseNotes: { notes: 'Matrix case note' },
};
export const MESSAGE = 'Matrix thread message';
export const AGE = 30;

export const TOKEN_SCOPES = {
  'token(all scopes)': ['DIRECTORY_READ', 'REFERRALS_READ', 'REFERRALS_WRITE', 'CAPACITY_WRITE', 'MESSAGES_READ', 'MESSAGES_WRITE'],
  'token(referrals:read)': ['REFERRALS_READ'],
  'token(directory:read)': ['DIRECTORY_READ'],
} as const;
export type TokenActor = keyof typeof TOKEN_SCOPES;

export interface Scenario {
  partnerA: string;
  partnerB: string;
  serviceA: string;
  serviceB: string;
  /** Personal data + consent for partner A (IDENTITY, CONTACT); referral accepted by staff A; one message. */
  caseMain: string;
  refMain: string;
  /** Same consent, referral to partner A still SENT (the "before accepting" view), accepted later by staff A. */
  refSent: string;
  /** SENT to partner A; accepted by the all-scopes token; its case gets the emergency grant. */
  caseGrant: string;
  refAcceptByToken: string;
  /** The consent record of caseGrant (the amendConsent rows amend it). */
  consentRecordToAmend: string;
  refDecline: string;
  refWithdraw: string;
  /** A case with consent for partner A and no referral yet (sendReferral rows). */
  caseToSend: string;
  /** A SENT referral whose deadline lies in the past. */
  refOverdue: string;
  /** A SENT referral the postMessage rows write to. */
  refPost: string;
  /**
   * One target per further allowed actor of the partner's workflow writes, so each of staff A, admin A and the
   * token really succeeds at each step: SENT (accepted by admin A, then cancelled by the token), ACCEPTED at
   * arrangement (cancelled by admin A), ACCEPTED (taken into care by admin A, closed by staff A), ACCEPTED
   * (taken into care and closed by the token), and SENT twice (declined by staff A, by the token).
   */
  refAcceptByAdmin: string;
  refCancelByAdmin: string;
  refIntakeByAdmin: string;
  refIntakeByToken: string;
  refDeclineByStaff: string;
  refDeclineByToken: string;
  /** A case whose consent record the withdrawConsent rows withdraw, and which recordConsent rows add to. */
  caseConsent: string;
  consentRecordToWithdraw: string;
  /** Partner A staff accounts made for the account-administration rows: roles changed by both admins; removed by admin A, by the network admin. */
  memberToRecast: string;
  memberToRemove: string;
  memberToRemoveByNetworkAdmin: string;
  tokens: Record<TokenActor, { token: string; id: string }>;
  sessions: Record<TestUserKey, string>;
}

const CREATE_CASE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const RECORD_CONSENT = `mutation ($caseId: ID!, $input: ConsentInput!) { recordConsent(caseId: $caseId, input: $input) { recordId } }`;
const SEND = `mutation ($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptReferral(id: $id) { id } }`;
const POST = `mutation ($id: ID!, $body: String!) { postMessage(referralId: $id, body: $body) { id } }`;
const CREATE_TOKEN = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;

/** Consent as the scenario has it: partner A, referral and care, IDENTITY and CONTACT only. */
export const CONSENT_FOR_PARTNER_A = {
  legalBasis: 'CONSENT_CLIENT',
  categories: ['IDENTITY', 'CONTACT'],
  recipientOrganisationIds: [TEST_ORGANISATIONS.partnerA.id],
  purposes: ['REFERRAL_CARE'],
  givenBy: 'CLIENT',
  givenHow: 'WRITTEN',
};

export async function arrangeScenario(stack: Stack): Promise<Scenario> {
  const sessions = Object.fromEntries(
    await Promise.all((Object.keys(TEST_USERS) as TestUserKey[]).map(async (key) => [key, await stack.login(TEST_USERS[key].email)])),
  ) as Record<TestUserKey, string>;

  const call = async (user: TestUserKey, query: string, variables: Record<string, unknown>) => {
    const { body } = await stack.graphql(query, variables, sessions[user]);
    if (body.errors || !body.data) throw new Error(`arranging failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  const service = async (organisation: 'partnerA' | 'partnerB') => {
    const row = await stack.dbs.partners.service.create({
      data: { organisationId: TEST_ORGANISATIONS[organisation].id, type: 'SHELTER', name: `Access matrix ${organisation} ${Date.now()}`, province: 'UTRECHT' },
    });
    await stack.dbs.partners.capacity.create({ data: { serviceId: row.id, totalSlots: 50 } });
    return row.id;
  };
  const [serviceA, serviceB] = await Promise.all([service('partnerA'), service('partnerB')]);

  /** A case of the centre with personal data in every category and consent for partner A. */
  const consentedCase = async () => {
    const data = await call('coordinatorA', CREATE_CASE, { input: { urgency: 'URGENT', needs: ['SHELTER'], age: AGE, personalData: PERSONAL_DATA } });
    const caseId = data.createCase.id as string;
    const consent = await call('coordinatorA', RECORD_CONSENT, { caseId, input: CONSENT_FOR_PARTNER_A });
    return { caseId, recordId: consent.recordConsent.recordId as string };
  };
  const referredCase = async () => {
    const { caseId, recordId } = await consentedCase();
    const sent = await call('coordinatorA', SEND, { input: { caseId, serviceId: serviceA } });
    return { caseId, recordId, referralId: sent.sendReferral.id as string };
  };

  const [main, sent, grant, decline, withdraw, overdue, post, toSend, consent] = await Promise.all([
    referredCase(), referredCase(), referredCase(), referredCase(), referredCase(), referredCase(), referredCase(),
    consentedCase(), consentedCase(),
  ]);
  const [acceptByAdmin, cancelByAdmin, intakeByAdmin, intakeByToken, declineByStaff, declineByToken] = await Promise.all([
    referredCase(), referredCase(), referredCase(), referredCase(), referredCase(), referredCase(),
  ]);
  await Promise.all([main, cancelByAdmin, intakeByAdmin, intakeByToken].map((r) => call('staffA', ACCEPT, { id: r.referralId })));
  await call('coordinatorA', POST, { id: main.referralId, body: MESSAGE });
  await stack.dbs.cases.referral.update({ where: { id: overdue.referralId }, data: { deadlineAt: new Date(Date.now() - 3_600_000) } });

  const tokens = {} as Scenario['tokens'];
  for (const [actor, scopes] of Object.entries(TOKEN_SCOPES) as [TokenActor, readonly string[]][]) {
    const data = await call('adminA', CREATE_TOKEN, { input: { name: `Access matrix ${actor}`, scopes } });
    tokens[actor] = { token: data.createApiToken.token, id: data.createApiToken.apiToken.id };
  }

  const partnerAStaff = async (n: number) => {
    const input = { email: `access-matrix-member-${n}-${Date.now()}@test.invalid`, displayName: `Access matrix member ${n}`, organisationId: TEST_ORGANISATIONS.partnerA.id, roles: ['PARTNER_STAFF'] };
    return (await call('networkAdmin', CREATE_USER, { input })).createUser.user.id as string;
  };
  const [memberToRecast, memberToRemove, memberToRemoveByNetworkAdmin] = await Promise.all([partnerAStaff(1), partnerAStaff(2), partnerAStaff(3)]);

  return {
    partnerA: TEST_ORGANISATIONS.partnerA.id,
    partnerB: TEST_ORGANISATIONS.partnerB.id,
    serviceA,
    serviceB,
    caseMain: main.caseId,
    refMain: main.referralId,
    refSent: sent.referralId,
    caseGrant: grant.caseId,
    refAcceptByToken: grant.referralId,
    consentRecordToAmend: grant.recordId,
    refDecline: decline.referralId,
    refWithdraw: withdraw.referralId,
    caseToSend: toSend.caseId,
    refOverdue: overdue.referralId,
    refPost: post.referralId,
    refAcceptByAdmin: acceptByAdmin.referralId,
    refCancelByAdmin: cancelByAdmin.referralId,
    refIntakeByAdmin: intakeByAdmin.referralId,
    refIntakeByToken: intakeByToken.referralId,
    refDeclineByStaff: declineByStaff.referralId,
    refDeclineByToken: declineByToken.referralId,
    caseConsent: consent.caseId,
    consentRecordToWithdraw: consent.recordId,
    memberToRecast,
    memberToRemove,
    memberToRemoveByNetworkAdmin,
    tokens,
    sessions,
  };
}
