import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import { dateTimeScalar } from './scalars';

/** The scalars a builder that registers DateTime declares in its SchemaBuilder generic. */
// A type alias, not an interface: Pothos wants an index signature, which only aliases get implicitly.
export type DateTimeScalars = {
  DateTime: { Input: Date; Output: Date };
};

/**
 * The SchemaBuilder generic of a subgraph: its own PrismaTypes and Context, the shared rest. Its
 * DefaultFieldNullability matches subgraphBuilderOptions' defaultFieldNullability. A builder without
 * timestamps passes `NoScalars` (an unused DateTime would still be printed into the SDL).
 */
export type SubgraphBuilderTypes<PrismaTypes, Context extends object, Scalars extends UserScalars = DateTimeScalars> = {
  PrismaTypes: PrismaTypes;
  Context: Context;
  Scalars: Scalars;
  DefaultFieldNullability: false;
};

type UserScalars = PothosSchemaTypes.UserSchemaTypes['Scalars'];
export type NoScalars = Record<never, never>;

/**
 * The options every subgraph's SchemaBuilder shares: Prisma (reads fold into one query), directives and
 * federation (the subgraph SDL), dataloader (per-request batching for references). Each service keeps its
 * own `new SchemaBuilder<SubgraphBuilderTypes<PrismaTypes, Context>>(subgraphBuilderOptions({ dmmf: getDatamodel() }))`,
 * since PrismaTypes and Context differ per service.
 */
export function subgraphBuilderOptions(options: { dmmf: { datamodel: unknown } }) {
  const plugins: (typeof PrismaPlugin | typeof DirectivesPlugin | typeof FederationPlugin | typeof DataloaderPlugin)[] = [
    PrismaPlugin,
    DirectivesPlugin,
    FederationPlugin,
    DataloaderPlugin,
  ];
  return {
    plugins,
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

/**
 * `builder.toSubGraphSchema(subgraphSchemaOptions())`: the federation version and directives every subgraph
 * prints with, so the supergraph composes from one dialect.
 */
export function subgraphSchemaOptions(): { linkUrl: string; federationDirectives: string[] } {
  return {
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@external', '@extends', '@shareable'],
  };
}
