/**
 * Counts in messages: `tn` picks the plural form the UI language uses (Intl.PluralRules) from
 * the `<key>_one` / `<key>_other` messages, and every key with plural forms has both in every
 * locale. The browser's catalogue is stood in for by the real messages.json files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const catalogues = Object.fromEntries(
  readdirSync('public/_locales').map((l) => [
    l,
    JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Record<string, Entry>,
  ]),
);
const ui = vi.hoisted(() => ({ language: 'en' }));

/** chrome.i18n.getMessage over the catalogue of `ui.language`: $NAME$ → its $n substitution. */
function getMessage(key: string, substitutions: string[]): string {
  // Chrome falls back to the default locale (English) for a language it has no catalogue for.
  const entry = (catalogues[ui.language.slice(0, 2)] ?? catalogues.en)?.[key];
  if (entry === undefined) return '';
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return substitutions[Number(content.slice(1)) - 1] ?? '';
  });
}

vi.mock('../../src/platform/browser', () => ({
  default: { i18n: { getMessage, getUILanguage: () => ui.language } },
}));

const { listText, pluralForm, tn, uiLanguage } = await import('../../src/i18n');

describe('plural forms', () => {
  it.each([
    ['en', 0, '0 accounts found'],
    ['en', 1, '1 account found'],
    ['en', 2, '2 accounts found'],
    ['en-GB', 1000, '1,000 accounts found'],
    ['sv', 1, '1 konto hittades'],
    ['sv', 5, '5 konton hittades'],
    ['sv', 1000, '1\u00a0000 konton hittades'],
  ])('%s, %i: %s', (language, count, text) => {
    ui.language = language;
    expect(tn('importFound', count)).toBe(text);
  });

  it('passes the other substitutions after the count', () => {
    ui.language = 'sv';
    expect(tn('importedFrom', 1, '2FAS')).toBe('1 konto importerades från 2FAS.');
    ui.language = 'en';
    expect(tn('importedFrom', 3, '2FAS')).toBe('Imported 3 accounts from 2FAS.');
  });

  it('falls back to the other form, and to English rules for a bad language tag', () => {
    // Polish has `few`: no catalogue has `_few`, so `_other` is used.
    ui.language = 'pl';
    expect(pluralForm('pl', 3)).toBe('few');
    expect(tn('importFound', 3)).toBe('3 accounts found');
    expect(pluralForm('not a language!', 1)).toBe('one');
  });

  it.each([
    // English text read under another language's rules: Japanese has no singular, French
    // treats 0 as one, German groups thousands with a dot.
    ['ja', 1, '1 account found'],
    ['fr', 0, '0 accounts found'],
    ['de', 1000, '1,000 accounts found'],
  ])('a browser in %s, which gets the English catalogue, counts %i in English', (l, n, text) => {
    ui.language = l;
    expect(tn('importFound', n)).toBe(text);
  });

  it.each([
    ['en-GB', 'en-GB'],
    ['en', 'en'],
    ['sv-SE', 'sv-SE'],
    ['sv', 'sv'],
    ['de', 'en'],
    ['ja', 'en'],
  ])('a browser in %s: the page is written in %s (lang, dates)', (browserLanguage, written) => {
    ui.language = browserLanguage;
    expect(uiLanguage()).toBe(written);
  });

  it.each([
    ['en', ['2'], 'Still to scan: code 2.'],
    ['en', ['1', '3'], 'Still to scan: codes 1 and 3.'],
    ['sv', ['2'], 'Kvar att skanna: kod 2.'],
    ['sv', ['1', '3', '4'], 'Kvar att skanna: koderna 1, 3 och 4.'],
    ['ja', ['1', '3', '4'], 'Still to scan: codes 1, 3, and 4.'],
  ])(
    '%s: the codes of an export still to scan, %j, as a list of the language',
    (l, codes, text) => {
      ui.language = l;
      expect(tn('exportMissing', codes.length, listText(codes))).toBe(text);
    },
  );

  it.each(Object.keys(catalogues))('%s: every plural key has its one and other forms', (l) => {
    const keys = Object.keys(catalogues[l]!);
    for (const key of keys.filter((k) => /_(one|other)$/.test(k))) {
      const base = key.replace(/_(one|other)$/, '');
      expect(keys, key).toContain(`${base}_one`);
      expect(keys, key).toContain(`${base}_other`);
    }
  });
});
