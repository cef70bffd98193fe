import SchemaBuilder from '@pothos/core';
import { addDateTimeScalar, subgraphBuilderOptions, type SubgraphBuilderTypes } from '@haven/kit/src/graphql/builder-options';
import type { ConsentContext } from './context';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

export const builder = new SchemaBuilder<SubgraphBuilderTypes<PrismaTypes, ConsentContext>>(subgraphBuilderOptions({ dmmf: getDatamodel() }));

addDateTimeScalar(builder);
builder.queryType({});
builder.mutationType({});
