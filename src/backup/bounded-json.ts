/**
 * JSON.parse for untrusted text, bounded before it runs: the caller checks the length, this
 * checks the nesting with one linear scan. Engines differ in how deep a parse may go before it
 * throws (or overflows the stack), so depth is never left to the engine. JSON.parse itself is
 * safe against prototype pollution: a `"__proto__"` key becomes an own data property.
 */
import { err, ok, type Result } from '../result';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** True when no object or array in `text` nests deeper than `maxDepth` (strings are skipped). */
export function nestingWithin(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPENERS.has(c)) {
      if (++depth > maxDepth) return false;
    } else if (CLOSERS.has(c)) {
      depth--;
    }
  }
  return true;
}

export function parseBoundedJson(text: string, maxDepth: number): Result<unknown, 'json_invalid'> {
  if (!nestingWithin(text, maxDepth)) return err('json_invalid');
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    // SyntaxError for malformed text; anything else (RangeError) would be an engine limit.
    return err('json_invalid');
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `value` has exactly these own keys, no more and no fewer. */
export function hasExactKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
}
