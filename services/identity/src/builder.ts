import SchemaBuilder from '@pothos/core';
import { subgraphBuilderOptions, type NoScalars, type SubgraphBuilderTypes } from '@haven/kit/src/graphql/builder-options';
import type { IdentityContext } from './context';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

// No DateTime: identity exposes no timestamps.
export const builder = new SchemaBuilder<SubgraphBuilderTypes<PrismaTypes, IdentityContext, NoScalars>>(
  subgraphBuilderOptions({ dmmf: getDatamodel() }),
);

builder.queryType({});
builder.mutationType({});
