/**
 * Committing an import, as pure functions: the note's tags line, the site, and the writes for
 * each duplicate choice (test/vault/import-flow.test.ts runs the same through the worker).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImportCommit } from '../../../src/backup/import/commit';
import type { ImportedAccount } from '../../../src/backup/import/types';
import { importedNote, importedSites } from '../../../src/backup/import/vault-fields';
import { decodeBase32 } from '../../../src/otp/secret';
import type { Account } from '../../../src/vault/format';
import { TEXT_LIMITS } from '../../../src/vault/format';
import { MAX_SITES } from '../../../src/text-limits';

const NOW = Date.UTC(2026, 10, 24);

function secret(base32: string): Uint8Array {
  const bytes = decodeBase32(base32);
  if (!bytes.ok) throw new Error('bad test secret');
  return bytes.value;
}

function imported(issuer: string, key: string, extra: Partial<ImportedAccount> = {}) {
  const account: ImportedAccount = {
    type: 'totp',
    secret: secret(key),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer,
    account: 'me',
    extra: {},
    note: '',
    pinned: false,
    tags: [],
    sites: [],
    trashed: false,
    dropped: [],
    ...extra,
  };
  return account;
}

function stored(id: string, issuer: string, key: string, extra: Partial<Account> = {}): Account {
  const { note, pinned, tags, sites, trashed, dropped, ...entry } = imported(issuer, key);
  void [note, pinned, tags, sites, trashed, dropped];
  return {
    ...entry,
    id,
    note: '',
    sites: [],
    pinned: false,
    order: 1,
    createdAt: 1,
    updatedAt: 1,
    trashedAt: null,
    ...extra,
  };
}

let ids = 0;
const LABELS = { tags: 'Tags', revocation: 'Revocation code' };
const options = {
  now: NOW,
  tagsLabel: 'Tags',
  revocationLabel: 'Revocation code',
  newId: () => `new-${++ids}`,
};

describe('the note and the site of an imported account', () => {
  it.each([
    ['', [], '', false],
    ['a note', [], 'a note', false],
    ['', ['work', 'mail'], 'Tags: work, mail', false],
    ['a note', ['work'], 'a note\nTags: work', false],
  ] as const)('%j with tags %j → %j', (note, tags, expected, shortened) => {
    expect(importedNote(note, tags, LABELS)).toEqual({ note: expected, shortened });
  });

  it('adds a Steam revocation code as a line of its own, before the tags', () => {
    expect(importedNote('', [], LABELS, 'R12345').note).toBe('Revocation code: R12345');
    expect(importedNote('a note', ['games'], LABELS, 'R12345').note).toBe(
      'a note\nRevocation code: R12345\nTags: games',
    );
    const long = 'x'.repeat(TEXT_LIMITS.note);
    const result = importedNote(long, [], LABELS, 'R12345');
    expect(result).toMatchObject({ shortened: true });
    expect(result.note.endsWith('x\nRevocation code: R12345')).toBe(true);
  });

  it('cuts the note, not the tags line, to fit the vault, and says so', () => {
    const long = 'x'.repeat(TEXT_LIMITS.note);
    const result = importedNote(long, ['work'], { tags: 'Taggar', revocation: 'Återkallelsekod' });
    expect(result.shortened).toBe(true);
    expect(result.note).toHaveLength(TEXT_LIMITS.note);
    expect(result.note.endsWith('x\nTaggar: work')).toBe(true);
    // Tags that cannot fit even alone are cut too.
    const tags = Array.from({ length: 2000 }, (_, i) => `t${i}`);
    expect(importedNote('', tags, LABELS).note).toHaveLength(TEXT_LIMITS.note);
  });

  it('keeps every address the vault accepts as a site, as its origin, once each, in order', () => {
    expect(importedSites([])).toEqual([]);
    expect(importedSites(['androidapp://com.example', 'https://GitHub.com/login'])).toEqual([
      'https://github.com',
    ]);
    expect(
      importedSites(['mail.example.org', 'https://other.example', 'https://MAIL.example.org/x']),
    ).toEqual(['https://mail.example.org', 'https://other.example']);
    expect(importedSites(['localhost', 'javascript:alert(1)', 'user@host.example'])).toEqual([]);
    // At most MAX_SITES: the rest of a long list is left out, not refused.
    const many = Array.from({ length: MAX_SITES + 5 }, (_, i) => `s${i}.example`);
    expect(importedSites(many)).toHaveLength(MAX_SITES);
  });
});

describe('the writes of an import', () => {
  const file = [
    imported('GitHub', 'JBSWY3DPEHPK3PXP', { tags: ['work'], pinned: true }),
    imported('Bank', 'GEZDGNBVGY3TQOJQ', { sites: ['bank.example'] }),
    imported('Old', 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ', { trashed: true }),
    imported('Mail', 'MFRGGZDFMZTWQ2LK'),
  ];

  it('adds everything after the last account, in the file order', () => {
    const current = [stored('a', 'Other', 'ONSWG4TFOQ======', { order: 7 })];
    const plan = planImportCommit(file, current, {}, options);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.add.map((a) => [a.issuer, a.order, a.pinned, a.trashedAt])).toEqual([
      ['GitHub', 8, true, null],
      ['Bank', 9, false, null],
      ['Old', 10, false, NOW],
      ['Mail', 11, false, null],
    ]);
    expect(plan.value.add[0]).toMatchObject({ note: 'Tags: work', createdAt: NOW });
    expect(plan.value.add[1]).toMatchObject({ sites: ['https://bank.example'] });
    // Only the vault's fields: nothing of the import's own bookkeeping is stored.
    expect(Object.keys(plan.value.add[0]!).sort()).toEqual(Object.keys(current[0]!).sort());
    expect(plan.value.trash).toEqual([]);
    expect(plan.value.counts).toEqual({ imported: 4, intoTrash: 1, replaced: 0, skipped: 0 });
  });

  it('finds no duplicate in the Trash, and gives none to an account going to the Trash', () => {
    const current = [
      stored('t', 'GitHub', 'JBSWY3DPEHPK3PXP', { trashedAt: 5 }),
      stored('o', 'Old', 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ'),
    ];
    const plan = planImportCommit(file, current, {}, options);
    expect(plan.ok && plan.value.counts.imported).toBe(4);
  });

  it('replaces one account once even when two of the file match it', () => {
    const twice = [imported('Mail', 'MFRGGZDFMZTWQ2LK'), imported('Mail', 'MFRGGZDFMZTWQ2LK')];
    const current = [
      stored('m', 'Mail', 'MFRGGZDFMZTWQ2LK', { note: 'old note', sites: ['https://x.example'] }),
    ];
    const replace = { choice: 'replace', existing: 'm' };
    const plan = planImportCommit(twice, current, { 0: replace, 1: replace }, options);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.trash).toEqual([current[0]!.id]);
    expect(plan.value.add.map((a) => [a.note, a.sites])).toEqual([
      ['old note', ['https://x.example']],
      ['old note', ['https://x.example']],
    ]);
    expect(plan.value.counts).toMatchObject({ imported: 2, replaced: 1 });
  });

  it("starts an HOTP key the vault holds at the vault's highest counter, whatever the choice", () => {
    const hotp = { type: 'hotp' as const, counter: 7 };
    const key = 'GEZDGNBVGY3TQOJQ';
    const bank = [
      imported('Bank', key, hotp),
      imported('Bank', key, hotp),
      imported('Bank (trash)', key, { ...hotp, trashed: true }),
      // The same key as TOTP is another key: its counter is not the HOTP one's.
      imported('Bank totp', key),
    ];
    const current = [
      stored('b', 'Bank', key, { ...hotp, counter: 20 }),
      stored('t', 'Old bank', key, { ...hotp, counter: 30, trashedAt: 5 }),
    ];
    for (const choice of ['keep_both', 'replace']) {
      const answer = { choice, existing: 'b' };
      const plan = planImportCommit(bank, current, { 0: answer, 1: answer }, options);
      if (!plan.ok) throw new Error(plan.error);
      expect(plan.value.add.map((a) => [a.issuer, a.type, a.counter])).toEqual([
        ['Bank', 'hotp', 30],
        ['Bank', 'hotp', 30],
        ['Bank (trash)', 'hotp', 30],
        ['Bank totp', 'totp', 0],
      ]);
    }
    // A file ahead of the vault keeps its own counter.
    const ahead = [imported('Bank', key, { ...hotp, counter: 50 })];
    const plan = planImportCommit(
      ahead,
      current,
      { 0: { choice: 'keep_both', existing: 'b' } },
      options,
    );
    expect(plan.ok && plan.value.add[0]!.counter).toBe(50);
  });

  const skip = { choice: 'skip', existing: 'm' };
  it.each([
    [{ 3: 'skip' }],
    [{ 3: { choice: 'maybe', existing: 'm' } }],
    [{ 3: { choice: 'skip' } }],
    [{ '3.0': skip }],
    [{ 'not-an-index': skip }],
    [JSON.parse('{"__proto__": {"choice": "skip", "existing": "m"}}') as Record<string, unknown>],
  ])('refuses choices %j that are not answers', (choices) => {
    const current = [stored('m', 'Mail', 'MFRGGZDFMZTWQ2LK')];
    expect(planImportCommit(file, current, choices, options)).toEqual({
      ok: false,
      error: 'import_choices_invalid',
    });
  });

  it.each([[{}], [{ 3: skip, 1: skip }], [{ 3: { choice: 'skip', existing: 'another' } }]])(
    'refuses answers %j that do not answer exactly the duplicates as they are',
    (choices) => {
      const current = [stored('m', 'Mail', 'MFRGGZDFMZTWQ2LK')];
      expect(planImportCommit(file, current, choices, options)).toEqual({
        ok: false,
        error: 'import_preview_stale',
      });
    },
  );

  it('refuses a Replace shown against one account once the file matches another', () => {
    // Shown: the file's Mail matches m by name (another key); Replace chosen for m.
    const shown = [
      stored('m', 'Mail', 'ONSWG4TFOQ======'),
      stored('w', 'Work', 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ'),
    ];
    const answers = { 3: { choice: 'replace', existing: 'm' } };
    expect(planImportCommit(file, shown, answers, options)).toMatchObject({
      ok: true,
      value: { trash: ['m'] },
    });
    // Since then m was renamed, and w renamed to Mail: the same index has a duplicate, not m.
    const now = [
      { ...shown[0]!, issuer: 'Mail (old)' },
      { ...shown[1]!, issuer: 'Mail' },
    ];
    expect(planImportCommit(file, now, answers, options)).toEqual({
      ok: false,
      error: 'import_preview_stale',
    });
  });

  it('never throws on choices a page could send, and writes each account at most once', () => {
    const current = [
      stored('m', 'Mail', 'MFRGGZDFMZTWQ2LK'),
      stored('g', 'GitHub', 'JBSWY3DPEHPK3PXP'),
    ];
    const key = fc.oneof(fc.constantFrom('0', '1', '2', '3', '01', '-1', '__proto__'), fc.string());
    const answer = fc.record({
      choice: fc.constantFrom('keep_both', 'skip', 'replace'),
      existing: fc.constantFrom('m', 'g', 'x'),
    });
    const value = fc.oneof(answer, fc.constantFrom('keep_both', 'skip'), fc.anything());
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (choices) => {
        const plan = planImportCommit(file, current, choices, options);
        if (!plan.ok)
          return ['import_choices_invalid', 'import_preview_stale'].includes(plan.error);
        const { imported, skipped } = plan.value.counts;
        return imported + skipped === file.length && plan.value.trash.length <= 2;
      }),
    );
  });
});
