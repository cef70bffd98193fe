import SchemaBuilder from '@pothos/core';
import {
  addDateTimeScalar,
  subgraphBuilderOptions,
  type DateTimeScalars,
  type SubgraphBuilderTypes,
} from '@haven/kit/src/graphql/builder-options';
import type { IdentityContext } from './context';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

// DateTime: API tokens show when they were created, expire and were last used.
export const builder = new SchemaBuilder<SubgraphBuilderTypes<PrismaTypes, IdentityContext, DateTimeScalars>>(
  subgraphBuilderOptions({ dmmf: getDatamodel() }),
);

addDateTimeScalar(builder);

builder.queryType({});
builder.mutationType({});
