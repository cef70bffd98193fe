import { subgraphSchemaOptions } from '@haven/kit/src/graphql/builder-options';
import { applyPermissions } from '@haven/kit/src/graphql/permissions';
import { builder } from '../builder';
import { partnersPermissions } from '../permissions';
import './capacity';
import './matching';
import './organisation';
import './organisation-profile';
import './service';
import './statistics';
import './user';

/** The subgraph schema as printed into schema/partners.graphql (no permissions: they do not change SDL). */
export function buildPartnersSubgraph() {
  const options = subgraphSchemaOptions();
  // @requires: Organisation.hsds needs identity's organisation name (directory-export.ts).
  return builder.toSubGraphSchema({ ...options, federationDirectives: [...options.federationDirectives, '@requires'] });
}

/** The schema the server runs: the subgraph schema behind the permission map. */
export function buildPartnersSchema() {
  return applyPermissions(buildPartnersSubgraph(), partnersPermissions);
}
