/**
 * The schema reference in docs/api.md, generated from schema/api.graphql (the schema clients see) so that
 * it cannot drift from what the gateway serves. Only the part between the markers is generated: the
 * hand-written guide above it (tokens, scopes, pagination, errors…) is kept as it is.
 */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  astFromValue,
  print,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
} from 'graphql';

export const GENERATED_START = '<!-- generated:start (npm run compose writes everything up to generated:end; edit above) -->';
export const GENERATED_END = '<!-- generated:end -->';

/** Used only when docs/api.md does not exist yet; the real guide is written by hand above the marker. */
const DEFAULT_HEAD = '# Haven API for integrators\n\n';

/**
 * docs/api.md as it should be: whatever precedes the start marker (and follows the end marker) in the
 * current file, with a freshly generated reference between them.
 */
export function apiDocument(current: string | undefined, apiSdl: string): string {
  const text = current ?? DEFAULT_HEAD;
  const start = text.indexOf('<!-- generated:start');
  const end = text.indexOf(GENERATED_END);
  const head = start === -1 ? `${text.trimEnd()}\n\n` : text.slice(0, start);
  const tail = start !== -1 && end > start ? text.slice(end + GENERATED_END.length) : '\n';
  return `${head}${GENERATED_START}\n\n${schemaReference(apiSdl)}\n${GENERATED_END}${tail}`;
}

/** Query and Mutation in schema order, then every other type alphabetically: stable across runs. */
export function schemaReference(apiSdl: string): string {
  const schema = buildSchema(apiSdl);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
    (type): type is NonNullable<typeof type> => Boolean(type),
  );
  const rootNames = new Set(roots.map((type) => type.name));
  const others = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type) && !rootNames.has(type.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const out: string[] = ['## Schema reference', ''];
  out.push('Generated from `schema/api.graphql`. Types are written as in GraphQL: `!` = never null, `[…]` = list.', '');
  out.push('Types, inputs and enums: ' + others.map((type) => `[${type.name}](#${anchor(type.name)})`).join(', '), '');
  for (const type of roots) out.push(...section(type, '###'));
  out.push('### Types, inputs and enums', '');
  for (const type of others) out.push(...section(type, '####'));
  return out.join('\n');
}

function section(type: GraphQLNamedType, level: string): string[] {
  const out = [`${level} ${type.name}`, ''];
  out.push(`*${kindOf(type)}*${type.description ? ` — ${oneLine(type.description)}` : ''}`, '');
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces();
    if (interfaces.length > 0) out.push(`Implements ${interfaces.map((i) => `\`${i.name}\``).join(', ')}.`, '');
    for (const field of Object.values(type.getFields())) {
      const args = field.args.length > 0 ? `(${field.args.map((arg) => `${arg.name}: ${arg.type}${defaultOf(arg)}`).join(', ')})` : '';
      out.push(`- \`${field.name}${args}: ${field.type}\`${describe(field.description, field.deprecationReason)}`);
      for (const arg of field.args) {
        if (arg.description || arg.deprecationReason) out.push(`  - \`${arg.name}\`${describe(arg.description, arg.deprecationReason)}`);
      }
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      out.push(`- \`${field.name}: ${field.type}${defaultOf(field)}\`${describe(field.description, field.deprecationReason)}`);
    }
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) {
      out.push(`- \`${value.name}\`${describe(value.description, value.deprecationReason)}`);
    }
  } else if (isUnionType(type)) {
    out.push(`One of ${type.getTypes().map((member) => `\`${member.name}\``).join(', ')}.`);
  }
  if (out.at(-1) !== '') out.push('');
  return out;
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInterfaceType(type)) return 'interface';
  if (isInputObjectType(type)) return 'input';
  if (isEnumType(type)) return 'enum';
  if (isUnionType(type)) return 'union';
  if (isScalarType(type)) return 'scalar';
  return 'type';
}

function defaultOf(input: GraphQLArgument | GraphQLInputField): string {
  if (input.defaultValue === undefined) return '';
  const ast = astFromValue(input.defaultValue, input.type);
  return ast ? ` = ${print(ast)}` : '';
}

function describe(description: string | null | undefined, deprecationReason: string | null | undefined): string {
  const parts = [description ? oneLine(description) : '', deprecationReason ? `**Deprecated:** ${oneLine(deprecationReason)}` : ''];
  const text = parts.filter(Boolean).join(' ');
  return text ? ` — ${text}` : '';
}

/**
 * Descriptions become one markdown line (a line break inside a list item would end it), with `<` escaped
 * so that text such as "Bearer <token>" is shown rather than taken for HTML.
 */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim().replace(/</g, '\\<');
}

/** GitHub's heading anchor for a type name (names are [A-Za-z0-9_], so lower-casing is enough). */
function anchor(name: string): string {
  return name.toLowerCase();
}
