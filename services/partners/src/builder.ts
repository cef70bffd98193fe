import SchemaBuilder from '@pothos/core';
import {
  addDateTimeScalar,
  subgraphBuilderOptions,
  type DateTimeScalars,
  type SubgraphBuilderTypes,
} from '@haven/kit/src/graphql/builder-options';
import type { PartnersContext } from './context';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

/** JSON carries the HSDS export (an externally defined document shape, not ours to type field by field). */
type PartnersScalars = DateTimeScalars & { JSON: { Input: unknown; Output: unknown } };

export const builder = new SchemaBuilder<SubgraphBuilderTypes<PrismaTypes, PartnersContext, PartnersScalars>>(subgraphBuilderOptions({ dmmf: getDatamodel() }));

addDateTimeScalar(builder);
builder.scalarType('JSON', {
  description: 'A JSON value (output only here: the HSDS directory export)',
  serialize: (value) => value,
  parseValue: () => {
    throw new TypeError('JSON is output only');
  },
});
builder.queryType({});
builder.mutationType({});
