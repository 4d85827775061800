/**
 * Every user-facing string goes through here. Keys are checked against the English catalogue at
 * compile time; a unit test checks that every locale has every key with the same placeholders.
 */
import type catalogue from '../public/_locales/en/messages.json';
import type { AppError } from './errors';
import { getMessage, getUiLanguage } from './platform/i18n';

export type MessageKey = keyof typeof catalogue;

export function t(key: MessageKey, ...substitutions: string[]): string {
  // An empty answer means a missing key: show the key rather than nothing, so it gets noticed.
  return getMessage(key, substitutions) || key;
}

/** Message keys that come in plural forms: `<key>_one` and `<key>_other` (at least). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other`
    ? `${Base}_one` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * A message with a count, in the plural form the UI language uses for it (Intl.PluralRules:
 * English and Swedish have `one` and `other`; a language with more forms adds `_few`, `_many`…
 * to its own catalogue, and a form it lacks falls back to `_other`). The count, written the
 * language's way, is the first substitution.
 */
export function tn(key: PluralKey, count: number, ...substitutions: string[]): string {
  const language = uiLanguage();
  const form = pluralForm(language, count);
  const shown = [formatCount(language, count), ...substitutions];
  return getMessage(`${key}_${form}`, shown) || getMessage(`${key}_other`, shown) || `${key}_other`;
}

/** Made once per language: a list of a thousand counts must not build a thousand of them. */
const plurals = new Map<string, { rules: Intl.PluralRules; numbers: Intl.NumberFormat }>();

function intlFor(language: string): { rules: Intl.PluralRules; numbers: Intl.NumberFormat } {
  let made = plurals.get(language);
  if (made === undefined) {
    try {
      made = { rules: new Intl.PluralRules(language), numbers: new Intl.NumberFormat(language) };
    } catch {
      // A language tag Intl does not take: English rules and digits.
      made = intlFor('en');
    }
    plurals.set(language, made);
  }
  return made;
}

/** The plural category of `count` in `language` (a bad language tag falls back to English). */
export function pluralForm(language: string, count: number): Intl.LDMLPluralRule {
  return intlFor(language).rules.select(count);
}

function formatCount(language: string, count: number): string {
  return intlFor(language).numbers.format(count);
}

/** Items joined the UI language's way: "1, 2, and 3" / "1, 2 och 3". */
export function listText(items: readonly string[]): string {
  const language = uiLanguage();
  try {
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  } catch {
    // A language tag Intl does not take: English.
    return new Intl.ListFormat('en', { type: 'conjunction' }).format(items);
  }
}

/** The translated message for an error code (and its position, where it has one). */
export function errorText(error: AppError): string {
  if (error.code === 'secret_invalid_char') {
    const position = String(error.position ?? 1);
    return t(
      error.digitHint ? 'error_secret_invalid_char_digit' : 'error_secret_invalid_char',
      position,
    );
  }
  return t(`error_${error.code}`);
}

/**
 * The language the page is written in: the browser's language where Otter has a catalogue for it
 * (en-GB keeps its dates), otherwise the language of the catalogue the browser fell back to
 * (`messagesLanguage` in each messages.json). A German or Japanese browser reads English text:
 * its plural rules ("1 accounts" under Japanese rules), numbers, dates and the page's `lang`
 * (what a screen reader's voice follows) must be English too.
 */
export function uiLanguage(): string {
  const browserLanguage = getUiLanguage();
  const written = getMessage('messagesLanguage', []);
  if (written === '') return browserLanguage;
  return browserLanguage.split(/[-_]/)[0]!.toLowerCase() === written ? browserLanguage : written;
}
