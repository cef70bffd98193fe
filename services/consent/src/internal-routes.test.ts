import { randomUUID } from 'node:crypto';
import { AppError } from '@haven/kit/src/errors';
import { callInternal } from '@haven/kit/src/http/internal-client';
import type { PartName } from '@haven/kit/src/taxonomy';
import { caller, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { signIdentity } from '@haven/kit/src/trust/tokens';
import { createConsentDb } from './db';
import type { ConsentAnswer, ConsentQuestion } from './domain/decide';
import { createConsentServer } from './server';
import { consentRecordFixture } from './test-support';

// POST /internal/decide over real HTTP, signed like the cases service signs it.
describe('the decide route', () => {
  const keys = generateKeySet();
  let queries = 0;
  let consent: Awaited<ReturnType<typeof start>>;
  const start = () =>
    startTestSubgraph({
      name: 'consent',
      // The service's own client, counting its statements: one query per batch, whatever its size.
      createDb: (url, poolMax) => createConsentDb(url, poolMax, { onQuery: () => void (queries += 1) }),
      createServer: (deps) => createConsentServer(deps),
      keys,
    });
  const coordinatingOrg = randomUUID();
  const partner = randomUUID();
  const otherPartner = randomUUID();
  const caseId = randomUUID();
  const recordId = randomUUID();
  const v1 = consentRecordFixture({ caseId, recordId, recordedByOrganisationId: coordinatingOrg, recipientOrganisationIds: [partner], categories: ['CONTACT'] });

  beforeAll(async () => {
    consent = await start();
    await consent.admin.consentRecord.create({ data: v1 });
  });
  afterAll(async () => {
    await consent?.admin.consentRecord.deleteMany({ where: { recordedByOrganisationId: coordinatingOrg } });
    await consent?.close();
  });

  async function decide(questions: unknown, from: PartName = 'cases', withIdentity = false) {
    let status = 200;
    const identityToken = withIdentity ? await signIdentity(keys.identity.privateKey, caller(coordinatingOrg, ['COORDINATOR'])) : null;
    const result = await callInternal<{ answers: ConsentAnswer[] }>({
      keys: partKeysFromSet(keys, from),
      target: 'consent',
      baseUrl: consent.url,
      route: 'decide',
      body: { questions },
      identityToken,
      onFailure: (failure) => void (status = failure.status),
    }).catch((error: unknown) => ({ error, status }));
    return result;
  }
  const ask = (overrides: Partial<ConsentQuestion> = {}): ConsentQuestion => ({
    caseId,
    organisationId: partner,
    category: 'CONTACT',
    purpose: 'REFERRAL_CARE',
    ...overrides,
  });
  const codeOf = (outcome: unknown) => {
    const error = (outcome as { error?: unknown }).error;
    return error instanceof AppError ? error.extensions.code : null;
  };

  it('answers the cases service in question order, naming the deciding version, with or without an end user', async () => {
    const questions = [ask(), ask({ organisationId: otherPartner }), ask({ category: 'HEALTH' }), ask({ category: null }), ask({ purpose: 'STATISTICS' })];
    const expected = {
      answers: [
        { allowed: true, recordId: v1.id },
        { allowed: false, recordId: null },
        { allowed: false, recordId: null },
        { allowed: true, recordId: v1.id },
        { allowed: false, recordId: null },
      ],
    };
    expect(await decide(questions)).toEqual(expected);
    expect(await decide(questions, 'cases', true)).toEqual(expected);
  });

  it('counts a withdrawal from the very next question', async () => {
    const otherRecord = randomUUID();
    const first = consentRecordFixture({ caseId, recordId: otherRecord, recordedByOrganisationId: coordinatingOrg, recipientOrganisationIds: [otherPartner] });
    await consent.admin.consentRecord.create({ data: first });
    expect(await decide([ask({ organisationId: otherPartner })])).toEqual({ answers: [{ allowed: true, recordId: first.id }] });
    await consent.admin.consentRecord.create({ data: { ...first, id: randomUUID(), version: 2, status: 'WITHDRAWN' } });
    expect(await decide([ask({ organisationId: otherPartner })])).toEqual({ answers: [{ allowed: false, recordId: null }] });
  });

  it('answers a batch of 200 questions about 200 cases with one database query', async () => {
    const questions = Array.from({ length: 200 }, (_, i) => (i === 0 ? ask() : ask({ caseId: randomUUID() })));
    queries = 0;
    const outcome = (await decide(questions)) as { answers: ConsentAnswer[] };
    expect(queries).toBe(1);
    expect(outcome.answers).toHaveLength(200);
    expect(outcome.answers.filter((a) => a.allowed)).toEqual([{ allowed: true, recordId: v1.id }]);
  });

  it('refuses 201 questions, none, and malformed ones with BAD_USER_INPUT', async () => {
    expect(codeOf(await decide(Array.from({ length: 201 }, () => ask())))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide([]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide('all'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide([ask({ caseId: 'not-an-id' })]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide([ask({ organisationId: 'x' })]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide([ask({ category: 'EVERYTHING' as never })]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide([{ ...ask(), category: undefined }]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide([ask({ purpose: 'MARKETING' as never })]))).toBe('BAD_USER_INPUT');
  });

  it.each<PartName>(['gateway', 'partners', 'identity', 'consent'])('refuses a call signed by %s with 401', async (from) => {
    const outcome = await decide([ask()], from, true);
    expect(outcome).toEqual({ error: expect.any(AppError), status: 401 });
    expect(codeOf(outcome)).toBe('SERVICE_UNAVAILABLE');
  });
});
