/**
 * Android SharedPreferences files (`shared_prefs/*.xml`), as rooted users and backup tools copy
 * them out of apps that have no export (Authy, Battle.net Authenticator). Android writes these in
 * one fixed shape: `<map>` with one element per key, a string's value as escaped element text. A
 * bounded pattern reads the `<string>` elements; anything else is ignored, and a file without the
 * `<map>` head is not one of these.
 */
import { IMPORT_LIMITS } from './input';

const HEAD = /^\s*(?:<\?xml[^>]{0,200}\?>\s*)?<map>/;
/**
 * `<string name="…">…</string>` or an empty `<string name="…" />`: no `<` can occur inside the
 * name or the text, so the pattern cannot backtrack.
 */
const STRING = /<string name="([^"<]*)"\s*(?:\/>|>([^<]*)<\/string>)/g;

const ENTITIES: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
};

/** XML's five named entities and numeric references; anything else is left as written. */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] ?? whole) : whole;
  });
}

/** True for a SharedPreferences file: the `<map>` head Android always writes. */
export function isPreferencesXml(text: string | null): text is string {
  return text !== null && HEAD.test(text);
}

/** Does the file hold a `<string>` with this name (checked without reading every value)? */
export function hasPreferenceString(text: string | null, name: string): boolean {
  return isPreferencesXml(text) && text.includes(`<string name="${name}"`);
}

/**
 * The `<string>` values by name, first one kept when a name repeats (Android never writes a name
 * twice). Null past the entry bound: no app's preferences come near it.
 */
export function preferenceStrings(text: string): Map<string, string> | null {
  const values = new Map<string, string>();
  let count = 0;
  for (const match of text.matchAll(STRING)) {
    if (++count > IMPORT_LIMITS.maxEntries) return null;
    const name = unescapeXml(match[1] ?? '');
    if (!values.has(name)) values.set(name, unescapeXml(match[2] ?? ''));
  }
  return values;
}
