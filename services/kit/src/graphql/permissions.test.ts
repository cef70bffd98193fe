import { allow, deny } from 'graphql-shield';
import { mergeRuleMaps } from './permissions';

describe('mergeRuleMaps', () => {
  it('joins the field maps of one type from several files', () => {
    const merged = mergeRuleMaps({ Query: { a: allow } }, { Query: { b: deny }, Case: { id: allow } }, { _Service: allow });
    expect(merged).toEqual({ Query: { a: allow, b: deny }, Case: { id: allow }, _Service: allow });
  });

  it('refuses a field given a rule in two files, and a type rule given twice', () => {
    expect(() => mergeRuleMaps({ Query: { a: allow } }, { Query: { a: deny } })).toThrow('Query.a is given a rule twice');
    expect(() => mergeRuleMaps({ _Service: allow }, { _Service: allow })).toThrow('_Service is given a rule twice');
  });
});
