import { allow, deny, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { IRuleFieldMap, IRuleTypeMap, ShieldRule } from 'graphql-shield/typings/types';
import type { GraphQLSchema } from 'graphql';
import { AppError } from '../errors';
import { guardFields } from './field-guards';
import type { ApiScope, Role } from '../taxonomy';
import type { Identity } from '../trust/tokens';

/** What every subgraph's context carries for the permission rules. */
export interface AuthContext {
  caller: Identity | null;
  requestId: string;
}

export const notSignedIn = () => new AppError('UNAUTHENTICATED', 'Sign in first');
export const notAllowed = () => new AppError('FORBIDDEN', 'Not allowed');

/** Anyone who reached the subgraph through the gateway, signed in or not (login itself). */
export const isPublic = allow;

/**
 * Any caller identity vouches for: a person or an integration. Meant for wrappers whose inner fields carry
 * their own rules (`_entities`, connection types); a field that shows data under it alone is open to every
 * API token, whatever its scopes.
 */
export const isSignedIn = rule({ cache: 'contextual' })((_parent, _args, ctx: AuthContext) =>
  ctx.caller ? true : notSignedIn(),
);

/**
 * A person signed in and working on behalf of one chosen organisation. Not an integration, although its
 * identity names an organisation too: a token reaches only what its scopes open (memberOrScope, roleOrScope).
 */
export const hasActiveOrganisation = rule({ cache: 'contextual' })((_parent, _args, ctx: AuthContext) => {
  if (!ctx.caller) return notSignedIn();
  return ctx.caller.kind === 'user' && ctx.caller.organisationId ? true : notAllowed();
});

/** A person signed in through a session, whatever their organisation: never an integration's API token. */
export const isUser = rule('isUser', { cache: 'contextual' })((_parent, _args, ctx: AuthContext) => {
  if (!ctx.caller) return notSignedIn();
  return ctx.caller.kind === 'user' ? true : notAllowed();
});

const memoizedRules = new Map<string, ShieldRule>();

/**
 * One rule per name: graphql-shield refuses two different rules with the same name in one map, and several
 * rule files ask for the same roles or scopes. The rule depends on the caller only.
 */
function memoized(name: string, check: (caller: Identity) => boolean): ShieldRule {
  const existing = memoizedRules.get(name);
  if (existing) return existing;
  const created = rule(name, { cache: 'contextual' })((_parent, _args, ctx: AuthContext) => {
    if (!ctx.caller) return notSignedIn();
    return check(ctx.caller) ? true : notAllowed();
  });
  memoizedRules.set(name, created);
  return created;
}

/**
 * Holds at least one of the roles in the active organisation. An integration carries no roles; userWithRole
 * says so explicitly, should a token ever be signed with some.
 */
export function hasRole(...roles: Role[]): ShieldRule {
  return memoized(`hasRole:${[...roles].sort().join(',')}`, (caller) => userWithRole(caller, roles));
}

/** An integration (API token) of an organisation whose token carries the scope. Users never pass. */
function integrationWithScope(caller: Identity, scope: ApiScope): boolean {
  return caller.kind === 'integration' && caller.organisationId !== null && caller.scopes.includes(scope);
}

/** A user holding one of the roles in the active organisation (what hasRole checks). Integrations never pass. */
function userWithRole(caller: Identity, roles: readonly Role[]): boolean {
  return caller.kind === 'user' && caller.organisationId !== null && caller.roles.some((role) => roles.includes(role));
}

/**
 * Users with one of the roles OR an integration whose token carries the scope. Like hasRole it looks at
 * the caller only; "of its own organisation" stays with the object rules and domain checks, which must
 * accept an integration of that organisation (caller.organisationId) where they accept its staff.
 */
export function roleOrScope(roles: readonly Role[], scope: ApiScope): ShieldRule {
  const name = `roleOrScope:${[...roles].sort().join(',')}|${scope}`;
  return memoized(name, (caller) => userWithRole(caller, roles) || integrationWithScope(caller, scope));
}

/** Only an integration whose token carries the scope (fields no user reaches this way). */
export function hasScope(scope: ApiScope): ShieldRule {
  return memoized(`hasScope:${scope}`, (caller) => integrationWithScope(caller, scope));
}

/**
 * A user working for an organisation (hasActiveOrganisation) OR an integration with the scope: the
 * directory is read "like any member" (DESIGN.md) once the token carries directory:read.
 */
export function memberOrScope(scope: ApiScope): ShieldRule {
  return memoized(`memberOrScope:${scope}`, (caller) =>
    caller.organisationId !== null && (caller.kind === 'user' || integrationWithScope(caller, scope)),
  );
}

/**
 * A rule that looks at the object being resolved. Never cached: graphql-shield's `contextual` and
 * `strict` caches can reuse one list item's decision for the next.
 */
export function objectRule<Parent>(name: string, check: (parent: Parent, ctx: AuthContext) => boolean) {
  return rule(name, { cache: 'no_cache' })((parent: Parent, _args, ctx: AuthContext) => {
    if (!ctx.caller) return notSignedIn();
    return check(parent, ctx) ? true : notAllowed();
  });
}

export { allow, deny };

/**
 * Default deny; errors our resolvers throw on purpose pass through (they are masked later if unexpected).
 * The map is graphql-shield's; field-guards.ts applies it (as shield() with these options would, but
 * without a promise per field).
 */
export function applyPermissions(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  return guardFields(schema, rules, { fallbackRule: deny, fallbackError: notAllowed });
}

type TypeRules = ShieldRule | IRuleFieldMap;

/**
 * One permission map from several (one per area of a subgraph, each in its own file). A field named
 * twice is a mistake — two files would disagree on who may read it — so it throws instead of picking one.
 */
export function mergeRuleMaps(...maps: IRuleTypeMap[]): IRuleTypeMap {
  const merged: Record<string, TypeRules> = {};
  for (const map of maps) {
    for (const [type, rules] of Object.entries(map)) {
      const existing = merged[type];
      if (existing === undefined) {
        merged[type] = isFieldMap(rules) ? { ...rules } : rules;
        continue;
      }
      if (!isFieldMap(existing) || !isFieldMap(rules)) throw new Error(`permission map: ${type} is given a rule twice`);
      for (const field of Object.keys(rules)) {
        if (field in existing) throw new Error(`permission map: ${type}.${field} is given a rule twice`);
      }
      merged[type] = { ...existing, ...rules };
    }
  }
  return merged;
}

function isFieldMap(rules: TypeRules): rules is IRuleFieldMap {
  // A graphql-shield rule is a class instance; a field map is a plain object.
  return typeof rules === 'object' && rules !== null && Object.getPrototypeOf(rules) === Object.prototype;
}
