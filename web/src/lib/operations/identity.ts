import 'server-only';
import { z } from 'zod';
import { defineOperation } from '../gateway';
import { organisationKindSchema, roleSchema } from '../vocabulary';

/** Identity subgraph operations the portal uses (schema/identity.graphql). */

const organisationRef = z.object({ id: z.string(), name: z.string(), kind: organisationKindSchema });
const membership = z.object({ id: z.string(), role: roleSchema, organisation: organisationRef });
export type Membership = z.infer<typeof membership>;

export const loginOperation = defineOperation(
  'PortalLogin',
  /* GraphQL */ `
    mutation PortalLogin($input: LoginInput!) {
      login(input: $input) {
        sessionToken
        user { id displayName }
        activeOrganisation { id name }
        memberships { id role organisation { id name kind } }
      }
    }
  `,
  z.object({
    login: z.object({
      sessionToken: z.string().min(16),
      user: z.object({ id: z.string(), displayName: z.string() }),
      activeOrganisation: z.object({ id: z.string(), name: z.string() }).nullable(),
      memberships: z.array(membership),
    }),
  }),
).withVariables<{ input: { email: string; password: string } }>();

export const meOperation = defineOperation(
  'PortalMe',
  /* GraphQL */ `
    query PortalMe {
      me {
        user { id displayName email }
        activeOrganisation { id name kind }
        roles
        memberships { id role organisation { id name kind } }
      }
    }
  `,
  z.object({
    me: z.object({
      user: z.object({ id: z.string(), displayName: z.string(), email: z.string() }),
      activeOrganisation: organisationRef.nullable(),
      roles: z.array(roleSchema),
      memberships: z.array(membership),
    }),
  }),
);

export const selectOrganisationOperation = defineOperation(
  'PortalSelectOrganisation',
  /* GraphQL */ `
    mutation PortalSelectOrganisation($organisationId: ID!) {
      selectOrganisation(organisationId: $organisationId) { activeOrganisation { id } }
    }
  `,
  z.object({ selectOrganisation: z.object({ activeOrganisation: z.object({ id: z.string() }).nullable() }) }),
).withVariables<{ organisationId: string }>();

export const logoutOperation = defineOperation(
  'PortalLogout',
  /* GraphQL */ `
    mutation PortalLogout {
      logout
    }
  `,
  z.object({ logout: z.boolean() }),
);

export const usersOperation = defineOperation(
  'PortalAdminOverview',
  /* GraphQL */ `
    query PortalAdminOverview {
      organisations { id name kind active }
      users { id displayName email active memberships { role organisation { name } } }
    }
  `,
  z.object({
    organisations: z.array(organisationRef.extend({ active: z.boolean() })),
    users: z.array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        email: z.string(),
        active: z.boolean(),
        memberships: z.array(z.object({ role: roleSchema, organisation: z.object({ name: z.string() }) })),
      }),
    ),
  }),
);
