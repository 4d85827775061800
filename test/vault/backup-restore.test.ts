/**
 * The worker's backup and restore requests over a real vault (fake IndexedDB): export, reset,
 * restore; wrong passwords and damaged files change nothing; duplicates follow the user's choice.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { crc32Hex, crc32Update } from '../../src/backup/crc32';
import { utf8 } from '../../src/bytes';
import { encodeBase32 } from '../../src/otp/secret';
import type { Account } from '../../src/vault/format';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { dumpDb, failNthPut, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

// Backups here run at the Argon2 floor: these tests are about the requests, not the KDF's cost.
vi.mock('../../src/crypto/kdf', async (original) =>
  (await import('../support/floor-backup-kdf')).floorPassphraseKdf(original),
);

const PASS = 'correct horse battery';
const BACKUP_PASSWORD = 'a separate backup password';

let t: TestVault;
/** What storage.managed holds (the policy file's keys). */
let managed: Record<string, unknown> = {};
let requests: Api;
const backup = () => requests;
const manage = () => requests;

beforeEach(async () => {
  managed = {};
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t, { managed: () => managed }).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

async function accounts(): Promise<Account[]> {
  const list = await t.vault.all();
  if (!list.ok) throw new Error(list.error);
  return list.value;
}

/** A vault with an edited, a pinned, a trashed and an HOTP account, and changed settings. */
async function fill(): Promise<void> {
  const added = await t.vault.add([
    entry('GitHub', 'alice', 'JBSWY3DPEHPK3PXP'),
    entry('Bank', 'bob', 'GEZDGNBVGY3TQOJQ', { type: 'hotp', counter: 7 }),
    entry('Old', 'carol', 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ'),
  ]);
  if (!added.ok) throw new Error(added.error);
  const [github, bank, old] = added.value;
  await t.vault.update([github!.id], () => ({
    note: 'recovery codes in the drawer',
    sites: ['https://github.com', 'https://gist.github.com'],
    pinned: true,
  }));
  await t.vault.move(bank!.id, null);
  await t.vault.trash([old!.id]);
  await t.vault.updateSettings({ autoLockMinutes: 5, trashRetentionDays: 60 });
}

async function makeBackup(password = PASS, source: 'passphrase' | 'password' = 'passphrase') {
  const made = await backup().createBackup(
    source === 'password' ? { password, source, passphrase: PASS } : { password, source },
  );
  if (!made.ok) throw new Error(made.error.code);
  return made.value;
}

describe('making a backup', () => {
  it('checks the passphrase, and holds a separate password to the passphrase rules, by name', async () => {
    await fill();
    expect(await backup().createBackup({ password: 'not it', source: 'passphrase' })).toEqual({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect(await backup().createBackup({ password: 'short', source: 'password' })).toEqual({
      ok: false,
      error: { code: 'backup_password_too_short' },
    });
    expect(await backup().createBackup({ password: 'password', source: 'password' })).toEqual({
      ok: false,
      error: { code: 'backup_password_too_weak' },
    });
    expect(await backup().createBackup({ password: '', source: 'password' })).toEqual({
      ok: false,
      error: { code: 'backup_password_empty' },
    });
    expect((await backup().backupStatus({})).ok && (await t.vault.backupStatus())).toMatchObject({
      lastBackupAt: null,
    });
  });

  it('offers a named JSON file and records the backup', async () => {
    await fill();
    const file = await makeBackup();
    expect(file).toMatchObject({
      fileName: 'otter-backup-2026-11-24.json',
      mimeType: 'application/json',
      accounts: 3,
      damaged: 0,
    });
    expect(JSON.parse(file.text)).toMatchObject({ format: 'otter-backup', version: 1 });
    expect(await backup().backupStatus({})).toEqual({
      ok: true,
      value: { lastBackupAt: t.clock.now, changedSince: false, remind: false, reminderDays: 7 },
    });
  }, 30_000);
});

describe('export, reset, restore', () => {
  it('gives back every account with every field, the trash, and the settings', async () => {
    await fill();
    const before = await accounts();
    const file = await makeBackup(BACKUP_PASSWORD, 'password');

    await t.vault.reset({ passphrase: PASS });
    await t.vault.create('a new passphrase after reinstalling');
    expect(await backup().inspectBackup({ text: file.text })).toEqual({ ok: true, value: {} });
    const plan = await backup().planRestore({ text: file.text, password: BACKUP_PASSWORD });
    expect(plan).toMatchObject({
      ok: true,
      value: { vaultEmpty: true, settingsDiffer: true, plan: { duplicates: [] } },
    });
    if (!plan.ok) return;
    expect(plan.value.plan.fresh.map((a) => [a.issuer, a.trashed])).toEqual([
      ['GitHub', false],
      ['Old', true],
      ['Bank', false],
    ]);
    // The plan holds labels only: no secret, no note.
    expect(JSON.stringify(plan.value)).not.toMatch(/JBSWY3DP|drawer/);

    const done = await backup().confirmRestore({
      text: file.text,
      password: BACKUP_PASSWORD,
      choices: {},
      restoreSettings: true,
    });
    expect(done).toMatchObject({ ok: true, value: { added: 3, replaced: 0 } });
    expect(await accounts()).toEqual(before);
    expect(await t.vault.settings()).toEqual({
      ...DEFAULT_SETTINGS,
      autoLockMinutes: 5,
      trashRetentionDays: 60,
    });
    const listed = await manage().manageList({});
    expect(listed.ok && listed.value.trash.map((a) => [a.issuer, a.code])).toEqual([['Old', null]]);
    // The restored vault is exactly the backup: no reminder right after.
    expect(await t.vault.backupStatus()).toMatchObject({ changedSince: false, remind: false });
  }, 30_000);
});

describe('a restore into an empty vault', () => {
  it('succeeds though recording it as the last backup fails (only a reminder depends on that)', async () => {
    await fill();
    const file = await makeBackup();
    await t.vault.reset({ passphrase: PASS });
    await t.vault.create(PASS);
    t.store.writeBackupState = () => Promise.reject(new Error('QuotaExceededError'));
    const done = await backup().confirmRestore({
      text: file.text,
      password: PASS,
      choices: {},
      restoreSettings: false,
    });
    // The accounts are in: the page must not say the restore failed (a retry would ask again).
    expect(done).toMatchObject({ ok: true, value: { added: 3, replaced: 0 } });
    expect(await accounts()).toHaveLength(3);
  }, 30_000);
});

describe('a restore that must change nothing', () => {
  function tamper(text: string, edit: (file: Record<string, unknown>) => void): string {
    const file = JSON.parse(text) as Record<string, unknown>;
    edit(file);
    return JSON.stringify(file);
  }

  /** Recomputes the CRC-32 after a deliberate change, as an attacker would. */
  function withCrc(file: Record<string, unknown>): void {
    const kdf = file.kdf as Record<string, unknown>;
    const aad = [
      file.format,
      file.version,
      file.contentVersion,
      kdf.name,
      kdf.version,
      kdf.memoryKiB,
      kdf.iterations,
      kdf.parallelism,
      kdf.salt,
      file.cipher,
    ].join('|');
    const wrapped = file.wrappedKey as { iv: string; data: string };
    const payload = file.payload as { iv: string; data: string };
    const sealed = [aad, wrapped.iv, wrapped.data, payload.iv, payload.data].join('|');
    file.crc32 = crc32Hex(crc32Update(0, utf8(sealed)));
  }

  it.each([
    [
      'a wrong password',
      (text: string) => [text, 'the wrong password'] as const,
      'backup_wrong_password',
    ],
    [
      'a truncated file',
      (text: string) => [text.slice(0, text.length / 2), BACKUP_PASSWORD] as const,
      'backup_damaged',
    ],
    [
      'a flipped character in the payload',
      (text: string) =>
        [
          tamper(text, (f) => {
            const p = f.payload as { data: string };
            p.data = (p.data[0] === 'A' ? 'B' : 'A') + p.data.slice(1);
          }),
          BACKUP_PASSWORD,
        ] as const,
      'backup_damaged',
    ],
    [
      'a payload altered with its checksum recomputed',
      (text: string) =>
        [
          tamper(text, (f) => {
            const p = f.payload as { data: string };
            p.data = (p.data[0] === 'A' ? 'B' : 'A') + p.data.slice(1);
            withCrc(f);
          }),
          BACKUP_PASSWORD,
        ] as const,
      'backup_damaged',
    ],
    ['not a backup', () => ['{"hello": "world"}', BACKUP_PASSWORD] as const, 'backup_not_otter'],
  ])(
    '%s gives its error at every step and writes nothing',
    async (_name, make, code) => {
      await fill();
      const file = await makeBackup(BACKUP_PASSWORD, 'password');
      await t.vault.add([entry('Extra', 'dave', 'MFRGGZDFMZTWQ2LK')]);
      const before = await dumpDb();
      const [text, password] = make(file.text);
      const planned = await backup().planRestore({ text, password });
      expect(planned).toEqual({ ok: false, error: { code } });
      const confirmed = await backup().confirmRestore({
        text,
        password,
        choices: {},
        restoreSettings: true,
      });
      expect(confirmed).toEqual({ ok: false, error: { code } });
      expect(await dumpDb()).toEqual(before);
    },
    30_000,
  );

  it('refuses choices that no longer match the vault, and writes nothing', async () => {
    await fill();
    const file = await makeBackup();
    const plan = await backup().planRestore({ text: file.text, password: PASS });
    if (!plan.ok) throw new Error(plan.error.code);
    expect(plan.value.plan.duplicates).toHaveLength(3);
    const before = await dumpDb();
    const confirmed = await backup().confirmRestore({
      text: file.text,
      password: PASS,
      choices: { 'not-an-id': { choice: 'skip', existing: 'not-an-id-either' } },
      restoreSettings: false,
    });
    expect(confirmed).toEqual({ ok: false, error: { code: 'restore_plan_stale' } });
    expect(await dumpDb()).toEqual(before);
  }, 30_000);
});

describe('merging with accounts already there', () => {
  it('keeps both, replaces or skips, as chosen', async () => {
    await fill();
    const file = await makeBackup();
    const list = await accounts();
    const find = (issuer: string): Account => {
      const found = list.find((a) => a.issuer === issuer);
      if (!found) throw new Error(issuer);
      return found;
    };
    const [github, old, bank] = [find('GitHub'), find('Old'), find('Bank')];
    // After the backup: GitHub is renamed, Old is deleted for good, Bank's counter moves on.
    await t.vault.update([github.id], () => ({ account: 'alice (renamed)' }));
    await t.vault.deleteFromTrash([old.id]);
    await t.vault.update([bank.id], () => ({ counter: 20 }));

    const plan = await backup().planRestore({ text: file.text, password: PASS });
    if (!plan.ok) throw new Error(plan.error.code);
    expect(plan.value.plan.fresh.map((a) => a.issuer)).toEqual(['Old']);
    const byIssuer = Object.fromEntries(
      plan.value.plan.duplicates.map((d) => [d.incoming.issuer, d]),
    );
    expect(byIssuer.GitHub).toMatchObject({ reasons: ['same_secret'], suggested: 'keep_both' });
    const done = await backup().confirmRestore({
      text: file.text,
      password: PASS,
      choices: {
        [byIssuer.GitHub!.incoming.id]: { choice: 'replace', existing: github.id },
        [byIssuer.Bank!.incoming.id]: { choice: 'keep_both', existing: bank.id },
      },
      restoreSettings: false,
    });
    expect(done).toMatchObject({ ok: true, value: { added: 2, replaced: 1 } });
    const after = await accounts();
    // Replace: the renamed one is in the Trash, the backup's is in use under a new id.
    expect(after.find((a) => a.id === github.id)).toMatchObject({
      account: 'alice (renamed)',
      trashedAt: t.clock.now,
    });
    expect(
      after.filter((a) => a.issuer === 'GitHub' && a.trashedAt === null).map((a) => a.account),
    ).toEqual(['alice']);
    // Keep both: the copy starts at the vault's counter for that key (codes below it were used).
    expect(after.filter((a) => a.issuer === 'Bank').map((a) => a.counter)).toEqual([20, 20]);
    expect(after.find((a) => a.issuer === 'Old')?.trashedAt).not.toBeNull();
    expect(await t.vault.settings()).toMatchObject({ autoLockMinutes: 5 });
  }, 30_000);
});

describe('Replace in a restore', () => {
  const REENROLLED = 'MZXW6YTBOI2DQ3TQMFZXGZDGONSGMZLT';

  /**
   * GitHub re-enrolled after the backup: the old account deleted for good, the new key added
   * under the same names. Restoring the older backup finds it by name; the backup's GitHub
   * carries the old key. Returns the plan's choices with Replace for GitHub, Skip for the rest.
   */
  async function reenrolledGitHub(): Promise<{
    file: { text: string };
    current: Account;
    choices: Record<string, { choice: 'replace' | 'skip'; existing: string }>;
  }> {
    await fill();
    const file = await makeBackup();
    const github = (await accounts()).find((a) => a.issuer === 'GitHub')!;
    await t.vault.trash([github.id]);
    await t.vault.deleteFromTrash([github.id]);
    const added = await t.vault.add([entry('GitHub', 'alice', REENROLLED)]);
    if (!added.ok) throw new Error(added.error);
    const plan = await backup().planRestore({ text: file.text, password: PASS });
    if (!plan.ok) throw new Error(plan.error.code);
    const choices = Object.fromEntries(
      plan.value.plan.duplicates.map((d) => [
        d.incoming.id,
        {
          choice: d.incoming.issuer === 'GitHub' ? ('replace' as const) : ('skip' as const),
          existing: d.existing.id,
        },
      ]),
    );
    const github2 = plan.value.plan.duplicates.find((d) => d.incoming.issuer === 'GitHub');
    expect(github2).toMatchObject({
      existing: { id: added.value[0]!.id },
      reasons: ['same_name'],
    });
    return { file, current: added.value[0]!, choices };
  }

  it("moves the current account to the Trash, restorable, and adds the backup's with its own id", async () => {
    const { file, current, choices } = await reenrolledGitHub();
    const done = await backup().confirmRestore({
      text: file.text,
      password: PASS,
      choices,
      restoreSettings: false,
    });
    expect(done).toMatchObject({ ok: true, value: { added: 0, replaced: 1 } });

    const after = await accounts();
    const githubs = after.filter((a) => a.issuer === 'GitHub');
    expect(githubs).toHaveLength(2);
    // The current one, with its new key, is in the Trash, every field as it was.
    const trashed = githubs.find((a) => a.id === current.id)!;
    expect(trashed).toEqual({ ...current, trashedAt: t.clock.now, updatedAt: t.clock.now });
    expect(encodeBase32(trashed.secret)).toBe(REENROLLED);
    // The backup's one is in use, under another id, with the backup's key, note and pin.
    const restored = githubs.find((a) => a.id !== current.id)!;
    expect(restored).toMatchObject({
      trashedAt: null,
      note: 'recovery codes in the drawer',
      pinned: true,
    });
    expect(encodeBase32(restored.secret)).toBe('JBSWY3DPEHPK3PXP');

    // And the current one can be brought back from the Trash.
    const listed = await manage().manageList({});
    expect(listed.ok && listed.value.trash.map((a) => a.id)).toContain(current.id);
    expect(await manage().untrashAccounts({ ids: [current.id] })).toEqual({
      ok: true,
      value: { restored: 1 },
    });
    const back = (await accounts()).find((a) => a.id === current.id)!;
    expect(back.trashedAt).toBeNull();
    expect(encodeBase32(back.secret)).toBe(REENROLLED);
  }, 30_000);

  it('keeps the higher HOTP counter on the account that comes in (codes below it were used)', async () => {
    await fill();
    const file = await makeBackup();
    const bank = (await accounts()).find((a) => a.issuer === 'Bank')!;
    await t.vault.update([bank.id], () => ({ counter: 20 }));
    const plan = await backup().planRestore({ text: file.text, password: PASS });
    if (!plan.ok) throw new Error(plan.error.code);
    const choices = Object.fromEntries(
      plan.value.plan.duplicates.map((d) => [
        d.incoming.id,
        {
          choice: d.incoming.issuer === 'Bank' ? ('replace' as const) : ('skip' as const),
          existing: d.existing.id,
        },
      ]),
    );
    const done = await backup().confirmRestore({
      text: file.text,
      password: PASS,
      choices,
      restoreSettings: false,
    });
    expect(done).toMatchObject({ ok: true, value: { added: 0, replaced: 1 } });
    const banks = (await accounts()).filter((a) => a.issuer === 'Bank');
    expect(banks.map((a) => [a.id === bank.id, a.trashedAt === null, a.counter])).toEqual(
      expect.arrayContaining([
        [true, false, 20],
        [false, true, 20],
      ]),
    );
  }, 30_000);

  it('writes nothing when the transaction fails part-way', async () => {
    const { file, current, choices } = await reenrolledGitHub();
    const before = await dumpDb();
    const crash = failNthPut(2);
    const done = await backup().confirmRestore({
      text: file.text,
      password: PASS,
      choices,
      restoreSettings: true,
    });
    crash.restore();
    expect(done).toEqual({ ok: false, error: { code: 'internal' } });
    expect(await dumpDb()).toEqual(before);
    // Nor did the decrypted copy take it: the re-enrolled account is still the one in use.
    const githubs = (await accounts()).filter((a) => a.issuer === 'GitHub');
    expect(githubs).toEqual([current]);
  }, 30_000);
});

describe('the unencrypted exports', () => {
  it('need the page to say it warned first, and leave the trash out', async () => {
    await fill();
    expect(
      await backup().exportPlain({ passphrase: PASS } as {
        confirm: 'unencrypted';
        passphrase: string;
      }),
    ).toEqual({
      ok: false,
      error: { code: 'bad_request' },
    });
    const plain = await backup().exportPlain({ confirm: 'unencrypted', passphrase: PASS });
    expect(plain).toMatchObject({
      ok: true,
      value: { fileName: 'otter-otpauth-2026-11-24.txt', mimeType: 'text/plain', accounts: 2 },
    });
    expect(plain.ok && plain.value.text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(plain.ok && plain.value.text).not.toContain('carol');

    expect(
      await backup().exportGoogle({ passphrase: PASS } as {
        confirm: 'unencrypted';
        passphrase: string;
      }),
    ).toMatchObject({
      ok: false,
    });
    const google = await backup().exportGoogle({ confirm: 'unencrypted', passphrase: PASS });
    expect(google).toMatchObject({ ok: true, value: { accounts: 2, skipped: [] } });
    expect(google.ok && google.value.uris).toEqual([
      expect.stringMatching(/^otpauth-migration:\/\/offline\?data=/),
    ]);
  });
});

describe('managed policy in the backup handlers', () => {
  it('forbids the exports that show secrets, not the encrypted backup', async () => {
    managed = { AllowPlainExport: false };
    await t.vault.add([entry('A', 'a')]);
    expect(await backup().exportPlain({ confirm: 'unencrypted', passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'export_forbidden' },
    });
    expect(await backup().exportGoogle({ confirm: 'unencrypted', passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'export_forbidden' },
    });
    expect((await backup().createBackup({ password: PASS, source: 'passphrase' })).ok).toBe(true);
  });

  it('holds a separate backup password to the policy minimum', async () => {
    managed = { MinPassphraseLength: 20 };
    expect(
      await backup().createBackup({
        password: 'nineteen characters',
        source: 'password',
        passphrase: PASS,
      }),
    ).toEqual({
      ok: false,
      error: { code: 'backup_password_too_short' },
    });
  });
});
