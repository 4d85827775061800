/**
 * The worker's backup and restore requests over a real vault (fake IndexedDB): export, reset,
 * restore; wrong passwords and damaged files change nothing; duplicates follow the user's choice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { crc32Hex, crc32Update } from '../../src/backup/crc32';
import { utf8 } from '../../src/bytes';
import type { Account } from '../../src/vault/format';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

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
    site: 'https://github.com',
    pinned: true,
  }));
  await t.vault.move(bank!.id, null);
  await t.vault.trash([old!.id]);
  await t.vault.updateSettings({ autoLockMinutes: 5, trashRetentionDays: 60 });
}

async function makeBackup(password = PASS, source: 'passphrase' | 'password' = 'passphrase') {
  const made = await backup().createBackup({ password, source });
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

    await t.vault.reset();
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
    expect(done).toEqual({ ok: true, value: { added: 3, replaced: 0 } });
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
      choices: { 'not-an-id': 'skip' },
      restoreSettings: false,
    });
    expect(confirmed).toEqual({ ok: false, error: { code: 'restore_choices_invalid' } });
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
        [byIssuer.GitHub!.incoming.id]: 'replace',
        [byIssuer.Bank!.incoming.id]: 'keep_both',
      },
      restoreSettings: false,
    });
    expect(done).toEqual({ ok: true, value: { added: 2, replaced: 1 } });
    const after = await accounts();
    expect(after.find((a) => a.id === github.id)?.account).toBe('alice');
    expect(
      after
        .filter((a) => a.issuer === 'Bank')
        .map((a) => a.counter)
        .sort(),
    ).toEqual([20, 7].sort());
    expect(after.find((a) => a.issuer === 'Old')?.trashedAt).not.toBeNull();
    expect(await t.vault.settings()).toMatchObject({ autoLockMinutes: 5 });
  }, 30_000);
});

describe('the unencrypted exports', () => {
  it('need the page to say it warned first, and leave the trash out', async () => {
    await fill();
    expect(await backup().exportPlain({} as { confirm: 'unencrypted' })).toEqual({
      ok: false,
      error: { code: 'bad_request' },
    });
    const plain = await backup().exportPlain({ confirm: 'unencrypted' });
    expect(plain).toMatchObject({
      ok: true,
      value: { fileName: 'otter-otpauth-2026-11-24.txt', mimeType: 'text/plain', accounts: 2 },
    });
    expect(plain.ok && plain.value.text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(plain.ok && plain.value.text).not.toContain('carol');

    expect(await backup().exportGoogle({} as { confirm: 'unencrypted' })).toMatchObject({
      ok: false,
    });
    const google = await backup().exportGoogle({ confirm: 'unencrypted' });
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
    expect(await backup().exportPlain({ confirm: 'unencrypted' })).toEqual({
      ok: false,
      error: { code: 'export_forbidden' },
    });
    expect(await backup().exportGoogle({ confirm: 'unencrypted' })).toEqual({
      ok: false,
      error: { code: 'export_forbidden' },
    });
    expect((await backup().createBackup({ password: PASS, source: 'passphrase' })).ok).toBe(true);
  });

  it('holds a separate backup password to the policy minimum', async () => {
    managed = { MinPassphraseLength: 20 };
    expect(
      await backup().createBackup({ password: 'nineteen characters', source: 'password' }),
    ).toEqual({
      ok: false,
      error: { code: 'backup_password_too_short' },
    });
  });
});
