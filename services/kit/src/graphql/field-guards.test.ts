import { buildSchema as makeSchema, graphql, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, and, chain, deny, not, or, race, rule, shield } from 'graphql-shield';
import type { IRuleTypeMap, ShieldRule } from 'graphql-shield/typings/types';
import { AppError } from '../errors';
import { guardFields } from './field-guards';
import { applyPermissions, notAllowed, notSignedIn, objectRule, type AuthContext } from './permissions';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const signedIn = (organisationId: string): AuthContext => ({
  caller: { subject: 'u', kind: 'user', sessionId: 's', organisationId, roles: [], scopes: [] },
  requestId: 'r',
});
const signedOut = (): AuthContext => ({ caller: null, requestId: 'r' });

// Every field nullable: a denied non-null field nulls its parent in both, but graphql-js stops a synchronous
// root sooner than an asynchronous one, so the error lists of a response whose data is null may differ.
const SDL = `
  type Query { items: [Item!]! open: String failing: String closed: String unnamed: String everyone: Everyone wild: Wild }
  type Item { id: ID label: String owner: String }
  type Everyone { a: String b: String }
  type Wild { named: String other: String }
`;
const ROOT = {
  items: [
    { id: '1', label: 'first', owner: ORG_A },
    { id: '2', label: 'second', owner: ORG_B },
  ],
  open: 'open',
  failing: () => {
    throw new AppError('CONFLICT', 'Already done');
  },
  closed: 'closed',
  unnamed: 'unnamed',
  everyone: { a: 'a', b: 'b' },
  wild: { named: 'named', other: 'other' },
};

type Outcome = { data: unknown; errors: { path: string; message: string; code: unknown }[] };

