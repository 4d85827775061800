/**
 * The columns of a `CREATE TABLE` statement as SQLite stores it in `sqlite_master`: their names
 * in declaration order (the order of a record's values), which one is an INTEGER PRIMARY KEY
 * (stored as the rowid, NULL in the record), and each one's DEFAULT (the value of a column added
 * later by ALTER TABLE, absent from older records). Part of the reader in `sqlite.ts`.
 *
 * Only what apps' own schemas need is read; tables whose records do not map one value to one
 * column (WITHOUT ROWID, generated columns, CREATE TABLE … AS SELECT) are refused.
 */
import type { SqlValue } from './sqlite-record';

export interface ColumnDef {
  /** Lower case: SQLite's names are case-insensitive. */
  readonly name: string;
  /** INTEGER PRIMARY KEY: the value is the rowid. */
  readonly rowid: boolean;
  readonly fallback: SqlValue;
}

/** Far longer than any app's CREATE TABLE (Microsoft's, the longest, is 1.3 KB). */
const MAX_SQL = 16 * 1024;

interface Token {
  /** `w` bare word, `q` quoted name, `s` string literal, `n` number, `p` punctuation. */
  readonly kind: 'w' | 'q' | 's' | 'n' | 'p';
  readonly text: string;
}

const PATTERN =
  /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\]|'((?:[^']|'')*)'|([A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|([(),+-])|([^"'`[])/y;

/**
 * The statement's tokens, or null when a quote or bracket is never closed: a quote character
 * matches nothing else, so each is scanned once and the work stays linear.
 */
function tokenize(sql: string): Token[] | null {
  const tokens: Token[] = [];
  for (let at = 0; at < sql.length;) {
    PATTERN.lastIndex = at;
    const m = PATTERN.exec(sql);
    if (m === null || m[0] === '') return null;
    at = PATTERN.lastIndex;
    const [, dq, bq, br, str, word, num, punct, other] = m;
    if (dq !== undefined) tokens.push({ kind: 'q', text: dq.replaceAll('""', '"') });
    else if (bq !== undefined) tokens.push({ kind: 'q', text: bq.replaceAll('``', '`') });
    else if (br !== undefined) tokens.push({ kind: 'q', text: br });
    else if (str !== undefined) tokens.push({ kind: 's', text: str.replaceAll("''", "'") });
    else if (word !== undefined) tokens.push({ kind: 'w', text: word.toUpperCase() });
    else if (num !== undefined) tokens.push({ kind: 'n', text: num });
    else if (punct !== undefined || other !== undefined)
      tokens.push({ kind: 'p', text: punct ?? other ?? '' });
  }
  return tokens;
}

const isWord = (t: Token | undefined, word: string): boolean => t?.kind === 'w' && t.text === word;
const isPunct = (t: Token | undefined, p: string): boolean => t?.kind === 'p' && t.text === p;

/** Words that end a column's type name and start its constraints. */
const CONSTRAINT_WORDS = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'NOT',
  'NULL',
  'UNIQUE',
  'CHECK',
  'DEFAULT',
  'COLLATE',
  'REFERENCES',
  'GENERATED',
  'AS',
]);
const TABLE_CONSTRAINTS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);

/** The definitions between the outer parentheses, split at their top-level commas. */
function definitions(tokens: readonly Token[]): { parts: Token[][]; after: Token[] } | null {
  const open = tokens.findIndex((t) => isPunct(t, '('));
  if (open < 0 || !tokens.slice(0, open).some((t) => isWord(t, 'TABLE'))) return null;
  const parts: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isPunct(t, '(')) depth++;
    if (isPunct(t, ')') && depth-- === 0) return { parts, after: tokens.slice(i + 1) };
    if (isPunct(t, ',') && depth === 0) parts.push([]);
    else parts[parts.length - 1]?.push(t);
  }
  return null;
}

