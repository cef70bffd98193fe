import SchemaBuilder from '@pothos/core';
import { subgraphBuilderOptions } from '@haven/kit/src/graphql/builder-options';
import type { IdentityContext } from './context';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

// No DateTime scalar: identity exposes no timestamps, and an unused scalar would still be printed.
export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: IdentityContext;
  DefaultFieldNullability: false;
}>(subgraphBuilderOptions({ dmmf: getDatamodel() }));

builder.queryType({});
builder.mutationType({});
