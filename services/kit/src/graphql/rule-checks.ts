import { allow, and, deny, or, rule } from 'graphql-shield';
import type { ShieldRule } from 'graphql-shield/typings/types';
import type { GraphQLResolveInfo } from 'graphql';

/** What a rule says about one field: resolve it (true), refuse it with the fallback error (false), or refuse it with this error. */
export type Decision = boolean | Error;

/** A rule compiled for one field: synchronous unless the rule's own function returns a promise. */
export type Check = (parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo) => Decision | Promise<Decision>;

// graphql-shield evaluates every rule through async functions, so every guarded field returns a promise and
// graphql-js completes every object of a list asynchronously: most of the permission maps' cost (the
// benchmark's permissions suite, docs/performance.md). These checks decide with graphql-shield's semantics
// (Rule.resolve, RuleOr, RuleAnd with debug off), synchronously when the rule functions are. The rule
// classes are not exported; their prototypes come from instances the package builds.
const RULE = Object.getPrototypeOf(rule('kit:rule-prototype')(() => true)) as object;
const RULE_TRUE = Object.getPrototypeOf(allow) as object;
const RULE_FALSE = Object.getPrototypeOf(deny) as object;
const RULE_OR = Object.getPrototypeOf(or()) as object;
const RULE_AND = Object.getPrototypeOf(and()) as object;

/** The parts of graphql-shield's Rule (typed private there) that its own resolve() reads. */
interface PlainRule {
  name: string;
  cache: unknown;
  func: (parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo) => unknown;
}

interface LogicRule {
  getRules(): ShieldRule[];
}

/** True for `allow` (isPublic): such a field needs no guard at all. */
export function alwaysAllows(shieldRule: ShieldRule): boolean {
  return Object.getPrototypeOf(shieldRule) === RULE_TRUE;
}

const compiled = new WeakMap<ShieldRule, Check>();

/**
 * The check for a rule. Throws for rule kinds it does not implement (chain, race, not, inputRule, `strict`
 * or custom caches): a permission map using one fails at start-up instead of being decided differently.
 */
export function compileRule(shieldRule: ShieldRule): Check {
  const existing = compiled.get(shieldRule);
  if (existing) return existing;
  const check = compileUncached(shieldRule);
  compiled.set(shieldRule, check);
  return check;
}

function compileUncached(shieldRule: ShieldRule): Check {
  const kind = Object.getPrototypeOf(shieldRule) as object;
  if (kind === RULE_TRUE) return () => true;
  if (kind === RULE_FALSE) return () => false;
  if (kind === RULE) {
    const { name, cache, func } = shieldRule as unknown as PlainRule;
    if (cache === 'no_cache') return (parent, args, ctx, info) => run(func, parent, args, ctx, info);
    if (cache === 'contextual') {
      return (parent, args, ctx, info) => oncePerRequest(ctx, shieldRule, () => run(func, parent, args, ctx, info));
    }
    throw new Error(`permission rule ${name}: cache ${String(cache)} is not supported (use 'contextual' or 'no_cache')`);
  }
  if (kind === RULE_OR) return anyOf((shieldRule as unknown as LogicRule).getRules().map(compileRule));
  if (kind === RULE_AND) return allOf((shieldRule as unknown as LogicRule).getRules().map(compileRule));
  const kindName = (kind as { constructor?: { name?: string } }).constructor?.name ?? typeof shieldRule;
  throw new Error(`permission rule of kind ${kindName} is not supported: use allow, deny, rule, or, and`);
}

/** Rule.resolve: a thrown error or a rejection denies, a string becomes an error, anything but true denies. */
function run(func: PlainRule['func'], parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo): Decision | Promise<Decision> {
  let result: unknown;
  try {
    result = func(parent, args, ctx, info);
  } catch {
    return false;
  }
  return isPromiseLike(result) ? Promise.resolve(result).then(toDecision, () => false) : toDecision(result);
}

function toDecision(result: unknown): Decision {
  if (result instanceof Error) return result;
  if (typeof result === 'string') return new Error(result);
  return result === true;
}

const PER_REQUEST = Symbol('haven.permissionDecisions');
type RequestDecisions = Map<ShieldRule, Decision | Promise<Decision>>;

/** graphql-shield's `contextual` cache: one decision per rule and request, kept on the request's context. */
function oncePerRequest(ctx: unknown, shieldRule: ShieldRule, decide: () => Decision | Promise<Decision>): Decision | Promise<Decision> {
  if (typeof ctx !== 'object' || ctx === null) return decide();
  const holder = ctx as { [PER_REQUEST]?: RequestDecisions };
  const decisions = (holder[PER_REQUEST] ??= new Map());
  const known = decisions.get(shieldRule);
  if (known !== undefined) return known;
  const decision = decide();
  decisions.set(shieldRule, decision);
  return decision;
}

/** RuleOr: allowed if any rule allows; otherwise the first error a rule returned, else a plain denial. */
function anyOf(checks: Check[]): Check {
  return (parent, args, ctx, info) => {
    const decisions: (Decision | Promise<Decision>)[] = [];
    for (const check of checks) {
      const decision = check(parent, args, ctx, info);
      // Once one allows, the others cannot change the answer (they only ever return a decision, never throw).
      if (decision === true) return true;
      decisions.push(decision);
    }
    return settleAll(decisions, (settled) => (settled.includes(true) ? true : firstError(settled)));
  };
}

/** RuleAnd: allowed if every rule allows; otherwise the first error any rule returned, else a plain denial. */
function allOf(checks: Check[]): Check {
  return (parent, args, ctx, info) => {
    // All are evaluated, as graphql-shield does: a later rule's error is the answer even after an earlier denial.
    const decisions = checks.map((check) => check(parent, args, ctx, info));
    return settleAll(decisions, (settled) => (settled.every((decision) => decision === true) ? true : firstError(settled)));
  };
}

function settleAll(decisions: (Decision | Promise<Decision>)[], combine: (settled: Decision[]) => Decision): Decision | Promise<Decision> {
  if (decisions.some(isPromiseLike)) return Promise.all(decisions).then(combine);
  return combine(decisions as Decision[]);
}

function firstError(decisions: Decision[]): Decision {
  return decisions.find((decision): decision is Error => decision instanceof Error) ?? false;
}

export function isPromiseLike<T>(value: unknown): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
