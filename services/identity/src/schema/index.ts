import { subgraphSchemaOptions } from '@haven/kit/src/graphql/builder-options';
import { applyPermissions } from '@haven/kit/src/graphql/permissions';
import { builder } from '../builder';
import { identityPermissions } from '../permissions';
import './organisation';
import './membership';
import './user';
import './me';
import './two-factor';
import './login-payload';
import './audit-event';
import './case-access';
import './api-token';
import './organisation-member';
import './create-user-payload';
import './account-links';

/** The subgraph schema as printed into schema/identity.graphql (no permissions: they do not change SDL). */
export function buildIdentitySubgraph() {
  return builder.toSubGraphSchema(subgraphSchemaOptions());
}

/** The schema the server runs: the subgraph schema behind the permission map. */
export function buildIdentitySchema() {
  return applyPermissions(buildIdentitySubgraph(), identityPermissions);
}
