import { isIntrospectionType, isObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareFieldMap, type IMiddlewareTypeMap } from 'graphql-middleware';
import type { IMiddlewareResolver } from 'graphql-middleware/dist/types';
import { shield } from 'graphql-shield';
import type { IRuleFieldMap, IRules, ShieldRule } from 'graphql-shield/typings/types';
import { alwaysAllows, compileRule, isPromiseLike, type Check, type Decision } from './rule-checks';

export interface GuardOptions {
  /** The rule of every field the map does not name. */
  fallbackRule: ShieldRule;
  /** The error of a field whose rule denies without giving one. */
  fallbackError: () => Error;
}

/**
 * The schema with every object field guarded by its rule from a graphql-shield map, as graphql-shield's
 * `shield()` assigns them (field rule, else the type's `*`, else a type-wide rule, else the fallback rule),
 * decided by rule-checks.ts: synchronously when the rules are, so a list of objects completes without a
 * promise per field. Fields whose rule is `allow` keep their resolver unwrapped; their answer is the same.
 * A resolver's own error reaches graphql-js as it is (graphql-shield with allowExternalErrors returned it
 * instead, which graphql-js treats alike).
 */
export function guardFields(schema: GraphQLSchema, rules: IRules, options: GuardOptions): GraphQLSchema {
  // graphql-shield's own checks of the map: no two rules with one name, no rule for a type or field the schema lacks.
  shield(rules, { fallbackRule: options.fallbackRule, fallbackError: options.fallbackError }).generate(schema);
  const guards: IMiddlewareTypeMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const fieldGuards: IMiddlewareFieldMap = {};
    for (const field of Object.keys(type.getFields())) {
      const fieldRule = ruleOf(rules, type.name, field, options.fallbackRule);
      if (!alwaysAllows(fieldRule)) fieldGuards[field] = guard(compileRule(fieldRule), options.fallbackError);
    }
    if (Object.keys(fieldGuards).length > 0) guards[type.name] = fieldGuards;
  }
  return applyMiddleware(schema, guards);
}

function ruleOf(rules: IRules, typeName: string, field: string, fallbackRule: ShieldRule): ShieldRule {
  if (isShieldRule(rules)) return rules;
  const typeRules = rules[typeName];
  if (typeRules === undefined) return fallbackRule;
  if (isShieldRule(typeRules)) return typeRules;
  const fieldRule = (typeRules as IRuleFieldMap)[field] ?? (typeRules as IRuleFieldMap)['*'] ?? fallbackRule;
  // graphql-shield quietly denies a whole type whose map holds something other than rules; that is a mistake to show.
  if (!isShieldRule(fieldRule)) throw new Error(`permission map: ${typeName}.${field} is not given a rule`);
  return fieldRule;
}

function isShieldRule(value: unknown): value is ShieldRule {
  // Rules are class instances with resolve(); field maps are plain objects.
  return typeof value === 'object' && value !== null && typeof (value as { resolve?: unknown }).resolve === 'function';
}

function guard(check: Check, fallbackError: () => Error): IMiddlewareResolver {
  const refuse = (decision: Exclude<Decision, true>): never => {
    throw decision === false ? fallbackError() : decision;
  };
  return (resolve, parent, args, ctx, info) => {
    const decision = check(parent, args, ctx, info);
    if (decision === true) return resolve(parent, args, ctx, info);
    if (isPromiseLike<Decision>(decision)) {
      return decision.then((settled) => (settled === true ? resolve(parent, args, ctx, info) : refuse(settled)));
    }
    return refuse(decision);
  };
}
