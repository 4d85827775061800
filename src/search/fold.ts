/**
 * Text folded for comparing names: lower case, accents off, and the letters some keyboards lack
 * written out ("Å" is "a", "ß" is "ss"). On its own, apart from the rest of the search's text
 * rules (normalize.ts): the popup needs only this at open (monograms, icon names), and search
 * loads once the list is on screen.
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

const NOT_ASCII = /[^ -~]/;

/** Lower case, accents off, the letters above written out. Never throws (lone surrogates too). */
export function fold(text: string): string {
  // Most names are ASCII: lower case is all they need, and a list is folded at every open.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDED_CHARS, (c) => FOLDED[c] ?? c);
}
