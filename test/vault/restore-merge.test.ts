/**
 * Restoring into a vault that already holds accounts, through the worker's requests: the user's
 * answers apply to what the plan showed them, whatever changed in the vault before the confirm.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../src/vault/format';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api, type TestContext } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

// Backups here run at the Argon2 floor: these tests are about the requests, not the KDF's cost.
vi.mock('../../src/crypto/kdf', async (original) =>
  (await import('../support/floor-backup-kdf')).floorPassphraseKdf(original),
);

const PASS = 'correct horse battery';
const OLD_KEY = 'JBSWY3DPEHPK3PXP';
const REENROLLED = 'MZXW6YTBOI2DQ3TQMFZXGZDGONSGMZLT';

let t: TestVault;
let requests: Api;
/** What storage.managed holds (the policy file's keys), read at each request. */
let managed: Record<string, unknown> = {};
let context: TestContext;

/** The organisation changes its policy: the worker reads it again (storage.onChanged). */
async function policyBecomes(keys: Record<string, unknown>): Promise<void> {
  managed = keys;
  await context.policy.reread();
}

beforeEach(async () => {
  managed = {};
  freshIndexedDB();
  t = await makeVault();
  context = testContext(t, { managed: () => managed });
  requests = api(context.context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

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

async function backupText(): Promise<string> {
  const made = await requests.createBackup({ password: PASS, source: 'passphrase' });
  if (!made.ok) throw new Error(made.error.code);
  return made.value.text;
}

async function plan(text: string) {
  const planned = await requests.planRestore({ text, password: PASS });
  if (!planned.ok) throw new Error(planned.error.code);
  return planned.value.plan;
}

describe('a vault change between plan and confirm', () => {
  /**
   * The backup's GitHub has the old key; GitHub was re-enrolled since, so the plan shows it
   * matching the re-enrolled account by name, and the user chooses Replace for it.
   */
  async function replaceShown() {
    const [github] = await add(['GitHub', 'alice', OLD_KEY]);
    const text = await backupText();
    await t.vault.trash([github!.id]);
    await t.vault.deleteFromTrash([github!.id]);
    const [reenrolled] = await add(['GitHub', 'alice', REENROLLED]);
    const shown = await plan(text);
    expect(shown.duplicates.map((d) => [d.existing.id, d.reasons])).toEqual([
      [reenrolled!.id, ['same_name']],
    ]);
    const choices = {
      [shown.duplicates[0]!.incoming.id]: {
        choice: 'replace' as const,
        existing: reenrolled!.id,
      },
    };
    return { text, reenrolled: reenrolled!, choices };
  }

  it('refuses a Replace once the account matches another by its key, and writes nothing', async () => {
    const { text, choices } = await replaceShown();
    // Meanwhile (another Otter page) an account with the backup's old key is added: the set of
    // the backup's accounts with a match is the same, but GitHub now matches this one first.
    await add(['Work', 'someone', OLD_KEY]);
    const before = await dumpDb();
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices,
      restoreSettings: false,
    });
    expect(done).toEqual({ ok: false, error: { code: 'restore_plan_stale' } });
    expect(await dumpDb()).toEqual(before);
    // Planned again, the user sees the new match and can answer it.
    const again = await plan(text);
    expect(again.duplicates.map((d) => [d.existing.issuer, d.reasons])).toEqual([
      ['Work', ['same_secret']],
    ]);
  }, 30_000);

  it('refuses it when the edit runs while the confirm is on its way', async () => {
    const { text, choices } = await replaceShown();
    const before = await dumpDb();
    const confirming = requests.confirmRestore({
      text,
      password: PASS,
      choices,
      restoreSettings: false,
    });
    // Queued before the confirm writes (the confirm decrypts the file first).
    const edit = add(['Work', 'someone', OLD_KEY]);
    const [done] = await Promise.all([confirming, edit]);
    expect(done).toEqual({ ok: false, error: { code: 'restore_plan_stale' } });
    // Only the edit was written.
    expect((await accounts()).map((a) => [a.issuer, a.trashedAt])).toEqual([
      ['GitHub', null],
      ['Work', null],
    ]);
    expect(await dumpDb()).not.toEqual(before);
  }, 30_000);

  it('applies the Replace to the account shown when nothing changed', async () => {
    const { text, reenrolled, choices } = await replaceShown();
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices,
      restoreSettings: false,
    });
    expect(done).toMatchObject({ ok: true, value: { added: 0, replaced: 1 } });
    const trashed = (await accounts()).filter((a) => a.trashedAt !== null);
    expect(trashed.map((a) => a.id)).toEqual([reenrolled.id]);
  }, 30_000);
});

