import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const LOCALES = readdirSync('public/_locales');
const catalogues = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Record<string, Entry>,
  ]),
);
const en = catalogues.en!;

describe('locales', () => {
  it('English and Swedish are both there', () => {
    expect(LOCALES.sort()).toEqual(['en', 'sv']);
  });

  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(catalogues[locale]!).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LOCALES)(
    '%s: every message is non-empty and uses the same placeholders as English',
    (locale) => {
      for (const [key, entry] of Object.entries(catalogues[locale]!)) {
        expect(entry.message.trim(), `${locale}:${key}`).not.toBe('');
        const used = (text: string) =>
          [...text.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
        expect(used(entry.message), `${locale}:${key}`).toEqual(used(en[key]!.message));
        for (const name of used(entry.message)) {
          expect(entry.placeholders?.[name], `${locale}:${key} placeholder ${name}`).toBeDefined();
        }
      }
    },
  );

  it('chrome.i18n key rules hold (ASCII letters, digits, underscore)', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('every error code has a message in every locale', () => {
    for (const locale of LOCALES) {
      for (const code of ERROR_CODES) {
        expect(catalogues[locale]![`error_${code}`], `${locale}: error_${code}`).toBeDefined();
      }
    }
  });
});
