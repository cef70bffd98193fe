import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env';

/**
 * The portal's `graphql()` tag: documents are typed from the API schema (schema/api.graphql, written
 * with src/graphql-env.d.ts by `npm run compose`), so their data and variables types come from the
 * schema, never by hand, and a schema change that breaks a query fails `npm run typecheck`.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** ISO-8601 in UTC, as the API sends it. */
    DateTime: string;
    /** Arbitrary JSON (the HSDS export): whoever reads it checks it. */
    JSON: unknown;
  };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