async function run(schema: GraphQLSchema, source: string, contextValue: object): Promise<Outcome> {
  const result = await graphql({ schema, source, rootValue: ROOT, contextValue });
  return {
    data: result.data ?? null,
    errors: (result.errors ?? [])
      .map((error) => ({ path: (error.path ?? []).join('.'), message: error.message, code: error.extensions.code }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** The same map through graphql-shield's own middleware, with applyPermissions' options: the reference. */
function viaShield(rules: IRuleTypeMap): GraphQLSchema {
  return applyMiddleware(makeSchema(SDL), shield(rules, { fallbackRule: deny, fallbackError: notAllowed, allowExternalErrors: true, debug: false }));
}

describe('guardFields decides as graphql-shield does', () => {
  const ownsItem = objectRule('ownsItem', (item: { owner: string }, ctx) => item.owner === ctx.caller?.organisationId);
  const fromString = rule('fromString', { cache: 'no_cache' })(() => 'Not today');
  const throwing = rule('throwing', { cache: 'no_cache' })(() => {
    throw new Error('rule bug');
  });
  const later = (answer: boolean | string | Error) => rule(`later:${String(answer)}`, { cache: 'no_cache' })(async () => answer);
  const rejecting = rule('rejecting', { cache: 'no_cache' })(() => Promise.reject(new Error('rule bug')));
  const needsSignIn = rule('needsSignIn', { cache: 'contextual' })((_p, _a, ctx: AuthContext) => (ctx.caller ? true : notSignedIn()));

  const cases: [string, ShieldRule][] = [
    ['allow', allow],
    ['deny', deny],
    ['a rule that returns an error', needsSignIn],
    ['a rule that returns a string', fromString],
    ['a rule that throws', throwing],
    ['an async rule that allows', later(true)],
    ['an async rule that denies', later(false)],
    ['an async rule that returns an error', later(new AppError('FORBIDDEN', 'Later no'))],
    ['a rule whose promise rejects', rejecting],
    ['or with one rule allowing', or(deny, needsSignIn, allow)],
    ['or with none allowing: the first error', or(deny, fromString, needsSignIn)],
    ['or of async rules', or(later(false), later(true))],
    ['and with a denial before an error: the error', and(deny, needsSignIn)],
    ['and with every rule allowing', and(allow, needsSignIn, later(true))],
  ];

  for (const [name, tested] of cases) {
    it(`${name}: same data and errors, signed in and signed out`, async () => {
      const rules: IRuleTypeMap = {
        Query: { items: allow, open: tested, failing: tested, wild: tested, everyone: allow },
        Item: { id: ownsItem, label: ownsItem, owner: tested },
        Everyone: tested,
        Wild: { named: allow, '*': tested },
      };
      const source = '{ items { id label owner } open failing closed unnamed everyone { a b } wild { named other } }';
      for (const context of [signedIn(ORG_A), signedOut()]) {
        const expected = await run(viaShield(rules), source, context);
        expect(await run(applyPermissions(makeSchema(SDL), rules), source, context)).toEqual(expected);
      }
    });
  }
});

describe('guardFields', () => {
  it('decides an object rule for each object: two items of one list get their own answers', async () => {
    let checks = 0;
    const ownsItem = objectRule('ownsItem', (item: { owner: string }, ctx) => {
      checks += 1;
      return item.owner === ctx.caller?.organisationId;
    });
    const schema = applyPermissions(makeSchema(SDL), { Query: { items: allow }, Item: { id: ownsItem, label: ownsItem, owner: ownsItem } });
    const result = await run(schema, '{ items { id label } }', signedIn(ORG_A));
    expect(result.data).toEqual({ items: [{ id: '1', label: 'first' }, { id: null, label: null }] });
    expect(result.errors.map((error) => [error.path, error.code])).toEqual([
      ['items.1.id', 'FORBIDDEN'],
      ['items.1.label', 'FORBIDDEN'],
    ]);
    // Never cached across objects, nor across fields of one object (the rule may look at anything of it).
    expect(checks).toBe(4);
    const other = await run(schema, '{ items { id } }', signedIn(ORG_B));
    expect(other.data).toEqual({ items: [{ id: null }, { id: '2' }] });
  });

  it('answers a contextual rule once per request, and again in the next request', async () => {
    let checks = 0;
    const counted = rule('counted', { cache: 'contextual' })(() => {
      checks += 1;
      return true;
    });
    const schema = applyPermissions(makeSchema(SDL), { Query: { items: counted }, Item: { id: counted, label: counted, owner: counted } });
    await run(schema, '{ items { id label owner } }', signedIn(ORG_A));
    expect(checks).toBe(1);
    await run(schema, '{ items { id } }', signedIn(ORG_A));
    expect(checks).toBe(2);
  });

  it('lets an allowed field resolve, and its own error through with its code', async () => {
    const schema = applyPermissions(makeSchema(SDL), { Query: { open: allow, failing: allow } });
    expect(await run(schema, '{ open failing }', signedOut())).toEqual({
      data: { open: 'open', failing: null },
      errors: [{ path: 'failing', message: 'Already done', code: 'CONFLICT' }],
    });
  });

  it('denies every field the map does not name, and every field of a type it does not name', async () => {
    const schema = applyPermissions(makeSchema(SDL), { Query: { open: allow, everyone: allow } });
    const result = await run(schema, '{ open closed everyone { a } }', signedIn(ORG_A));
    expect(result.data).toEqual({ open: 'open', closed: null, everyone: { a: null } });
    expect(result.errors.map((error) => [error.path, error.code])).toEqual([
      ['closed', 'FORBIDDEN'],
      ['everyone.a', 'FORBIDDEN'],
    ]);
  });

  it('refuses at start-up rule kinds it does not decide, and maps graphql-shield would refuse', () => {
    const strict = rule('strict', { cache: 'strict' })(() => true);
    for (const unsupported of [chain(allow), race(allow), not(deny), strict]) {
      expect(() => applyPermissions(makeSchema(SDL), { Query: { open: unsupported } })).toThrow('not supported');
    }
    expect(() => applyPermissions(makeSchema(SDL), { Query: { missing: allow } })).toThrow('Query.missing');
    expect(() => applyPermissions(makeSchema(SDL), { Nowhere: allow })).toThrow('Nowhere');
    const twin = rule('twin')(() => true);
    const otherTwin = rule('twin')(() => false);
    expect(() => applyPermissions(makeSchema(SDL), { Query: { open: twin, closed: otherTwin } })).toThrow();
  });

  it('keeps the resolver of an allow field unwrapped and wraps every other one', () => {
    const original = makeSchema(SDL);
    const guarded = guardFields(original, { Query: { open: allow, closed: deny } }, { fallbackRule: deny, fallbackError: notAllowed });
    const fields = guarded.getQueryType()!.getFields();
    expect(fields.open!.resolve).toBeUndefined();
    expect(typeof fields.closed!.resolve).toBe('function');
    expect(typeof fields.unnamed!.resolve).toBe('function');
    // The schema it was given stays as it was (the benchmark builds one without permission maps).
    expect(original.getQueryType()!.getFields().closed!.resolve).toBeUndefined();
  });
});