describe('an HOTP key already in the vault', () => {
  it("starts the copy at the vault's counter, which the server has reached", async () => {
    const [bank] = await add(['Bank', 'bob', 'GEZDGNBVGY3TQOJQ', { type: 'hotp', counter: 7 }]);
    const text = await backupText();
    // Codes 7 to 19 are used after the backup.
    await t.vault.update([bank!.id], () => ({ counter: 20 }));
    const [d] = (await plan(text)).duplicates;
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices: { [d!.incoming.id]: { choice: 'keep_both', existing: bank!.id } },
      restoreSettings: false,
    });
    expect(done).toMatchObject({ ok: true, value: { added: 1, replaced: 0 } });
    const banks = await accounts();
    expect(banks.map((a) => [a.id === bank!.id, a.counter]).sort()).toEqual([
      [false, 20],
      [true, 20],
    ]);
  }, 30_000);

  it.each(['keep_both', 'replace'] as const)(
    'catches up when the only copy of the key is in the Trash (%s)',
    async (choice) => {
      const [bank] = await add(['Bank', 'bob', 'GEZDGNBVGY3TQOJQ', { type: 'hotp', counter: 7 }]);
      const text = await backupText();
      // Codes 7 to 19 are used after the backup, then the account is moved to the Trash.
      await t.vault.update([bank!.id], () => ({ counter: 20 }));
      await t.vault.trash([bank!.id]);
      // The plan matches the Trash too: the backup's Bank is no new account, whose counter
      // nothing would catch up, but a duplicate of the one in the Trash.
      const shown = await plan(text);
      expect(shown.fresh).toEqual([]);
      expect(shown.duplicates.map((d) => [d.existing.id, d.existing.trashed, d.reasons])).toEqual([
        [bank!.id, true, ['same_secret', 'same_name']],
      ]);
      const done = await requests.confirmRestore({
        text,
        password: PASS,
        choices: { [shown.duplicates[0]!.incoming.id]: { choice, existing: bank!.id } },
        restoreSettings: false,
      });
      expect(done).toMatchObject({
        ok: true,
        value: choice === 'replace' ? { added: 0, replaced: 1 } : { added: 1, replaced: 0 },
      });
      const banks = await accounts();
      // The backup's copy keeps its place in the order, that of the vault's: either may list first.
      expect(banks.map((a) => [a.id === bank!.id, a.trashedAt === null, a.counter]).sort()).toEqual(
        [
          [false, true, 20],
          [true, false, 20],
        ],
      );
    },
    30_000,
  );
});

describe("accounts in the backup's Trash for longer than the Trash keeps them", () => {
  const DAY = 86_400_000;

  /** A backup with Old in its Trash, and GitHub in use, restored `later` into a new vault. */
  async function restoreLater(later: number, restoreSettings: boolean) {
    await t.vault.updateSettings({ trashRetentionDays: 60 });
    const [, old] = await add(['GitHub', 'alice', OLD_KEY], ['Old', 'carol', REENROLLED]);
    await t.vault.trash([old!.id]);
    const trashedAt = t.clock.now;
    const text = await backupText();
    t.clock.now += later;
    // Otter locked itself meanwhile: reset from the lock screen, as after a reinstall.
    const reset = await t.vault.reset({ passphrase: PASS });
    if (!reset.ok) throw new Error(reset.error);
    const created = await t.vault.create(PASS);
    if (!created.ok) throw new Error(created.error);
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices: {},
      restoreSettings,
    });
    expect(done).toMatchObject({ ok: true, value: { added: 2, replaced: 0 } });
    return { id: old!.id, trashedAt };
  }

  it('go into the Trash as if moved there at the restore, so the next purge keeps them', async () => {
    // 45 days later, into a vault whose Trash keeps accounts 30 days (the default).
    const { id } = await restoreLater(45 * DAY, false);
    expect(await t.vault.purgeExpiredTrash()).toEqual({ ok: true, value: [] });
    const old = (await accounts()).find((a) => a.id === id);
    expect(old?.trashedAt).toBe(t.clock.now);
    // And then they go as any other account in the Trash does.
    t.clock.now += 30 * DAY;
    await t.vault.lock();
    expect((await t.vault.unlock(PASS)).ok).toBe(true);
    expect((await accounts()).map((a) => a.issuer)).toEqual(['GitHub']);
  }, 30_000);

  it('keep their date when the retention restored with the settings still holds them', async () => {
    const { id, trashedAt } = await restoreLater(45 * DAY, true);
    expect(await t.vault.purgeExpiredTrash()).toEqual({ ok: true, value: [] });
    expect((await accounts()).find((a) => a.id === id)?.trashedAt).toBe(trashedAt);
  }, 30_000);
});

