/**
 * zxcvbn's feedback as Otter shows it: every warning and suggestion it can give has a message in
 * every locale, and the English ones are zxcvbn's own English translations, word for word.
 */
import { translations } from '@zxcvbn-ts/language-en';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRENGTH_SUGGESTIONS, STRENGTH_WARNINGS } from '../../src/passphrase/strength';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;

describe('strength feedback messages', () => {
  it.each(readdirSync('public/_locales'))('%s has one for every warning and suggestion', (l) => {
    const messages = catalogue(l);
    for (const key of STRENGTH_WARNINGS) expect(messages[`strengthWarning_${key}`]).toBeDefined();
    for (const key of STRENGTH_SUGGESTIONS)
      expect(messages[`strengthSuggestion_${key}`]).toBeDefined();
  });

  it('English uses zxcvbn’s English translations', () => {
    const en = catalogue('en');
    for (const key of STRENGTH_WARNINGS)
      expect(en[`strengthWarning_${key}`]!.message).toBe(translations.warnings[key]);
    for (const key of STRENGTH_SUGGESTIONS)
      expect(en[`strengthSuggestion_${key}`]!.message).toBe(translations.suggestions[key]);
  });
});
