import { buildSchema } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { fieldsWithoutRule, rulesWithoutField } from './coverage';

const schema = buildSchema(`
  type Query { case(id: ID!): Case }
  type Case { id: ID! reference: String! }
`);

describe('permission map coverage', () => {
  it('lists every field that has no rule, unless its type has a type-wide rule', () => {
    expect(fieldsWithoutRule(schema, { Query: { case: allow } })).toEqual(['Case.id', 'Case.reference']);
    expect(fieldsWithoutRule(schema, { Query: { case: allow }, Case: deny })).toEqual([]);
  });

  it('lists rules for types and fields the schema does not have', () => {
    const rules = { Query: { case: allow, cases: allow }, Case: deny, Referral: { id: allow } };
    expect(rulesWithoutField(schema, rules)).toEqual(['Query.cases', 'Referral']);
  });

  it('finds nothing stale in a map that matches the schema', () => {
    expect(rulesWithoutField(schema, { Query: { case: allow }, Case: { id: allow, reference: deny } })).toEqual([]);
  });
});
