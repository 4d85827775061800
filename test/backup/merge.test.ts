/** Restore planning: the duplicate table, the user's choices, and what gets written. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountsFromEntries } from '../../src/backup/imported-accounts';
import {
  applyRestoreChoices,
  findDuplicate,
  planRestore,
  viewRestorePlan,
  type DuplicateAnswer,
  type DuplicateChoice,
  type RestorePlan,
} from '../../src/backup/merge';
import { decodeBase32 } from '../../src/otp/secret';
import type { Account } from '../../src/vault/format';
import { account, accountsArb } from './arbitraries';

function secret(base32: string): Uint8Array {
  const bytes = decodeBase32(base32);
  if (!bytes.ok) throw new Error('bad test secret');
  return bytes.value;
}

const S1 = secret('JBSWY3DPEHPK3PXP');
const S2 = secret('GEZDGNBVGY3TQOJQ');
const S3 = secret('KRUGS4ZANFZSAYJA');
const S4 = secret('MFRGGZDFMZTWQ2LK');

const github = account({ id: 'gh', secret: S1, issuer: 'GitHub', account: 'alice' });
const google = account({ id: 'go', secret: S2, issuer: 'Google', account: 'bob@example.com' });
const bank = account({
  id: 'bk',
  secret: S3,
  type: 'hotp',
  counter: 40,
  issuer: 'Bank',
  account: 'c',
});
const trashed = account({ id: 'tr', secret: S4, issuer: 'Old', account: 'd', trashedAt: 5 });
const existing = [github, google, bank, trashed];

function ids(list: readonly Account[]): string[] {
  return list.map((a) => a.id);
}

let counter = 0;
const newId = (): string => `new-${++counter}`;

/** The page's answers to `plan`: each choice with the vault account that duplicate was shown. */
function answers(
  plan: RestorePlan,
  choices: Readonly<Record<string, DuplicateChoice>>,
): Record<string, DuplicateAnswer> {
  return Object.fromEntries(
    plan.duplicates
      .filter((d) => choices[d.incoming.id] !== undefined)
      .map((d) => [d.incoming.id, { choice: choices[d.incoming.id]!, existing: d.existing.id }]),
  );
}

