import { hasScope, isPublic, isSignedIn, isUser, hasRole, notAllowed, notSignedIn, objectRule } from '@haven/kit/src/graphql/permissions';
import { or, rule, type IRules } from 'graphql-shield';
import { mergeRuleMaps } from '@haven/kit/src/graphql/permissions';
import { auditPermissions } from './audit-permissions';
import type { IdentityContext } from './context';
import { isMemberOfCallersOrganisation } from './schema/loaders';

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

/**
 * The directory of organisations is shared with every person signed in, and with integrations whose token
 * carries directory:read (DESIGN.md: an integration "reads the directory like any member").
 */
const readsDirectory = or(isUser, hasScope('directory:read'), justLoggedIn);

// API tokens: partner admins of the active (partner) organisation manage their organisation's tokens;
// createApiToken/revokeApiToken/apiTokens check the organisation's kind again (domain/api-token-admin.ts).
// hasRole never passes an integration: a token cannot mint or revoke tokens.
const partnerAdmin = hasRole('PARTNER_ADMIN');
const isOwnOrganisationToken = objectRule<{ organisationId: string }>(
  'isOwnOrganisationToken',
  (token, ctx) => ctx.caller!.kind === 'user' && ctx.caller!.roles.includes('PARTNER_ADMIN') && token.organisationId === ctx.caller!.organisationId,
);
// Account administration (organisation-member.ts, create-user-payload.ts): network admins for every
// organisation, partner admins for their active one. The operation rules ask for either role; the domain
// (organisation-admin.ts) binds a partner admin to their own organisation, and the object rules below to its data.
const accountAdmin = hasRole('NETWORK_ADMIN', 'PARTNER_ADMIN');
const isPartnerAdminOf = (ctx: IdentityContext, organisationId: string) =>
  ctx.caller!.kind === 'user' && ctx.caller!.roles.includes('PARTNER_ADMIN') && ctx.caller!.organisationId === organisationId;
const managesThisOrganisation = objectRule<{ id: string }>(
  'managesThisOrganisation',
  (organisation, ctx) => ctx.caller!.kind === 'user' && (ctx.caller!.roles.includes('NETWORK_ADMIN') || isPartnerAdminOf(ctx as IdentityContext, organisation.id)),
);
const managesMembersOrganisation = objectRule<{ organisationId: string }>(
  'managesMembersOrganisation',
  (member, ctx) => ctx.caller!.kind === 'user' && (ctx.caller!.roles.includes('NETWORK_ADMIN') || isPartnerAdminOf(ctx as IdentityContext, member.organisationId)),
);
/**
 * A partner admin reads the name, address and state of the people of their active organisation (the staff
 * screen), nothing of anyone else's and never those people's memberships elsewhere. Asks the database whether
 * the user is a member there (one batched query per request, schema/loaders.ts); never cached by shield.
 */
const isMemberOfAdminsOrganisation = rule('isMemberOfAdminsOrganisation', { cache: 'no_cache' })(
  async (user: { id: string }, _args, ctx: IdentityContext) => {
    if (!ctx.caller) return notSignedIn();
    const caller = ctx.caller;
    if (caller.kind !== 'user' || !caller.organisationId || !caller.roles.includes('PARTNER_ADMIN')) return notAllowed();
    return (await isMemberOfCallersOrganisation(ctx, user.id)) ? true : notAllowed();
  },
);

/** Anyone signed in may hold a reference to a user; nothing more. */
const seesUserReference = or(isSignedIn, justLoggedInAsThisUser);
/** A user's own data: the user themself and network admins. */
const readsUser = or(isThisUser, networkAdmin, justLoggedInAsThisUser);
/** What an account admin needs of a person: also partner admins of the person's organisation (not memberships). */
const readsUserAsAdmin = or(isThisUser, networkAdmin, justLoggedInAsThisUser, isMemberOfAdminsOrganisation);
const readsMembership = or(isOwnMembership, networkAdmin, justLoggedInWithThisMembership);

// The audit log's rules live in audit-permissions.ts.
export const identityPermissions: IRules = mergeRuleMaps(auditPermissions, {
  Query: {
    me: userSession,
    organisations: readsDirectory,
    organisation: readsDirectory,
    apiTokens: partnerAdmin,
    users: networkAdmin,
    _entities: isSignedIn,
    _service: isSignedIn,
  },
  Mutation: {
    login: isPublic,
    // The challenge itself is the credential (with the code); an unknown or spent one opens nothing.
    completeLogin: isPublic,
    startTotpEnrolment: userSession,
    confirmTotpEnrolment: userSession,
    disableTotp: userSession,
    logout: userSession,
    selectOrganisation: userSession,
    changePassword: userSession,
    deactivateUser: networkAdmin,
    createApiToken: partnerAdmin,
    revokeApiToken: partnerAdmin,
    createOrganisation: networkAdmin,
    createUser: accountAdmin,
    inviteUser: accountAdmin,
    // The e-mailed link is the credential; an unknown, spent or expired one opens nothing (account-token.ts).
    acceptInvitation: isPublic,
    resetPassword: isPublic,
    // Same answer for every address; the gateway limits it with the sign-in bucket.
    requestPasswordReset: isPublic,
    setMemberRoles: accountAdmin,
    removeMember: accountAdmin,
  },
  CreateUserPayload: {
    // Only createUser produces one, for the admin who asked: the one-time password is theirs to hand over.
    user: accountAdmin,
    initialPassword: accountAdmin,
  },
  OrganisationMember: {
    user: managesMembersOrganisation,
    roles: managesMembersOrganisation,
  },
  ApiToken: {
    id: isOwnOrganisationToken,
    name: isOwnOrganisationToken,
    scopes: isOwnOrganisationToken,
    prefix: isOwnOrganisationToken,
    createdAt: isOwnOrganisationToken,
    expiresAt: isOwnOrganisationToken,
    revokedAt: isOwnOrganisationToken,
    lastUsedAt: isOwnOrganisationToken,
  },
  CreateApiTokenPayload: {
    // Only createApiToken produces one, for the admin who asked: the secret is theirs to copy once.
    token: partnerAdmin,
    apiToken: partnerAdmin,
  },
  Organisation: {
    id: readsDirectory,
    name: readsDirectory,
    kind: readsDirectory,
    active: readsDirectory,
    members: managesThisOrganisation,
  },
  User: {
    id: seesUserReference,
    displayName: readsUserAsAdmin,
    email: readsUserAsAdmin,
    active: readsUserAsAdmin,
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
    twoFactor: userSession,
  },
  TwoFactorStatus: { enabled: userSession, recoveryCodesLeft: userSession, required: userSession, thisSession: userSession },
  // Only startTotpEnrolment and confirmTotpEnrolment produce these, for the caller's own account.
  TotpEnrolment: { otpauthUri: userSession, secret: userSession },
  RecoveryCodes: { codes: userSession },
  LoginPayload: {
    // Only a login step produces one; the nested types carry their own rules, and are null until a session exists.
    sessionToken: isPublic,
    secondFactorChallenge: isPublic,
    user: isPublic,
    activeOrganisation: isPublic,
    memberships: isPublic,
  },
  _Service: {
    sdl: isSignedIn,
  },
});
