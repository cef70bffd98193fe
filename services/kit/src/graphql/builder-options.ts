import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import { dateTimeScalar } from './scalars';

/** The scalars a builder that registers DateTime declares in its SchemaBuilder generic. */
export interface DateTimeScalars {
  DateTime: { Input: Date; Output: Date };
}

/**
 * The options every subgraph's SchemaBuilder shares: Prisma (reads fold into one query), directives and
 * federation (the subgraph SDL), dataloader (per-request batching for references). Each service keeps its
 * own `new SchemaBuilder<{ PrismaTypes; Context; … }>(subgraphBuilderOptions({ dmmf: getDatamodel() }))`,
 * since PrismaTypes and Context differ per service.
 */
export function subgraphBuilderOptions(options: { dmmf: { datamodel: unknown } }) {
  return {
    plugins: [PrismaPlugin, DirectivesPlugin, FederationPlugin, DataloaderPlugin],
    defaultFieldNullability: false as const,
    prisma: {
      // The client comes from the request context, so the schema can be printed without a database.
      client: (ctx: { db: { $connect(): Promise<void> } }) => ctx.db,
      dmmf: options.dmmf,
      exposeDescriptions: false,
      onUnusedQuery: null,
    },
  };
}

/** Registers the DateTime scalar (ISO-8601, UTC) on a builder whose generic declares DateTimeScalars. */
export function addDateTimeScalar(builder: { scalarType(name: 'DateTime', options: typeof dateTimeScalar): unknown }): void {
  builder.scalarType('DateTime', dateTimeScalar);
}
