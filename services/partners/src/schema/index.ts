import { applyPermissions } from '@haven/kit/src/graphql/permissions';
import { builder } from '../builder';
import { partnersPermissions } from '../permissions';
import './organisation';
import './organisation-profile';
import './service';

/** The subgraph schema as printed into schema/partners.graphql (no permissions: they do not change SDL). */
export function buildPartnersSubgraph() {
  return builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@external', '@extends', '@shareable'],
  });
}

/** The schema the server runs: the subgraph schema behind the permission map. */
export function buildPartnersSchema() {
  return applyPermissions(buildPartnersSubgraph(), partnersPermissions);
}
