import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import { dateTimeScalar } from '@haven/kit/src/graphql/scalars';
import type { CasesContext } from './context';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: CasesContext;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
}>({
  plugins: [PrismaPlugin, DirectivesPlugin, FederationPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  prisma: {
    // The client comes from the request context, so the schema can be printed without a database.
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    onUnusedQuery: null,
  },
});

builder.scalarType('DateTime', dateTimeScalar);
builder.queryType({});
builder.mutationType({});
