/**
 * Text as people type it into a search box: without case, accents or the letters some keyboards
 * lack ("a" finds "Å", "e" finds "é", "ss" finds "ß"), split into words the way names are made
 * ("Amazon Web Services", "GitHub", "proton-mail", "alice.smith").
 */

export { fold } from './fold';
import { fold } from './fold';

type Kind = 'lower' | 'upper' | 'digit' | 'mark' | 'other';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{N}/u;
const MARK = /\p{M}/u;

function kindOf(c: string): Kind {
  const code = c.charCodeAt(0);
  if (code < 128) {
    if (code >= 97 && code <= 122) return 'lower';
    if (code >= 65 && code <= 90) return 'upper';
    if (code >= 48 && code <= 57) return 'digit';
    return 'other';
  }
  if (MARK.test(c)) return 'mark';
  if (!LETTER_OR_DIGIT.test(c)) return 'other';
  if (DIGIT.test(c)) return 'digit';
  return UPPER.test(c) ? 'upper' : 'lower';
}

/**
 * The words of a name, folded: "GitHub Enterprise" → ["git", "hub", "enterprise"]. Words end at
 * anything that is not a letter or digit, at a capital after a small letter ("GitHub",
 * "iCloud"), and between letters and digits ("Office365"). One pass: lists are long.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let previous: Kind = 'other';
  const flush = () => {
    if (current !== '') out.push(fold(current));
    current = '';
  };
  for (const c of text) {
    const kind = kindOf(c);
    if (kind === 'mark') {
      // An accent typed as its own character belongs to the letter before it.
      if (current !== '') current += c;
      continue;
    }
    if (kind === 'other') {
      flush();
    } else {
      const digitEdge = previous !== 'other' && (previous === 'digit') !== (kind === 'digit');
      if ((previous === 'lower' && kind === 'upper') || digitEdge) flush();
      current += c;
    }
    previous = kind;
  }
  flush();
  return out.filter((w) => w !== '');
}

/**
 * The initials of a name of two words or more ("Amazon Web Services" → "aws", "GitHub" → "gh"),
 * or '' (one letter finds too much to be useful).
 */
export function initials(text: string, split: readonly string[] = words(text)): string {
  return split.length < 2 ? '' : split.map((w) => w.charAt(0)).join('');
}

/**
 * The host of a stored site ("https://www.github.com:8443" → "github.com"): what people type of
 * it. The scheme, "www." and the port say nothing about which account is meant.
 */
export function siteHost(site: string): string {
  return fold(site)
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[:/?#].*$/s, '');
}
