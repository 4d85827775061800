/**
 * FreeOTP+'s internal token store (`tokens.xml`, as copied from a rooted phone or an Android
 * backup): an Android preferences map whose strings are the same token JSON as the export,
 * keyed by token id, plus `tokenOrder` as a JSON string. Android writes this file in one fixed
 * shape, so a bounded pattern reads it; anything else is not taken for it.
 */
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { IMPORT_LIMITS } from './input';
import type { SavedTokens } from './freeotp-plus';
import type { ImportError } from './types';

const HEAD = /^\s*(?:<\?xml[^>]{0,200}\?>\s*)?<map>/;
/** One `<string name="…">…</string>`: no `<` can occur inside either part, so no backtracking. */
const STRING = /<string name="([^"<]*)">([^<]*)<\/string>/g;
const ORDER_KEY = 'tokenOrder';

export function looksLikeFreeOtpPlusXml(text: string | null): boolean {
  return text !== null && HEAD.test(text) && text.includes(`<string name="${ORDER_KEY}">`);
}

const ENTITIES: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
};

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] ?? whole) : whole;
  });
}

/** The tokens and order of the internal store; each token's text is parsed as JSON. */
export function readFreeOtpPlusXml(text: string): Result<SavedTokens, ImportError> {
  const tokens: unknown[] = [];
  let tokenOrder: unknown[] = [];
  for (const match of text.matchAll(STRING)) {
    if (tokens.length > IMPORT_LIMITS.maxEntries) return err({ code: 'import_too_large' });
    const name = unescapeXml(match[1] ?? '');
    const json = parseBoundedJson(unescapeXml(match[2] ?? ''), IMPORT_LIMITS.maxJsonDepth);
    if (name === ORDER_KEY) {
      if (!json.ok || !Array.isArray(json.value)) return err({ code: 'import_damaged' });
      tokenOrder = json.value;
    } else {
      // A token that is not JSON is kept as one, to be refused as entry_invalid.
      tokens.push(json.ok ? json.value : null);
    }
  }
  return ok({ tokens, tokenOrder });
}
