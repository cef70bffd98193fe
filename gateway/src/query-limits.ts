import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * How big and how expensive one operation may be. Checked before planning, so an abusive document costs
 * the gateway one parse and one validation and never reaches a subgraph.
 *
 * The defaults come from the portal's own operations (web/src/lib/operations, checked by
 * query-limits.portal.test.ts, which fails when a portal document no longer fits). Measured on the portal
 * today: depth 6 at most (the message thread), 3 aliases (the audit case-access page), no directives,
 * ~110 tokens, and a cost of 23,400 (that same page: three `first: 100` lists of events). Each default
 * leaves the portal and integrators room to grow while staying far below what a resource-exhaustion
 * query needs (depth 20, hundreds of aliases, tens of thousands of tokens, thousands of directives).
 */
export interface QueryLimits {
  /** Nesting of selection sets, fragments flattened. Portal max 6; 10 stops walks round the graph's cycles. */
  maxDepth: number;
  /** Aliased fields per operation; aliasing is how one request repeats an expensive field. Portal max 3. */
  maxAliases: number;
  /** Directives per operation (@include/@skip); the portal uses none, 20 leaves room for conditional fields. */
  maxDirectives: number;
  /** Lexical tokens per document, enforced by the parser itself. Portal max ~110; 2,000 is ~18×. */
  maxTokens: number;
  /** graphql-armor's cost estimate (objects 2, scalars 1, ×1.5 per level, × a literal first/last). Portal max 23,400; about 2×. */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 50000,
};

/**
 * The one message a refused operation gets, for every limit: which limit, and by how much, would help an
 * attacker tune. The code is Apollo's for any document refused before execution (it sets it on every
 * validation error; the token refusal is given the same so a client handles both alike).
 */
export const QUERY_LIMIT_MESSAGE = 'The operation is too large or too complex; split it into smaller operations.';
export const QUERY_LIMIT_CODE = 'GRAPHQL_VALIDATION_FAILED';

/** Reports a refusal as a validation error with our message; armor's own text is never sent. */
const reportLimit = (context: ValidationContext | null) => context?.reportError(new GraphQLError(QUERY_LIMIT_MESSAGE));

/**
 * What armor is told for every rule: report through the validation context rather than throw (as armor's
 * Apollo default does, but with our message), never echo limits. A fresh object each time: armor mutates
 * its options.
 */
const refuse = () => ({ exposeLimits: false, propagateOnRejection: false, onReject: [reportLimit] });

export function armorConfig(limits: QueryLimits, options: { introspection: boolean }): GraphQLArmorConfig {
  return {
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...refuse() },
    maxAliases: { n: limits.maxAliases, ...refuse() },
    maxDirectives: { n: limits.maxDirectives, ...refuse() },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...refuse() },
    // Armor's Apollo token plugin re-parses every document and throws from parsingDidStart, which Apollo
    // turns into a 500; graphql-js counts tokens in the one parse Apollo does anyway (parseOptions below).
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors already drops "Did you mean" when introspection is off;
    // armor's mask is a second guard. With introspection on the schema is public and suggestions help.
    blockFieldSuggestion: { enabled: !options.introspection, mask: '' },
  };
}

/** The Apollo Server options that enforce the limits: validation rules, plugins and parser options. */
export function queryLimitOptions(limits: QueryLimits, options: { introspection: boolean }) {
  const { plugins, validationRules } = new ApolloArmor(armorConfig(limits, options)).protect();
  return {
    plugins,
    validationRules: validationRules as ValidationRule[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/** graphql-js's token refusal names the limit ("Document contains more that N tokens"): say ours instead. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th\w+ \d+ tokens/;

export function maskQueryLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!TOKEN_LIMIT.test(formatted.message)) return formatted;
  // Without locations: the column of the token that tipped it over is the limit in disguise.
  return { message: QUERY_LIMIT_MESSAGE, extensions: { ...formatted.extensions, code: QUERY_LIMIT_CODE } };
}
