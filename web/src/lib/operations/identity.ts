import 'server-only';
import { graphql, type ResultOf } from '../graphql';

/** Identity subgraph operations the portal uses (schema/identity.graphql). */

export const loginOperation = graphql(`
  mutation PortalLogin($input: LoginInput!) {
    login(input: $input) {
      sessionToken
      secondFactorChallenge
      user { id displayName }
      activeOrganisation { id name }
      memberships { id role organisation { id name kind } }
    }
  }
`);

export const meOperation = graphql(`
  query PortalMe {
    me {
      user { id displayName email }
      activeOrganisation { id name kind }
      roles
      memberships { id role organisation { id name kind } }
      twoFactor { required thisSession }
    }
  }
`);
export type Membership = ResultOf<typeof meOperation>['me']['memberships'][number];
/** The signed-in user; the schema lets a viewer's field rules withhold the name and address. */
export type SessionUser = ResultOf<typeof meOperation>['me']['user'];

export const selectOrganisationOperation = graphql(`
  mutation PortalSelectOrganisation($organisationId: ID!) {
    selectOrganisation(organisationId: $organisationId) { activeOrganisation { id } }
  }
`);

export const logoutOperation = graphql(`
  mutation PortalLogout {
    logout
  }
`);

/** The network admin's organisations page. */
export const adminOrganisationsOperation = graphql(`
  query PortalAdminOrganisations {
    organisations { id name kind active }
  }
`);

/** The network admin's users page; the organisations feed the new-account form. */
export const adminUsersOperation = graphql(`
  query PortalAdminUsers {
    users { id displayName email active memberships { role organisation { id name } } }
    organisations { id name kind active }
  }
`);

/** One organisation's people and their roles there (network admins; partner admins of their own). */
export const organisationMembersOperation = graphql(`
  query PortalOrganisationMembers($id: ID!) {
    organisation(id: $id) {
      id
      name
      kind
      active
      members { roles user { id displayName email active } }
    }
  }
`);
export type OrganisationMemberRow = NonNullable<NonNullable<ResultOf<typeof organisationMembersOperation>['organisation']>['members']>[number];

export const createOrganisationOperation = graphql(`
  mutation PortalCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) { id name }
  }
`);

/** The answer carries the one-time password: the page shows it once and never stores it. */
export const createUserOperation = graphql(`
  mutation PortalCreateUser($input: CreateUserInput!) {
    createUser(input: $input) { initialPassword user { id } }
  }
`);

/** An account whose owner receives an e-mailed link to choose their own password (schema/identity.graphql). */
export const inviteUserOperation = graphql(`
  mutation PortalInviteUser($input: CreateUserInput!) {
    inviteUser(input: $input) { id }
  }
`);

export const setMemberRolesOperation = graphql(`
  mutation PortalSetMemberRoles($userId: ID!, $organisationId: ID!, $roles: [Role!]!) {
    setMemberRoles(userId: $userId, organisationId: $organisationId, roles: $roles) { roles }
  }
`);

export const removeMemberOperation = graphql(`
  mutation PortalRemoveMember($userId: ID!, $organisationId: ID!) {
    removeMember(userId: $userId, organisationId: $organisationId) { id }
  }
`);

export const deactivateUserOperation = graphql(`
  mutation PortalDeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) { id active }
  }
`);

/** The partner admin's integration tokens (never their secrets). */
export const apiTokensOperation = graphql(`
  query PortalApiTokens {
    apiTokens { id name scopes prefix createdAt expiresAt revokedAt lastUsedAt }
  }
`);

/** The answer carries the whole token: the page shows it once and never stores it. */
export const createApiTokenOperation = graphql(`
  mutation PortalCreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) { token apiToken { id } }
  }
`);

export const revokeApiTokenOperation = graphql(`
  mutation PortalRevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) { id revokedAt }
  }
`);
