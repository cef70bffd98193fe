import 'server-only';
import { graphql, type ResultOf } from '../graphql';

/** Identity subgraph operations the portal uses (schema/identity.graphql). */

export const loginOperation = graphql(`
  mutation PortalLogin($input: LoginInput!) {
    login(input: $input) {
      sessionToken
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

export const usersOperation = graphql(`
  query PortalAdminOverview {
    organisations { id name kind active }
    users { id displayName email active memberships { role organisation { name } } }
  }
`);