describe('finding duplicates', () => {
  it.each<[string, Account, string | null, string[], boolean]>([
    ['the same account, unchanged', github, 'gh', ['same_secret', 'same_name'], true],
    [
      'the same secret, renamed',
      account({ id: 'x', secret: S1, issuer: 'GitHub Inc', account: 'alice' }),
      'gh',
      ['same_secret'],
      false,
    ],
    [
      'the same names (case, spaces and Unicode form aside), another secret',
      account({
        id: 'x',
        secret: secret('ONSWG4TFOQ======'),
        issuer: ' google ',
        account: 'BOB@example.com',
      }),
      'go',
      ['same_name'],
      false,
    ],
    [
      'the same secret but another type',
      account({ id: 'x', secret: S1, type: 'steam', issuer: 'Steam', account: 'e' }),
      null,
      [],
      false,
    ],
    [
      'a trashed account in the vault',
      account({ id: 'x', secret: S4, issuer: 'Old', account: 'd', trashedAt: 5 }),
      'tr',
      ['same_secret', 'same_name'],
      true,
    ],
    [
      'empty names on both sides, other secrets',
      account({ id: 'x', secret: secret('ONSWG4TFOQ======'), issuer: '', account: '' }),
      null,
      [],
      false,
    ],
    [
      'a new account whose id is taken',
      account({ id: 'gh', secret: secret('ONSWG4TFOQ======'), issuer: 'New', account: 'n' }),
      null,
      [],
      false,
    ],
  ])('%s', (_name, incoming, match, reasons, identical) => {
    const plan = planRestore(existing, [incoming]);
    if (match === null) {
      expect(plan.duplicates).toEqual([]);
      expect(plan.fresh).toEqual([incoming]);
    } else {
      expect(plan.fresh).toEqual([]);
      expect(plan.duplicates).toHaveLength(1);
      expect(plan.duplicates[0]).toMatchObject({ existing: { id: match }, reasons, identical });
    }
  });

  it('compares names in one Unicode form', () => {
    const composed = account({ id: 'u', secret: S1, issuer: 'B\u00e4nk', account: '\u00e5' });
    const decomposed = account({ id: 'x', secret: S2, issuer: 'Ba\u0308nk', account: 'a\u030a' });
    expect(planRestore([composed], [decomposed]).duplicates[0]?.reasons).toEqual(['same_name']);
  });

  it('prefers the same secret over the same name when they point at different accounts', () => {
    const incoming = account({ id: 'x', secret: S1, issuer: 'Google', account: 'bob@example.com' });
    const plan = planRestore(existing, [incoming]);
    expect(plan.duplicates[0]).toMatchObject({ existing: { id: 'gh' }, reasons: ['same_secret'] });
  });

  it('matches the account in use before a copy in the Trash placed earlier', () => {
    // Replace would otherwise replace the Trash's copy and leave the one in use beside a second.
    const trashed = account({ id: 't', secret: S1, issuer: 'GitHub', account: 'alice' });
    const inUse = account({ id: 'u', secret: S1, issuer: 'GitHub', account: 'alice' });
    const incoming = account({ id: 'x', secret: S1, issuer: 'GitHub', account: 'alice' });
    const plan = planRestore([{ ...trashed, trashedAt: 1 }, inUse], [incoming]);
    expect(plan.duplicates[0]).toMatchObject({ existing: { id: 'u' } });
    // With only the Trash's copy, that is the match (its HOTP counter is caught up there).
    const onlyTrash = planRestore([{ ...trashed, trashedAt: 1 }], [incoming]);
    expect(onlyTrash.duplicates[0]).toMatchObject({ existing: { id: 't' } });
  });

  it('shows the page labels only: no secret, no note', () => {
    const incoming = account({
      id: 'x',
      secret: S1,
      issuer: 'GitHub',
      account: 'alice',
      note: 'private',
    });
    const view = viewRestorePlan(
      planRestore(existing, [incoming, account({ id: 'n', secret: S4, issuer: 'N' })]),
    );
    expect(view.duplicates[0]).toEqual({
      incoming: { id: 'x', issuer: 'GitHub', account: 'alice', type: 'totp', trashed: false },
      existing: { id: 'gh', issuer: 'GitHub', account: 'alice', type: 'totp', trashed: false },
      reasons: ['same_secret', 'same_name'],
      identical: false,
      suggested: 'keep_both',
    });
    const text = JSON.stringify(view);
    expect(text).not.toContain('private');
    expect(text).not.toContain('"secret":');
    expect(text).not.toContain('"note":');
    expect(viewRestorePlan(planRestore(existing, [github])).duplicates[0]?.suggested).toBe('skip');
  });
});

