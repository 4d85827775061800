/**
 * Every message with a count uses the language's plural forms: a message whose placeholder is a
 * count is a `<key>_one` / `<key>_other` pair (picked by `tn` through Intl.PluralRules), or is
 * listed below with why its count needs no plural. No message works around plurals with
 * "account(s)" or "konto(n)". Checked in every locale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const locales = readdirSync('public/_locales');
const catalogue = (l: string) =>
  JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Record<string, Entry>;

/** Placeholder names that hold a number of things. */
const COUNTS = /^(count|added|skipped|replaced|days|minutes|seconds|size|scanned|total|min|max)$/;

/** Counts that govern no noun or verb form, in English or Swedish. */
const NO_PLURAL_NEEDED: Record<string, string> = {
  removeSelectedButton: 'the count stands alone in parentheses',
  restoreFreshTitle: 'the count stands alone in parentheses',
  restoreDuplicatesTitle: 'the count stands alone in parentheses',
  googleSkippedTitle: 'the count stands alone in parentheses',
  filter_all: 'the count stands alone in parentheses',
  filter_no_site: 'the count stands alone in parentheses',
  filter_pinned: 'the count stands alone in parentheses',
  filter_hotp: 'the count stands alone in parentheses',
  filter_recent: 'the count stands alone in parentheses',
  accountsShown: '"Showing 3 of 5": no noun',
  movedAnnouncement: 'a position: "number 3 of 5"',
  googleCodeLabel: 'a position: "code 1 of 3"',
  importFileOf: 'a position: "file 1 of 3"',
  restoreDone: '"3 added, 1 replaced" / "3 lades till, 1 ersattes": no noun, verbs do not inflect',
  exportProgress: 'shown only while codes remain, so the total is at least 2',
  passphraseMinHint: 'the minimum is never below 8 (src/policy)',
  backupPasswordHint: 'the minimum is never below 8 (src/policy)',
  passphraseTooShort: 'the minimum is never below 8 (src/policy)',
  backupPasswordTooShort: 'the minimum is never below 8 (src/policy)',
  policyLimit: '"allows at most 60": the unit is in the field’s label',
  settingOutOfRange: '"a whole number from 1 to 60": bounds, no noun',
};

describe.each(locales)('%s', (locale) => {
  const messages = catalogue(locale);

  it('has plural forms for every message with a count, or a reason why not', () => {
    const missing = Object.entries(messages)
      .filter(([key]) => !/_(one|other|few|many|two|zero)$/.test(key))
      .filter(([, e]) => Object.keys(e.placeholders ?? {}).some((p) => COUNTS.test(p)))
      .map(([key]) => key)
      .filter((key) => !(key in NO_PLURAL_NEEDED));
    expect(missing).toEqual([]);
  });

  it('never writes "(s)" or "(n)" after a word', () => {
    const workarounds = Object.entries(messages)
      .filter(([, e]) => /\p{L}\((s|n|er|ar|or)\)/u.test(e.message))
      .map(([key]) => key);
    expect(workarounds).toEqual([]);
  });

  it('puts the count first in every plural message that shows it', () => {
    for (const [key, e] of Object.entries(messages)) {
      if (!/_(one|other)$/.test(key) || e.placeholders?.count === undefined) continue;
      expect(e.placeholders.count.content, key).toBe('$1');
    }
  });
});

it('has no reason listed for a message that no longer has a count', () => {
  const en = catalogue('en');
  for (const key of Object.keys(NO_PLURAL_NEEDED)) {
    const names = Object.keys(en[key]?.placeholders ?? {});
    expect(
      names.some((p) => COUNTS.test(p)),
      key,
    ).toBe(true);
  }
});