describe('a policy change between plan and confirm', () => {
  /** A backup of GitHub, Contoso and Work; the vault now holds another Contoso/bob. */
  async function planned() {
    await add(['GitHub', 'alice', OLD_KEY], ['Contoso', 'bob', OLD_KEY.slice(0, 8) + 'MFRGGZDF']);
    await add(['Work', 'carol', REENROLLED]);
    const text = await backupText();
    for (const a of await accounts()) {
      await t.vault.trash([a.id]);
      await t.vault.deleteFromTrash([a.id]);
    }
    const [contoso] = await add(['Contoso', 'bob', 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ']);
    const shown = await requests.planRestore({ text, password: PASS });
    if (!shown.ok) throw new Error(shown.error.code);
    // Nothing refused when the user looked: all three are to be restored.
    expect(shown.value.notAllowed).toEqual([]);
    expect(shown.value.plan.fresh.map((a) => a.issuer)).toEqual(['GitHub', 'Work']);
    const [duplicate] = shown.value.plan.duplicates;
    expect(duplicate?.existing.id).toBe(contoso!.id);
    return { text, contoso: contoso!, incoming: duplicate!.incoming.id };
  }

  it('says which accounts the policy refused at the confirm: none is dropped without a word', async () => {
    const { text, contoso, incoming } = await planned();
    await policyBecomes({ AllowedIssuers: ['GitHub', 'Contoso'] });
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices: { [incoming]: { choice: 'keep_both', existing: contoso.id } },
      restoreSettings: false,
    });
    expect(done).toMatchObject({
      ok: true,
      value: {
        added: 2,
        replaced: 0,
        skipped: 0,
        notAllowed: [{ issuer: 'Work', account: 'carol' }],
      },
    });
    expect((await accounts()).map((a) => a.issuer).sort()).toEqual([
      'Contoso',
      'Contoso',
      'GitHub',
    ]);
  }, 30_000);

  it('drops the answer for a duplicate the policy now refuses: its vault account stays, it is named', async () => {
    const { text, contoso, incoming } = await planned();
    await policyBecomes({ AllowedIssuers: ['GitHub', 'Work'] });
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices: { [incoming]: { choice: 'replace', existing: contoso.id } },
      restoreSettings: false,
    });
    expect(done).toMatchObject({
      ok: true,
      value: { added: 2, replaced: 0, notAllowed: [{ issuer: 'Contoso', account: 'bob' }] },
    });
    // The vault's Contoso is not replaced: the backup's could not come in.
    const after = await accounts();
    expect(after.find((a) => a.id === contoso.id)?.trashedAt).toBeNull();
    expect(after.map((a) => a.issuer).sort()).toEqual(['Contoso', 'GitHub', 'Work']);
  }, 30_000);

  it('counts the duplicates skipped and the accounts restored into the Trash', async () => {
    const { text, contoso, incoming } = await planned();
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices: { [incoming]: { choice: 'skip', existing: contoso.id } },
      restoreSettings: false,
    });
    expect(done).toEqual({
      ok: true,
      value: { added: 2, replaced: 0, skipped: 1, intoTrash: 0, notAllowed: [] },
    });
  }, 30_000);
});

describe('the last backup, as the reminder counts it', () => {
  /** A backup of GitHub, restored into a new vault (as after a reinstall). */
  async function intoNewVault() {
    await add(['GitHub', 'alice', OLD_KEY]);
    const text = await backupText();
    const exportedAt = t.clock.now;
    t.clock.now += 86_400_000;
    const reset = await t.vault.reset({ passphrase: PASS });
    if (!reset.ok) throw new Error(reset.error);
    const created = await t.vault.create(PASS);
    if (!created.ok) throw new Error(created.error);
    return { text, exportedAt };
  }

  it('is not the backup when nothing of it was restored (the vault holds nothing it had)', async () => {
    const { text } = await intoNewVault();
    await policyBecomes({ AllowedIssuers: ['Contoso'] });
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices: {},
      restoreSettings: true,
    });
    expect(done).toMatchObject({
      ok: true,
      value: { added: 0, notAllowed: [{ issuer: 'GitHub' }] },
    });
    // No backup of this vault was made: accounts added next get the reminder at once.
    expect(await t.vault.backupStatus()).toMatchObject({ lastBackupAt: null });
  }, 30_000);

  it('is the backup when the restore brought its accounts in', async () => {
    const { text, exportedAt } = await intoNewVault();
    const done = await requests.confirmRestore({
      text,
      password: PASS,
      choices: {},
      restoreSettings: false,
    });
    expect(done).toMatchObject({ ok: true, value: { added: 1 } });
    expect(await t.vault.backupStatus()).toEqual({
      lastBackupAt: exportedAt,
      changedSince: false,
      remind: false,
    });
  }, 30_000);
});