function literal(tokens: readonly Token[], at: number): SqlValue {
  const sign = isPunct(tokens[at], '-') ? -1 : 1;
  const t = tokens[isPunct(tokens[at], '-') || isPunct(tokens[at], '+') ? at + 1 : at];
  if (t?.kind === 's') return t.text;
  if (t?.kind === 'n') return sign * Number(t.text);
  if (isWord(t, 'TRUE')) return 1;
  if (isWord(t, 'FALSE')) return 0;
  // NULL, an expression, CURRENT_TIME...: nothing an importer reads.
  return null;
}

/** The one column of a table constraint's `(name [ASC|DESC])`, or null for several. */
function keyColumn(tokens: readonly Token[]): string | null {
  const close = tokens.findIndex((t) => isPunct(t, ')'));
  const inner = isPunct(tokens[0], '(') && close > 0 ? tokens.slice(1, close) : [];
  const name = inner[0];
  if (inner.some((t) => isPunct(t, ',')) || (name?.kind !== 'w' && name?.kind !== 'q')) return null;
  return name.text.toLowerCase();
}

interface Column {
  readonly name: string;
  readonly type: string;
  readonly primaryKey: boolean;
  readonly descending: boolean;
  readonly fallback: SqlValue;
  readonly generated: boolean;
}

function column(part: readonly Token[]): Column | null {
  const first = part[0];
  if (first === undefined || (first.kind !== 'w' && first.kind !== 'q' && first.kind !== 's'))
    return null;
  let i = 1;
  const type: string[] = [];
  for (; i < part.length; i++) {
    const t = part[i] as Token;
    if (t.kind !== 'w' || CONSTRAINT_WORDS.has(t.text)) break;
    type.push(t.text);
  }
  const rest = part.slice(i);
  const pk = rest.findIndex((t, j) => isWord(t, 'PRIMARY') && isWord(rest[j + 1], 'KEY'));
  const def = rest.findIndex((t) => isWord(t, 'DEFAULT'));
  return {
    name: first.text.toLowerCase(),
    type: type.join(' '),
    primaryKey: pk >= 0,
    descending: pk >= 0 && isWord(rest[pk + 2], 'DESC'),
    fallback: def >= 0 ? literal(rest, def + 1) : null,
    generated: outside(rest).some((t) => isWord(t, 'AS') || isWord(t, 'GENERATED')),
  };
}

/** The tokens outside any parentheses (not the `AS` of a CAST inside a CHECK). */
function outside(tokens: readonly Token[]): Token[] {
  let depth = 0;
  return tokens.filter((t) => {
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else return depth === 0;
    return false;
  });
}

/** The columns of `sql`, or null for a statement this reader does not map to records. */
export function tableColumns(sql: string): ColumnDef[] | null {
  if (sql.length > MAX_SQL) return null;
  const tokens = tokenize(sql);
  const defs = tokens === null ? null : definitions(tokens);
  if (defs === null) return null;
  if (defs.after.some((t) => isWord(t, 'WITHOUT'))) return null;
  const columns: Column[] = [];
  const keys: Array<string | null> = [];
  for (const part of defs.parts) {
    if (part[0]?.kind === 'w' && TABLE_CONSTRAINTS.has(part[0].text)) {
      const at = part.findIndex((t, j) => isWord(t, 'PRIMARY') && isWord(part[j + 1], 'KEY'));
      if (at >= 0) keys.push(keyColumn(part.slice(at + 2)));
      continue;
    }
    const c = column(part);
    if (c === null || c.generated) return null;
    columns.push(c);
  }
  if (columns.length === 0 || new Set(columns.map((c) => c.name)).size !== columns.length)
    return null;
  const tableKey = keys.length === 1 ? keys[0] : null;
  return columns.map((c) => ({
    name: c.name,
    // SQLite's rule, quirk included: `INTEGER PRIMARY KEY DESC` on the column is not the rowid.
    rowid: c.type === 'INTEGER' && ((c.primaryKey && !c.descending) || tableKey === c.name),
    fallback: c.fallback,
  }));
}