describe('applying choices', () => {
  const renamed = account({
    id: 'gh',
    secret: S1,
    issuer: 'GitHub',
    account: 'alice',
    note: 'from backup',
  });
  const oldBank = { ...bank, id: 'bk-old', counter: 12, note: 'restored' };
  const brandNew = account({
    id: 'nn',
    secret: secret('ONSWG4TFOQ======'),
    issuer: 'New',
    account: 'n',
  });
  const plan = planRestore(existing, [renamed, oldBank, brandNew]);

  it('adds new accounts as they are, every field kept', () => {
    const changes = applyRestoreChoices(
      plan,
      answers(plan, { gh: 'skip', 'bk-old': 'skip' }),
      newId,
    );
    expect(changes).toEqual({ ok: true, value: { add: [brandNew], trash: [] } });
  });

  it('keeps both under a new id when the id is taken', () => {
    const changes = applyRestoreChoices(
      plan,
      answers(plan, { gh: 'keep_both', 'bk-old': 'keep_both' }),
      newId,
    );
    expect(changes.ok).toBe(true);
    if (!changes.ok) return;
    const [fresh, copy, hotp] = changes.value.add;
    expect(fresh).toBe(brandNew);
    expect(copy).toEqual({ ...renamed, id: expect.stringMatching(/^new-/) });
    // Not taken, so kept; the copy counts against the same server counter as the vault's Bank,
    // so it starts from the higher one (its own 12 and up were used already).
    expect(hotp).toEqual({ ...oldBank, counter: 40 });
    expect(changes.value.trash).toEqual([]);
  });

  it("replaces by moving the vault account to the Trash and adding the backup's, never moving an HOTP counter back", () => {
    const changes = applyRestoreChoices(
      plan,
      answers(plan, { gh: 'replace', 'bk-old': 'replace' }),
      newId,
    );
    expect(changes).toEqual({
      ok: true,
      value: {
        // The backup's GitHub has the vault account's id: it comes in under a new one.
        add: [
          brandNew,
          { ...renamed, id: expect.stringMatching(/^new-/) },
          { ...oldBank, counter: 40 },
        ],
        trash: ['gh', 'bk'],
      },
    });
  });

  it('takes a higher HOTP counter from the backup', () => {
    const ahead = { ...bank, id: 'bk-new', counter: 99 };
    const p = planRestore(existing, [ahead]);
    const changes = applyRestoreChoices(p, answers(p, { 'bk-new': 'replace' }));
    expect(changes.ok && changes.value).toEqual({ add: [ahead], trash: ['bk'] });
  });

  it('takes the highest counter any account of the same HOTP key has, Trash included, to Keep both and Replace', () => {
    // Two copies of the Bank key in the vault (an earlier Keep both), the one in the Trash used most.
    const copy = { ...bank, id: 'bk-copy', issuer: 'Bank (copy)', counter: 55, trashedAt: 9 };
    const totp = account({ id: 'tt', secret: S3, issuer: 'Other', account: 'z', counter: 0 });
    const p = planRestore([...existing, copy, totp], [oldBank]);
    expect(p.duplicates.map((d) => d.existing.id)).toEqual(['bk']);
    for (const choice of ['keep_both', 'replace'] as const) {
      const changes = applyRestoreChoices(p, answers(p, { 'bk-old': choice }));
      expect(changes.ok && changes.value.add).toEqual([{ ...oldBank, counter: 55 }]);
    }
    // The same secret as a TOTP key is another key: its counter is not taken.
    const p2 = planRestore([totp], [oldBank]);
    const changes = applyRestoreChoices(p2, answers(p2, {}));
    expect(changes.ok && changes.value.add).toEqual([oldBank]);
  });

  it('keeps the counter of an HOTP account that matched by name only (another key)', () => {
    const renamedKey = { ...oldBank, secret: S4, issuer: 'Bank', account: 'c' };
    const p = planRestore(existing, [renamedKey]);
    expect(p.duplicates.map((d) => d.reasons)).toEqual([['same_name']]);
    const changes = applyRestoreChoices(p, answers(p, { 'bk-old': 'keep_both' }));
    expect(changes.ok && changes.value.add).toEqual([renamedKey]);
  });

  it('refuses two replacements of one account', () => {
    const twice = planRestore(existing, [renamed, { ...renamed, id: 'gh2', issuer: 'Other' }]);
    expect(applyRestoreChoices(twice, answers(twice, { gh: 'replace', gh2: 'replace' }))).toEqual({
      ok: false,
      error: 'restore_replace_conflict',
    });
    expect(applyRestoreChoices(twice, answers(twice, { gh: 'replace', gh2: 'keep_both' })).ok).toBe(
      true,
    );
  });

  const skip = (existing: string) => ({ choice: 'skip', existing });
  it.each<[string, Record<string, unknown>]>([
    ['an unknown choice', { gh: skip('gh'), 'bk-old': { choice: 'merge', existing: 'bk' } }],
    ['a choice without its account', { gh: skip('gh'), 'bk-old': { choice: 'skip' } }],
    ['a bare choice (the answer before accounts were named)', { gh: 'skip', 'bk-old': 'skip' }],
    ['a non-string account', { gh: skip('gh'), 'bk-old': { choice: 'skip', existing: 1 } }],
    [
      'a __proto__ key',
      JSON.parse(
        '{"gh":{"choice":"skip","existing":"gh"},"__proto__":{"choice":"skip","existing":"bk"}}',
      ) as Record<string, unknown>,
    ],
  ])('refuses answers with %s as malformed', (_name, choices) => {
    expect(applyRestoreChoices(plan, choices)).toEqual({
      ok: false,
      error: 'restore_choices_invalid',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a missing answer', { gh: skip('gh') }],
    [
      'an answer for an account that matches nothing',
      { gh: skip('gh'), 'bk-old': skip('bk'), nn: skip('x') },
    ],
    ['an answer given against another account', { gh: skip('gh'), 'bk-old': skip('go') }],
  ])('refuses answers that do not fit the plan as stale: %s', (_name, choices) => {
    expect(applyRestoreChoices(plan, choices)).toEqual({ ok: false, error: 'restore_plan_stale' });
  });

  it("refuses a Replace answered against one account once the backup's account matches another", () => {
    // Shown: the backup's GitHub (old key) matched the re-enrolled GitHub by name.
    const reenrolled = account({ id: 're', secret: S2, issuer: 'GitHub', account: 'alice' });
    const incoming = account({ id: 'in', secret: S1, issuer: 'GitHub', account: 'alice' });
    const shown = planRestore([reenrolled], [incoming]);
    expect(shown.duplicates.map((d) => d.existing.id)).toEqual(['re']);
    const chosen = answers(shown, { in: 'replace' });
    // Meanwhile an account with the old key was added: the same duplicates, another match.
    const work = account({ id: 'wk', secret: S1, issuer: 'Work', account: 'someone' });
    const now = planRestore([reenrolled, work], [incoming]);
    expect(now.duplicates.map((d) => [d.incoming.id, d.existing.id])).toEqual([['in', 'wk']]);
    expect(applyRestoreChoices(now, chosen)).toEqual({ ok: false, error: 'restore_plan_stale' });
    expect(applyRestoreChoices(shown, chosen)).toEqual({
      ok: true,
      value: { add: [incoming], trash: ['re'] },
    });
  });

  it('adds nothing twice and overwrites nothing by accident (property)', () => {
    fc.assert(
      fc.property(
        accountsArb(6),
        accountsArb(6),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom('keep_both', 'replace', 'skip'), { minLength: 12, maxLength: 12 }),
        (vault, others, copied, picks) => {
          // Some of the vault's own accounts, changed (kept ids: a backup of this vault), and others.
          const copies = vault.filter((_, i) => copied[i]).map((a) => ({ ...a, note: 'changed' }));
          const backup = [...copies, ...others];
          const p: RestorePlan = planRestore(vault, backup);
          const choices = Object.fromEntries(
            p.duplicates.map((d, i) => [d.incoming.id, picks[i]!]),
          );
          const changes = applyRestoreChoices(p, answers(p, choices));
          if (!changes.ok) {
            expect(changes.error).toBe('restore_replace_conflict');
            return;
          }
          const added = ids(changes.value.add);
          const vaultIds = new Set(ids(vault));
          expect(new Set(added).size).toBe(added.length);
          expect(added.filter((id) => vaultIds.has(id))).toEqual([]);
          // Replaced accounts are moved to the Trash, each with its replacement added.
          const trash = changes.value.trash;
          expect(new Set(trash).size).toBe(trash.length);
          for (const id of trash) expect(vaultIds.has(id)).toBe(true);
          const kept = p.duplicates.filter((d) => choices[d.incoming.id] === 'keep_both');
          expect(added).toHaveLength(p.fresh.length + kept.length + trash.length);
          expect(p.fresh.length + p.duplicates.length).toBe(backup.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('accounts from imported entries', () => {
  it('are made as the vault makes new accounts', () => {
    const [made] = accountsFromEntries([{ ...github, extra: { image: 'i' } }], {
      now: 9,
      firstOrder: 4,
      newId: () => 'id-1',
    });
    expect(made).toEqual({
      ...github,
      extra: { image: 'i' },
      id: 'id-1',
      note: '',
      sites: [],
      pinned: false,
      order: 4,
      createdAt: 9,
      updatedAt: 9,
      trashedAt: null,
    });
  });
});

describe('findDuplicate (adding one account)', () => {
  const base = (over: Partial<Account>): Account => ({
    id: 'x',
    type: 'totp',
    secret: new Uint8Array([1, 2, 3, 4, 5, 6]),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'GitHub',
    account: 'alice',
    extra: {},
    note: '',
    sites: [],
    pinned: false,
    order: 1,
    createdAt: 0,
    updatedAt: 0,
    trashedAt: null,
    ...over,
  });

  it.each<[string, Partial<Account>, string[] | null]>([
    ['same key', { issuer: 'Other', account: 'bob' }, ['same_secret']],
    ['same names, other key', { secret: new Uint8Array([9, 9, 9, 9, 9, 9]) }, ['same_name']],
    [
      'same names in other case and spacing',
      { secret: new Uint8Array([9, 9, 9, 9, 9, 9]), issuer: ' github ', account: 'ALICE' },
      ['same_name'],
    ],
    ['both', {}, ['same_secret', 'same_name']],
    ['same key, other type', { type: 'hotp', issuer: 'Other', account: 'bob' }, null],
    ['nothing shared', { secret: new Uint8Array([9, 9, 9, 9, 9, 9]), issuer: 'GitLab' }, null],
  ])('%s', (_name, over, reasons) => {
    const found = findDuplicate([base({})], base({ id: 'new', ...over }));
    expect(found?.reasons ?? null).toEqual(reasons);
  });
});
