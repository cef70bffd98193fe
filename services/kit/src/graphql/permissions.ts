import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { IRuleFieldMap, IRuleTypeMap, ShieldRule } from 'graphql-shield/typings/types';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { AppError } from '../errors';
import type { Role } from '../taxonomy';
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

export const isSignedIn = rule({ cache: 'contextual' })((_parent, _args, ctx: AuthContext) =>
  ctx.caller ? true : notSignedIn(),
);

/** Signed in and working on behalf of one chosen organisation. */
export const hasActiveOrganisation = rule({ cache: 'contextual' })((_parent, _args, ctx: AuthContext) => {
  if (!ctx.caller) return notSignedIn();
  return ctx.caller.organisationId ? true : notAllowed();
});

const roleRules = new Map<string, ShieldRule>();

/**
 * Holds at least one of the roles in the active organisation. Depends on the caller only. One rule per
 * set of roles: graphql-shield refuses two different rules with the same name in one map, and several
 * rule files ask for the same roles.
 */
export function hasRole(...roles: Role[]): ShieldRule {
  const name = `hasRole:${[...roles].sort().join(',')}`;
  const existing = roleRules.get(name);
  if (existing) return existing;
  const created = rule(name, { cache: 'contextual' })((_parent, _args, ctx: AuthContext) => {
    if (!ctx.caller) return notSignedIn();
    if (!ctx.caller.organisationId) return notAllowed();
    return ctx.caller.roles.some((role) => roles.includes(role)) ? true : notAllowed();
  });
  roleRules.set(name, created);
  return created;
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

/** Default deny; errors our resolvers throw on purpose pass through (they are masked later if unexpected). */
export function applyPermissions(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  return applyMiddleware(
    schema,
    shield(rules, {
      fallbackRule: deny,
      fallbackError: notAllowed,
      allowExternalErrors: true,
      debug: false,
    }),
  );
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
