/**
 * FreeOTP+'s internal token store (`tokens.xml`, as copied from a rooted phone or an Android
 * backup): an Android preferences map whose strings are the same token JSON as the export,
 * keyed by token id, plus `tokenOrder` as a JSON string. Android writes this file in one fixed
 * shape, read by android-prefs.ts; anything else is not taken for it.
 */
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { hasPreferenceString, preferenceStrings } from './android-prefs';
import { IMPORT_LIMITS } from './input';
import type { SavedTokens } from './freeotp-plus';
import type { ImportError } from './types';

const ORDER_KEY = 'tokenOrder';

export function looksLikeFreeOtpPlusXml(text: string | null): boolean {
  return hasPreferenceString(text, ORDER_KEY);
}

/** The tokens and order of the internal store; each token's text is parsed as JSON. */
export function readFreeOtpPlusXml(text: string): Result<SavedTokens, ImportError> {
  const strings = preferenceStrings(text);
  if (strings === null) return err({ code: 'import_too_large' });
  const tokens: unknown[] = [];
  let tokenOrder: unknown[] = [];
  for (const [name, value] of strings) {
    const json = parseBoundedJson(value, IMPORT_LIMITS.maxJsonDepth);
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
