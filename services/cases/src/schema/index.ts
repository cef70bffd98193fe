import { subgraphSchemaOptions } from '@haven/kit/src/graphql/builder-options';
import { applyPermissions } from '@haven/kit/src/graphql/permissions';
import { builder } from '../builder';
import { casesPermissions } from '../permissions';
import './organisation';
import './user';
import './case';
import './message';
import './referral';
import './emergency';
import './statistics';

/** The subgraph schema as printed into schema/cases.graphql (no permissions: they do not change SDL). */
export function buildCasesSubgraph() {
  return builder.toSubGraphSchema(subgraphSchemaOptions());
}

/** The schema the server runs: the subgraph schema behind the permission map. */
export function buildCasesSchema() {
  return applyPermissions(buildCasesSubgraph(), casesPermissions);
}
