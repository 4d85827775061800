/**
 * Importing into a vault that already holds accounts, through the worker's requests: each choice
 * applies to the account the preview showed it against, or nothing is written and the page
 * previews again; an HOTP key already in the vault never starts again below its counter.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../../src/bytes';
import type { ImportPreview } from '../../src/backup/import/preview';
import type { DuplicateAnswer } from '../../src/backup/merge';
import type { Account } from '../../src/vault/format';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api, type TestContext } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const OLD_KEY = 'JBSWY3DPEHPK3PXP';
const FILE_KEY = 'MZXW6YTBOI2DQ3TQMFZXGZDGONSGMZLT';
const OTHER_KEY = 'GEZDGNBVGY3TQOJQ';

let t: TestVault;
let requests: Api;
/** What storage.managed holds (the policy file's keys), read at each request. */
let managed: Record<string, unknown> = {};
let context: TestContext;

beforeEach(async () => {
  managed = {};
  freshIndexedDB();
  t = await makeVault();
  context = testContext(t, { managed: () => managed });
  requests = api(context.context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

const textFile = (text: string): string => toBase64(new TextEncoder().encode(text));

async function accounts(): Promise<Account[]> {
  const list = await t.vault.all();
  if (!list.ok) throw new Error(list.error);
  return list.value;
}

async function add(...entries: Parameters<typeof entry>[]): Promise<Account[]> {
  const added = await t.vault.add(entries.map((e) => entry(...e)));
  if (!added.ok) throw new Error(added.error);
  return added.value;
}

async function open(lines: string[]): Promise<ImportPreview> {
  const read = await requests.importFile({ file: textFile(lines.join('\n') + '\n') });
  if (!read.ok) throw new Error(read.error.code);
  if (read.value.preview === null) throw new Error('needs a password');
  return read.value.preview;
}

const commit = (importId: string, choices: Record<string, DuplicateAnswer>) =>
  requests.importCommit({
    importId,
    choices,
    tagsLabel: 'Tags',
    revocationLabel: 'Revocation code',
  });

describe('a vault change between preview and commit', () => {
  /**
   * The file's GitHub has a key the vault does not hold; the preview shows it matching the
   * vault's GitHub by name, and the user chooses Replace for it.
   */
  async function replaceShown() {
    const [github, work] = await add(['GitHub', 'alice', OLD_KEY], ['Work', 'bob', OTHER_KEY]);
    const preview = await open([`otpauth://totp/GitHub:alice?secret=${FILE_KEY}&issuer=GitHub`]);
    expect(preview.accounts.map((a) => a.duplicate)).toEqual([
      { existing: { id: github!.id, issuer: 'GitHub', account: 'alice' }, reasons: ['same_name'] },
    ]);
    const choices = { '0': { choice: 'replace' as const, existing: github!.id } };
    return { preview, github: github!, work: work!, choices };
  }

  it('refuses a Replace once the account matches another after an edit, and writes nothing', async () => {
    const { preview, github, work, choices } = await replaceShown();
    // Meanwhile (another Otter page) GitHub is renamed, and Work renamed to GitHub: the file's
    // account still has a duplicate, but not the one the user was shown.
    await t.vault.update([github.id], () => ({ issuer: 'GitHub (old)' }));
    await t.vault.update([work.id], () => ({ issuer: 'GitHub', account: 'alice' }));
    const before = await dumpDb();
    const done = await commit(preview.importId, choices);
    expect(done).toEqual({ ok: false, error: { code: 'import_preview_stale' } });
    expect(await dumpDb()).toEqual(before);
    expect((await accounts()).every((a) => a.trashedAt === null)).toBe(true);
    // Previewed again, the user sees the account it matches now and can answer for it.
    const again = await requests.importPreview({ importId: preview.importId });
    expect(again.ok && again.value.accounts.map((a) => a.duplicate?.existing)).toEqual([
      { id: work.id, issuer: 'GitHub', account: 'alice' },
    ]);
    const answered = await commit(preview.importId, {
      '0': { choice: 'replace', existing: work.id },
    });
    expect(answered).toMatchObject({ ok: true, value: { imported: 1, replaced: 1 } });
  });

  it('refuses it when the edit runs while the commit is on its way', async () => {
    const { preview, choices } = await replaceShown();
    const committing = commit(preview.importId, choices);
    // Queued behind the commit's reading of the sealed accounts, ahead of its write.
    const edit = add(['GitHub', 'alice', FILE_KEY]);
    const [done] = await Promise.all([committing, edit]);
    expect(done).toEqual({ ok: false, error: { code: 'import_preview_stale' } });
    // Only the edit was written.
    expect((await accounts()).map((a) => [a.issuer, a.account, a.trashedAt])).toEqual([
      ['GitHub', 'alice', null],
      ['Work', 'bob', null],
      ['GitHub', 'alice', null],
    ]);
  });

  it('applies the Replace to the account shown when nothing changed', async () => {
    const { preview, github, choices } = await replaceShown();
    const done = await commit(preview.importId, choices);
    expect(done).toMatchObject({ ok: true, value: { imported: 1, replaced: 1 } });
    const trashed = (await accounts()).filter((a) => a.trashedAt !== null);
    expect(trashed.map((a) => a.id)).toEqual([github.id]);
  });
});

describe('an HOTP key already in the vault', () => {
  const bankUri = (counter: number) =>
    `otpauth://hotp/Bank:bob?secret=${OTHER_KEY}&issuer=Bank&counter=${counter}`;

  it("starts a Keep both copy at the vault's counter, which the server has reached", async () => {
    const [bank] = await add(['Bank', 'bob', OTHER_KEY, { type: 'hotp', counter: 20 }]);
    // The old app's export is behind: codes 7 to 19 were used with Otter since.
    const preview = await open([bankUri(7)]);
    expect(preview.accounts.map((a) => [a.counter, a.duplicate?.reasons])).toEqual([
      [7, ['same_secret', 'same_name']],
    ]);
    const done = await commit(preview.importId, {
      '0': { choice: 'keep_both', existing: bank!.id },
    });
    expect(done).toMatchObject({ ok: true, value: { imported: 1, replaced: 0 } });
    expect((await accounts()).map((a) => [a.id === bank!.id, a.counter])).toEqual([
      [true, 20],
      [false, 20],
    ]);
  });

  it('takes the highest counter of any copy, the Trash included, with or without a duplicate', async () => {
    const [trashed, bank] = await add(
      ['Bank (old)', 'bob', OTHER_KEY, { type: 'hotp', counter: 30 }],
      ['Bank', 'bob', OTHER_KEY, { type: 'hotp', counter: 20 }],
    );
    await t.vault.trash([trashed!.id]);
    let preview = await open([bankUri(7)]);
    expect(preview.accounts[0]!.duplicate?.existing.id).toBe(bank!.id);
    const replaced = await commit(preview.importId, {
      '0': { choice: 'replace', existing: bank!.id },
    });
    expect(replaced).toMatchObject({ ok: true, value: { imported: 1, replaced: 1 } });
    const active = (await accounts()).filter((a) => a.trashedAt === null);
    expect(active.map((a) => [a.issuer, a.counter])).toEqual([['Bank', 30]]);

    // With every copy in the Trash, the file's account is no duplicate: it still starts there.
    await t.vault.trash([active[0]!.id]);
    preview = await open([bankUri(7)]);
    expect(preview.accounts[0]!.duplicate).toBeNull();
    expect(await commit(preview.importId, {})).toMatchObject({ ok: true });
    const added = (await accounts()).filter((a) => a.trashedAt === null);
    expect(added.map((a) => [a.issuer, a.counter])).toEqual([['Bank', 30]]);
  });
});

describe('after the write', () => {
  it('says the import was done when forgetting the file read fails (it was written)', async () => {
    const preview = await open([`otpauth://totp/GitHub:alice?secret=${FILE_KEY}&issuer=GitHub`]);
    // The session area refuses to remove the sealed accounts once the vault has them.
    const remove = t.session.remove.bind(t.session);
    t.session.remove = (key) =>
      key === `otter.sealed.import.${preview.importId}`
        ? Promise.reject(new Error('storage.session unavailable'))
        : remove(key);
    const done = await commit(preview.importId, {});
    expect(done).toMatchObject({ ok: true, value: { imported: 1 } });
    expect((await accounts()).map((a) => a.issuer)).toEqual(['GitHub']);
  });
});

describe('a policy change between preview and commit', () => {
  const uri = (issuer: string, account: string, key: string) =>
    `otpauth://totp/${issuer}:${account}?secret=${key}&issuer=${issuer}`;

  /** A file of GitHub, Contoso (a duplicate of the vault's, answered Replace) and Work. */
  async function previewed() {
    const [contoso] = await add(['Contoso', 'bob', OLD_KEY]);
    const preview = await open([
      uri('GitHub', 'alice', FILE_KEY),
      uri('Contoso', 'bob', OTHER_KEY),
      uri('Work', 'carol', 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ'),
      'otpauth://totp/Broken:dave?secret=1&issuer=Broken',
    ]);
    expect(preview.accounts.map((a) => a.issuer)).toEqual(['GitHub', 'Contoso', 'Work']);
    expect(preview.refused.map((r) => r.issuer)).toEqual(['Broken']);
    const choices = { '1': { choice: 'replace' as const, existing: contoso!.id } };
    return { preview, contoso: contoso!, choices };
  }

  async function policyBecomes(keys: Record<string, unknown>): Promise<void> {
    managed = keys;
    await context.policy.reread();
  }

  it('imports what the policy still allows and names what it refuses now, with the file’s own refusals', async () => {
    const { preview, choices } = await previewed();
    await policyBecomes({ AllowedIssuers: ['GitHub', 'Contoso'] });
    const done = await commit(preview.importId, choices);
    expect(done).toMatchObject({ ok: true, value: { imported: 2, replaced: 1, skipped: 0 } });
    expect(done.ok && done.value.refused.map((r) => [r.index, r.issuer, r.reason])).toEqual([
      [4, 'Broken', preview.refused[0]!.reason],
      [3, 'Work', 'issuer_not_allowed'],
    ]);
    expect((await accounts()).filter((a) => a.trashedAt === null).map((a) => a.issuer)).toEqual([
      'GitHub',
      'Contoso',
    ]);
  });

  it('sets aside the answer for a duplicate the policy now refuses: the vault’s account stays', async () => {
    const { preview, contoso, choices } = await previewed();
    await policyBecomes({ AllowedIssuers: ['GitHub', 'Work'] });
    const done = await commit(preview.importId, choices);
    expect(done).toMatchObject({ ok: true, value: { imported: 2, replaced: 0 } });
    expect(done.ok && done.value.refused.map((r) => [r.issuer, r.reason])).toContainEqual([
      'Contoso',
      'issuer_not_allowed',
    ]);
    const after = await accounts();
    expect(after.find((a) => a.id === contoso.id)?.trashedAt).toBeNull();
    expect(after.map((a) => a.issuer)).toEqual(['Contoso', 'GitHub', 'Work']);
  });
});
