import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
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

/** Holds at least one of the roles in the active organisation. Depends on the caller only. */
export function hasRole(...roles: Role[]) {
  return rule(`hasRole:${roles.join(',')}`, { cache: 'contextual' })((_parent, _args, ctx: AuthContext) => {
    if (!ctx.caller) return notSignedIn();
    if (!ctx.caller.organisationId) return notAllowed();
    return ctx.caller.roles.some((role) => roles.includes(role)) ? true : notAllowed();
  });
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
