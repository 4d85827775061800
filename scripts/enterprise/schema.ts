/**
 * Reads public/schema.json (Chrome's `storage.managed_schema`) into the policy keys the templates
 * are generated from. Chrome silently refuses to load an extension whose schema it rejects, so this
 * reader is stricter than Chrome: it accepts only the keywords Chrome's validator knows, and only
 * the value types every template format can carry (boolean, integer, string, list of strings).
 */
import { err, ok, type Result } from '../../src/result';

export type PolicyKind = 'boolean' | 'integer' | 'string' | 'string-list';

export interface PolicyKey {
  readonly name: string;
  readonly kind: PolicyKind;
  /** Integers only; always set (ADMX decimal elements need both bounds). */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Integers and strings (for a list of strings: each item). */
  readonly enumValues?: readonly (string | number)[];
  /** Strings (for a list of strings: each item). */
  readonly pattern?: string;
}

export type SchemaErrorCode =
  | 'schema_not_json'
  | 'schema_not_object'
  | 'keyword_unsupported'
  | 'ref_unresolved'
  | 'type_unsupported'
  | 'key_name_invalid'
  | 'range_invalid'
  | 'range_unsupported'
  | 'enum_invalid'
  | 'pattern_invalid';

/** `key` names the policy key (or "" for the top level), never a value from the file. */
export interface SchemaError {
  readonly code: SchemaErrorCode;
  readonly key: string;
}

/** The keywords Chrome's schema validator accepts (components/policy schema). */
const KEYWORDS = new Set([
  'type',
  'properties',
  'items',
  'minimum',
  'maximum',
  'enum',
  'pattern',
  'title',
  'description',
  'id',
  '$ref',
]);

/**
 * ADMX decimal elements are unsigned 32-bit values and Chrome reads a DWORD as a signed int, so an
 * integer policy must lie in 0…2^31−1 to be settable through Group Policy.
 */
export const ADMX_INT_MAX = 2_147_483_647;

/** Key names become message keys (`policyTitle_<Key>`), ADMX ids and registry value names. */
const KEY_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every node that declares an `id`, so `$ref` can point at it (Chrome resolves ids schema-wide). */
function collectIds(node: unknown, into: Map<string, Node>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectIds(item, into);
  } else if (isNode(node)) {
    if (typeof node.id === 'string') into.set(node.id, node);
    for (const value of Object.values(node)) collectIds(value, into);
  }
}

function unknownKeyword(node: Node): boolean {
  return Object.keys(node).some((k) => !KEYWORDS.has(k));
}

function resolve(node: unknown, ids: Map<string, Node>): Node | undefined {
  if (!isNode(node)) return undefined;
  if (typeof node.$ref === 'string') return ids.get(node.$ref);
  return node;
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Chrome compiles `pattern` with RE2, which has no lookaround and no backreferences; a pattern RE2
 * cannot compile makes the whole schema invalid, so those are refused even though JS knows them.
 */
function validPattern(pattern: string): boolean {
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(pattern)) return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

type Scalar = Pick<PolicyKey, 'minimum' | 'maximum' | 'enumValues' | 'pattern'>;

/** A string or integer node: a policy, or the items of a list of strings. */
function readScalar(node: Node, type: 'string' | 'integer'): Result<Scalar, SchemaErrorCode> {
  const out: { -readonly [K in keyof Scalar]: Scalar[K] } = {};
  if (node.enum !== undefined) {
    const values = node.enum;
    const typed = (v: unknown) => (type === 'string' ? typeof v === 'string' : isInt(v));
    if (!Array.isArray(values) || values.length === 0 || !values.every(typed)) {
      return err('enum_invalid');
    }
    if (new Set(values).size !== values.length) return err('enum_invalid');
    out.enumValues = values as (string | number)[];
  }
  if (type === 'string') {
    if (node.minimum !== undefined || node.maximum !== undefined) return err('range_invalid');
    if (node.pattern !== undefined) {
      if (typeof node.pattern !== 'string' || !validPattern(node.pattern)) {
        return err('pattern_invalid');
      }
      out.pattern = node.pattern;
    }
    return ok(out);
  }
  if (node.pattern !== undefined) return err('pattern_invalid');
  const min = node.minimum ?? 0;
  const max = node.maximum ?? ADMX_INT_MAX;
  if (!isInt(min) || !isInt(max) || min > max) return err('range_invalid');
  if (min < 0 || max > ADMX_INT_MAX) return err('range_unsupported');
  if (out.enumValues?.some((v) => (v as number) < min || (v as number) > max)) {
    return err('enum_invalid');
  }
  out.minimum = min;
  out.maximum = max;
  return ok(out);
}

function readKey(
  name: string,
  raw: unknown,
  ids: Map<string, Node>,
): Result<PolicyKey, SchemaError> {
  const fail = (code: SchemaErrorCode) => err({ code, key: name });
  if (!KEY_NAME.test(name)) return fail('key_name_invalid');
  if (isNode(raw) && unknownKeyword(raw)) return fail('keyword_unsupported');
  const node = resolve(raw, ids);
  if (node === undefined) return fail('ref_unresolved');
  if (unknownKeyword(node)) return fail('keyword_unsupported');
  switch (node.type) {
    case 'boolean':
      if (['minimum', 'maximum', 'enum', 'pattern', 'items', 'properties'].some((k) => k in node)) {
        return fail('keyword_unsupported');
      }
      return ok({ name, kind: 'boolean' });
    case 'integer':
    case 'string': {
      if ('items' in node || 'properties' in node) return fail('keyword_unsupported');
      const scalar = readScalar(node, node.type);
      return scalar.ok ? ok({ name, kind: node.type, ...scalar.value }) : fail(scalar.error);
    }
    case 'array': {
      // Constraints belong on the items; on the list itself Chrome would apply none of them.
      if (['minimum', 'maximum', 'enum', 'pattern', 'properties'].some((k) => k in node)) {
        return fail('keyword_unsupported');
      }
      const items = resolve(node.items, ids);
      if (items === undefined)
        return fail(isNode(node.items) ? 'ref_unresolved' : 'type_unsupported');
      if (unknownKeyword(items) || 'items' in items || 'properties' in items) {
        return fail('keyword_unsupported');
      }
      if (items.type !== 'string') return fail('type_unsupported');
      const scalar = readScalar(items, 'string');
      return scalar.ok ? ok({ name, kind: 'string-list', ...scalar.value }) : fail(scalar.error);
    }
    default:
      // number, object and anything else: no template format below can carry them faithfully.
      return fail('type_unsupported');
  }
}

export function readSchema(text: string): Result<readonly PolicyKey[], SchemaError> {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return err({ code: 'schema_not_json', key: '' });
  }
  if (!isNode(root) || root.type !== 'object' || !isNode(root.properties)) {
    return err({ code: 'schema_not_object', key: '' });
  }
  // Chrome forbids additionalProperties at the top level; the set of keywords covers it.
  if (unknownKeyword(root)) return err({ code: 'keyword_unsupported', key: '' });
  const ids = new Map<string, Node>();
  collectIds(root, ids);
  const keys: PolicyKey[] = [];
  for (const [name, raw] of Object.entries(root.properties)) {
    const key = readKey(name, raw, ids);
    if (!key.ok) return key;
    keys.push(key.value);
  }
  return ok(keys);
}
