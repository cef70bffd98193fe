import { subgraphSchemaOptions } from '@haven/kit/src/graphql/builder-options';
import { applyPermissions } from '@haven/kit/src/graphql/permissions';
import { builder } from '../builder';
import { consentPermissions } from '../permissions';
import './consent-record';
import './case';
import './consent-change';

/** The subgraph schema as printed into schema/consent.graphql (no permissions: they do not change SDL). */
export function buildConsentSubgraph() {
  return builder.toSubGraphSchema(subgraphSchemaOptions());
}

/** The schema the server runs: the subgraph schema behind the permission map. */
export function buildConsentSchema() {
  return applyPermissions(buildConsentSubgraph(), consentPermissions);
}
