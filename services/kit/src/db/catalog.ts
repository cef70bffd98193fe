import { escapeIdentifier, type ClientBase } from 'pg';

/** The parts of one PostgreSQL schema that a Prisma schema determines, as comparable text. */
export interface SchemaCatalog {
  tables: Set<string>;
  /** "Table"."column" → "type NOT NULL DEFAULT …" */
  columns: Map<string, string>;
  /** constraint name → "Table: PRIMARY KEY (id)" etc. (primary keys, unique, foreign keys, checks) */
  constraints: Map<string, string>;
  /** index name → normalised CREATE INDEX statement */
  indexes: Map<string, string>;
  /** enum name → labels in order */
  enums: Map<string, string>;
  sequences: Set<string>;
}

const IGNORED_TABLES = ['_prisma_migrations'];

/**
 * Reads the catalog of `schema`. Runs with search_path set to that schema so that PostgreSQL prints its
 * own objects unqualified, then strips any remaining "<schema>." qualifier: two schemas built from the
 * same DDL then read identically.
 */
export async function readSchemaCatalog(client: ClientBase, schema: string): Promise<SchemaCatalog> {
  const { rows: saved } = await client.query<{ search_path: string }>('SHOW search_path');
  await client.query(`SET search_path TO ${escapeIdentifier(schema)}`);
  try {
    const norm = normaliser(schema);
    const catalog: SchemaCatalog = {
      tables: new Set(),
      columns: new Map(),
      constraints: new Map(),
      indexes: new Map(),
      enums: new Map(),
      sequences: new Set(),
    };

    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> ALL($2)`,
      [schema, IGNORED_TABLES],
    );
    for (const t of tables.rows) catalog.tables.add(t.name);

    const columns = await client.query<{ tbl: string; col: string; type: string; notnull: boolean; def: string | null; identity: string; generated: string }>(
      `SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
              pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity AS identity, a.attgenerated AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> ALL($2) AND a.attnum > 0 AND NOT a.attisdropped`,
      [schema, IGNORED_TABLES],
    );
    for (const c of columns.rows) {
      const parts = [norm(c.type), c.notnull ? 'NOT NULL' : 'NULL'];
      if (c.def !== null) parts.push(`DEFAULT ${norm(c.def)}`);
      if (c.identity) parts.push(`IDENTITY ${c.identity}`);
      if (c.generated) parts.push(`GENERATED ${c.generated}`);
      catalog.columns.set(`"${c.tbl}"."${c.col}"`, parts.join(' '));
    }

    const constraints = await client.query<{ name: string; tbl: string; def: string }>(
      `SELECT con.conname AS name, c.relname AS tbl, pg_get_constraintdef(con.oid) AS def
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname <> ALL($2)`,
      [schema, IGNORED_TABLES],
    );
    for (const k of constraints.rows) catalog.constraints.set(k.name, `on "${k.tbl}": ${norm(k.def)}`);

    const indexes = await client.query<{ name: string; def: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname <> ALL($2)`,
      [schema, IGNORED_TABLES],
    );
    for (const i of indexes.rows) catalog.indexes.set(i.name, norm(i.def));

    const enums = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, json_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE n.nspname = $1 GROUP BY t.typname`,
      [schema],
    );
    for (const e of enums.rows) catalog.enums.set(e.name, e.labels.map((l) => `'${l}'`).join(', '));

    const sequences = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind = 'S'`,
      [schema],
    );
    for (const s of sequences.rows) catalog.sequences.add(s.name);
    return catalog;
  } finally {
    await client.query(`SELECT set_config('search_path', $1, false)`, [saved[0]?.search_path ?? '']);
  }
}

function normaliser(schema: string): (text: string) => string {
  const escaped = schema.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const qualifier = new RegExp(`(?:"${escaped}"|\\b${escaped})\\.(?=["\\w])`, 'g');
  return (text) => text.replace(qualifier, '');
}

/** Human-readable differences: what the database has that the expected catalog lacks, and the reverse. */
export function compareCatalogs(expected: SchemaCatalog, actual: SchemaCatalog): string[] {
  const out: string[] = [];
  const sets = (kind: string, e: Set<string>, a: Set<string>) => {
    for (const name of e) if (!a.has(name)) out.push(`${kind} "${name}" is missing from the database`);
    for (const name of a) if (!e.has(name)) out.push(`${kind} "${name}" is in the database but not in schema.prisma`);
  };
  const maps = (kind: string, e: Map<string, string>, a: Map<string, string>, quote = true) => {
    const label = (name: string) => (quote ? `${kind} "${name}"` : `${kind} ${name}`);
    for (const [name, def] of e) {
      const got = a.get(name);
      if (got === undefined) out.push(`${label(name)} is missing from the database (expected: ${def})`);
      else if (got !== def) out.push(`${label(name)} differs: database has ${got}; schema.prisma expects ${def}`);
    }
    for (const [name, def] of a) if (!e.has(name)) out.push(`${label(name)} is in the database but not in schema.prisma (${def})`);
  };
  sets('table', expected.tables, actual.tables);
  // Columns of a missing table are already reported with the table.
  const inBoth = (key: string) => {
    const table = /^"([^"]+)"/.exec(key)?.[1] ?? '';
    return expected.tables.has(table) && actual.tables.has(table);
  };
  maps('column', filterKeys(expected.columns, inBoth), filterKeys(actual.columns, inBoth), false);
  maps('enum', expected.enums, actual.enums);
  maps('constraint', expected.constraints, actual.constraints);
  maps('index', expected.indexes, actual.indexes);
  sets('sequence', expected.sequences, actual.sequences);
  return out;
}

function filterKeys(map: Map<string, string>, keep: (key: string) => boolean): Map<string, string> {
  return new Map([...map].filter(([key]) => keep(key)));
}
