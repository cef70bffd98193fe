// The shield map on its own, without SQL filters behind it: the db is a stub that returns every row it
// is given, as a regression in a query's `where` would. The per-object rule must still hold.
import { randomUUID } from 'node:crypto';
import { graphql } from 'graphql';
import { createLogger } from '@haven/kit/src/log';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { ConsentContext } from './context';
import type { ConsentDb } from './db';
import { buildConsentSchema } from './schema';
import { consentRecordFixture } from './test-support';

const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on ConsentRecord { id recordedByOrganisationId categories }
  ... on Case { id consentRecords { id } } } }`;
const FOR_CASE = `query ($caseId: ID!) { consentRecordsForCase(caseId: $caseId) { id recordedByOrganisationId } }`;

describe('consent permission rules (stubbed database)', () => {
  const schema = buildConsentSchema();
  const ownOrg = randomUUID();
  const foreignOrg = randomUUID();
  const caseId = randomUUID();
  const own = consentRecordFixture({ caseId, recordedByOrganisationId: ownOrg });
  const foreign = consentRecordFixture({ caseId, recordedByOrganisationId: foreignOrg });
  const coordinator = caller(ownOrg, ['COORDINATOR']);

  function run(query: string, variables: Record<string, unknown>, identity: Identity | null, rows: unknown[]) {
    const findMany = jest.fn(async () => rows);
    const ctx: ConsentContext = {
      caller: identity,
      identityToken: null,
      requestId: randomUUID(),
      log: createLogger({ service: 'consent-test' }, () => undefined),
      db: { consentRecord: { findMany } } as unknown as ConsentDb,
    };
    return { findMany, result: graphql({ schema, source: query, variableValues: variables, contextValue: ctx }) };
  }

  const codes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) =>
    (errors ?? []).map((e) => e.extensions?.code);

  it('decides per record in one _entities request: own first, then foreign', async () => {
    const { result } = run(
      ENTITIES,
      { representations: [{ __typename: 'ConsentRecord', id: own.id }, { __typename: 'ConsentRecord', id: foreign.id }] },
      coordinator,
      [own, foreign],
    );
    const { data, errors } = await result;
    expect(data!._entities).toEqual([expect.objectContaining({ id: own.id, recordedByOrganisationId: ownOrg }), null]);
    expect(errors!.length).toBeGreaterThan(0);
    expect(codes(errors).every((c) => c === 'FORBIDDEN')).toBe(true);
    expect(errors!.every((e) => e.path?.[1] === 1)).toBe(true);
  });

  it('decides per record in one _entities request: foreign first, then own', async () => {
    const { result } = run(
      ENTITIES,
      { representations: [{ __typename: 'ConsentRecord', id: foreign.id }, { __typename: 'ConsentRecord', id: own.id }] },
      coordinator,
      [own, foreign],
    );
    const { data, errors } = await result;
    expect(data!._entities).toEqual([null, expect.objectContaining({ id: own.id })]);
    expect(errors!.every((e) => e.path?.[1] === 0 && e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('refuses the foreign record in a list even when the query returned it', async () => {
    const { result } = run(FOR_CASE, { caseId }, coordinator, [own, foreign]);
    const { data, errors } = await result;
    expect(data?.consentRecordsForCase ?? null).toBeNull();
    expect(errors!.length).toBeGreaterThan(0);
    expect(errors!.every((e) => e.path?.[1] === 1 && e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(data)).not.toContain(foreignOrg);
  });

  it('checks every version listed under history again: a foreign one the query returned is refused', async () => {
    const HISTORY = `query ($caseId: ID!) { consentRecordsForCase(caseId: $caseId) { id history { id recordedByOrganisationId } } }`;
    const { result } = run(HISTORY, { caseId }, coordinator, [own, { ...foreign, recordId: own.recordId, version: 0 }]);
    const { data, errors } = await result;
    expect(errors!.length).toBeGreaterThan(0);
    expect(errors!.every((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.includes('history'))).toBe(true);
    expect(JSON.stringify(data)).not.toContain(foreignOrg);
  });

  it('refuses every consent mutation to anyone but a coordinator, before touching the database', async () => {
    const MUTATIONS = [
      `mutation { withdrawConsent(recordId: "${own.recordId}") { id } }`,
      `mutation { recordConsent(caseId: "${caseId}", input: { legalBasis: CONSENT_GUARDIAN, categories: [IDENTITY], wholeNetwork: true, purposes: [REFERRAL_CARE], givenBy: GUARDIAN, givenHow: WRITTEN }) { id } }`,
      `mutation { amendConsent(recordId: "${own.recordId}", input: { legalBasis: CONSENT_GUARDIAN, categories: [IDENTITY], wholeNetwork: true, purposes: [REFERRAL_CARE], givenBy: GUARDIAN, givenHow: WRITTEN }) { id } }`,
    ];
    const identities: [Identity | null, string][] = [
      [caller(ownOrg, ['PARTNER_STAFF']), 'FORBIDDEN'],
      [caller(ownOrg, ['PARTNER_ADMIN', 'PARTNER_STAFF']), 'FORBIDDEN'],
      [caller(ownOrg, ['NETWORK_ADMIN']), 'FORBIDDEN'],
      [caller(ownOrg, ['AUDITOR']), 'FORBIDDEN'],
      [caller(null, ['COORDINATOR']), 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ];
    for (const query of MUTATIONS) {
      for (const [identity, code] of identities) {
        const { findMany, result } = run(query, {}, identity, [own]);
        const { data, errors } = await result;
        expect(data).toBeNull();
        expect(codes(errors)).toEqual([code]);
        expect(findMany).not.toHaveBeenCalled();
      }
    }
  });

  it("loads nothing for a network admin, auditor or partner, even of the recording organisation", async () => {
    for (const roles of [['NETWORK_ADMIN'], ['AUDITOR'], ['PARTNER_ADMIN', 'PARTNER_STAFF']] as const) {
      const { findMany, result } = run(
        ENTITIES,
        { representations: [{ __typename: 'ConsentRecord', id: own.id }, { __typename: 'Case', id: caseId }] },
        caller(ownOrg, [...roles]),
        [own],
      );
      const { data, errors } = await result;
      // Case.consentRecords is nullable (a down consent service must not null the case it extends), so the
      // refusal nulls the field, not the reference: the Case answers only the id the caller sent.
      expect(data!._entities).toEqual([null, { id: caseId, consentRecords: null }]);
      expect(codes(errors)).toEqual(['FORBIDDEN']);
      expect(findMany).not.toHaveBeenCalled();
    }
  });

  it('loads the consent records of many Case references with one query, filtered by organisation', async () => {
    const caseIds = [randomUUID(), randomUUID(), randomUUID()];
    const rows = [
      consentRecordFixture({ caseId: caseIds[0]!, recordedByOrganisationId: ownOrg }),
      consentRecordFixture({ caseId: caseIds[2]!, recordedByOrganisationId: ownOrg }),
    ];
    const { findMany, result } = run(
      ENTITIES,
      { representations: caseIds.map((id) => ({ __typename: 'Case', id })) },
      coordinator,
      rows,
    );
    const { data, errors } = await result;
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { id: caseIds[0], consentRecords: [{ id: rows[0]!.id }] },
      { id: caseIds[1], consentRecords: [] },
      { id: caseIds[2], consentRecords: [{ id: rows[1]!.id }] },
    ]);
    expect(findMany).toHaveBeenCalledTimes(1);
    expect(findMany).toHaveBeenCalledWith(
      expect.objectContaining({ where: { caseId: { in: caseIds }, recordedByOrganisationId: ownOrg } }),
    );
  });
});
