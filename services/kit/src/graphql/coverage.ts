import { isObjectType, type GraphQLSchema } from 'graphql';

type RuleMap = Record<string, unknown>;

/**
 * Lists "Type.field" for every object field without an explicit rule in a graphql-shield map
 * (a type-wide rule counts as explicit). Tests fail on a non-empty list: default deny is the
 * safety net, an explicit decision is the standard.
 */
export function fieldsWithoutRule(schema: GraphQLSchema, rules: RuleMap): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRules = rules[type.name];
    if (typeRules !== undefined && (typeof typeRules !== 'object' || typeRules === null || isRule(typeRules))) continue;
    for (const field of Object.keys(type.getFields())) {
      if (!typeRules || !(field in (typeRules as RuleMap))) missing.push(`${type.name}.${field}`);
    }
  }
  return missing.sort();
}

/**
 * Lists the types ("Type") and fields ("Type.field") that a graphql-shield map names but the schema
 * lacks: a stale rule reads as protection that is not there, and hides a renamed field's missing one.
 */
export function rulesWithoutField(schema: GraphQLSchema, rules: RuleMap): string[] {
  const stale: string[] = [];
  for (const [typeName, typeRules] of Object.entries(rules)) {
    const type = schema.getType(typeName);
    if (!type || !('getFields' in type)) {
      stale.push(typeName);
      continue;
    }
    if (typeof typeRules !== 'object' || typeRules === null || isRule(typeRules)) continue;
    const fields = type.getFields();
    for (const field of Object.keys(typeRules)) if (!(field in fields)) stale.push(`${typeName}.${field}`);
  }
  return stale.sort();
}

function isRule(value: object): boolean {
  // graphql-shield rules are class instances with a `resolve` method; field maps are plain objects.
  return typeof (value as { resolve?: unknown }).resolve === 'function';
}
