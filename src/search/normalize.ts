/**
 * Text as people type it into a search box: without case, accents or the letters some keyboards
 * lack ("a" finds "Å", "e" finds "é", "ss" finds "ß"), split into words the way names are made
 * ("Amazon Web Services", "GitHub", "proton-mail", "alice.smith").
 */

/**
 * Letters that Unicode decomposition does not reduce to a base letter, but that people write as
 * one or two ASCII letters. Small on purpose: this runs in the popup.
 */
const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLDED_CHARS = /[ßæœøłđðþı]/g;
const MARKS = /\p{M}+/gu;

/** Lower case, accents off, the letters above written out. Never throws (lone surrogates too). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDED_CHARS, (c) => FOLDED[c] ?? c);
}

/** What separates the words of a name: anything that is not a letter or a digit. */
const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** A word starts at a capital after a small letter ("GitHub", "iCloud"), or after a digit. */
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{N})(?=\p{L})|(?<=\p{L})(?=\p{N})/u;

/** The words of a name, folded: "GitHub Enterprise" → ["git", "hub", "enterprise"]. */
export function words(text: string): string[] {
  return text
    .split(SEPARATORS)
    .flatMap((part) => part.split(CAMEL))
    .map(fold)
    .filter((w) => w !== '');
}

/**
 * The initials of a name of two words or more ("Amazon Web Services" → "aws", "GitHub" → "gh"),
 * or '' (one letter finds too much to be useful).
 */
export function initials(text: string): string {
  const list = words(text);
  return list.length < 2 ? '' : list.map((w) => w.charAt(0)).join('');
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
