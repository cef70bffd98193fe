import { isPublic, isSignedIn, hasRole, notAllowed, notSignedIn, objectRule } from '@haven/kit/src/graphql/permissions';
import { or, rule, type IRules } from 'graphql-shield';
import type { IdentityContext } from './context';

// The identity subgraph's access table. Every type and field is listed; anything missing is denied
// (applyPermissions' fallback) and a test proves nothing is missing.

const networkAdmin = hasRole('NETWORK_ADMIN');

/** A person signed in through a session (not an API token): the session operations are theirs. */
const userSession = rule('isUserSession', { cache: 'contextual' })((_parent, _args, ctx: IdentityContext) => {
  if (!ctx.caller) return notSignedIn();
  return ctx.caller.kind === 'user' ? true : notAllowed();
});

// Checks on the object being read — never cached, so one list item's answer is not reused for the next.
const isThisUser = objectRule<{ id: string }>('isThisUser', (user, ctx) => user.id === ctx.caller!.subject);
const isOwnMembership = objectRule<{ userId: string }>('isOwnMembership', (m, ctx) => m.userId === ctx.caller!.subject);

// A login request arrives anonymous; once `login` succeeded, its payload may show the new session's
// own user, memberships and the directory (IdentityContext.loggedIn).
const justLoggedIn = rule('justLoggedIn', { cache: 'no_cache' })((_parent, _args, ctx: IdentityContext) =>
  ctx.loggedIn ? true : notSignedIn(),
);
const justLoggedInAsThisUser = rule('justLoggedInAsThisUser', { cache: 'no_cache' })(
  (user: { id: string }, _args, ctx: IdentityContext) => (ctx.loggedIn?.userId === user.id ? true : notAllowed()),
);
const justLoggedInWithThisMembership = rule('justLoggedInWithThisMembership', { cache: 'no_cache' })(
  (m: { userId: string }, _args, ctx: IdentityContext) => (ctx.loggedIn?.userId === m.userId ? true : notAllowed()),
);

/** The directory of organisations is shared with everyone signed in. */
const readsDirectory = or(isSignedIn, justLoggedIn);
/** Anyone signed in may hold a reference to a user; nothing more. */
const seesUserReference = or(isSignedIn, justLoggedInAsThisUser);
/** A user's own data: the user themself and network admins. */
const readsUser = or(isThisUser, networkAdmin, justLoggedInAsThisUser);
const readsMembership = or(isOwnMembership, networkAdmin, justLoggedInWithThisMembership);

export const identityPermissions: IRules = {
  Query: {
    me: userSession,
    organisations: isSignedIn,
    organisation: isSignedIn,
    users: networkAdmin,
    _entities: isSignedIn,
    _service: isSignedIn,
  },
  Mutation: {
    login: isPublic,
    logout: userSession,
    selectOrganisation: userSession,
    changePassword: userSession,
    deactivateUser: networkAdmin,
  },
  Organisation: {
    id: readsDirectory,
    name: readsDirectory,
    kind: readsDirectory,
    active: readsDirectory,
  },
  User: {
    id: seesUserReference,
    displayName: readsUser,
    email: readsUser,
    active: readsUser,
    memberships: readsUser,
  },
  Membership: {
    id: readsMembership,
    role: readsMembership,
    organisation: readsMembership,
    user: readsMembership,
  },
  Me: {
    user: userSession,
    memberships: userSession,
    activeOrganisation: userSession,
    roles: userSession,
  },
  LoginPayload: {
    // Only a successful login produces one; the nested types carry their own rules.
    sessionToken: isPublic,
    user: isPublic,
    activeOrganisation: isPublic,
    memberships: isPublic,
  },
  _Service: {
    sdl: isSignedIn,
  },
};
