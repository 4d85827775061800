/**
 * Backup and restore through the worker's requests, over accounts spanning everything the vault
 * accepts (test/backup/arbitraries.ts, built from the reader's bounds): a restore into an empty
 * vault gives back every account as it was, a restore into the same vault adds nothing it is told
 * to skip and duplicates nothing it is told to keep, and every failing restore leaves the stored
 * vault byte for byte as it was, with its own error code.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sealEnvelope } from '../../src/backup/native-envelope';
import { sameAccountData } from '../../src/backup/account-equality';
import type { DuplicateChoice } from '../../src/backup/merge';
import { utf8 } from '../../src/bytes';
import { RECOVERY_KDF } from '../../src/crypto/kdf';
import { ok } from '../../src/result';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { trashExpired, type Account } from '../../src/vault/format';
import { accountsArb, settingsArb } from '../backup/arbitraries';
import { dumpDb, failNthPut, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

vi.mock('../../src/crypto/kdf', async (original) =>
  (await import('../support/floor-backup-kdf')).floorPassphraseKdf(original),
);

const PASS = 'correct horse battery';

let t: TestVault;
let requests: Api;

async function freshVault(): Promise<void> {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
}

beforeEach(freshVault);

async function accounts(): Promise<Account[]> {
  const all = await t.vault.all();
  if (!all.ok) throw new Error(all.error);
  return all.value;
}

/** Writes whole accounts as they are, the way a restore does. */
async function put(list: readonly Account[]): Promise<void> {
  const written = await t.vault.writeAccounts(() => ok({ add: list, trash: [] }));
  if (!written.ok) throw new Error(String(written.error));
}

/**
 * What a restore makes of the backup's account `a` next to the accounts `vault` (merge.ts): an
 * HOTP counter caught up with the vault's highest for the same key, and an account in the Trash
 * for longer than `retentionDays` put there anew, `now`, so that the next purge keeps it.
 */
function restoredAs(a: Account, vault: readonly Account[], retentionDays: number): Account {
  const sameKey = vault.filter(
    (v) =>
      a.type === 'hotp' &&
      v.type === 'hotp' &&
      v.secret.length === a.secret.length &&
      v.secret.every((byte, i) => byte === a.secret[i]),
  );
  const counter = Math.max(a.counter, ...sameKey.map((v) => v.counter));
  const now = t.clock.now;
  return { ...a, counter, trashedAt: trashExpired(a, retentionDays, now) ? now : a.trashedAt };
}

async function backupText(): Promise<string> {
  const made = await requests.createBackup({ password: PASS, source: 'passphrase' });
  if (!made.ok) throw new Error(made.error.code);
  return made.value.text;
}

const byId = (list: readonly Account[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('a backup of any accounts the vault holds', () => {
  it('restores into an empty vault as they were, settings included', async () => {
    await fc.assert(
      fc.asyncProperty(accountsArb(4), settingsArb, async (list, settings) => {
        await freshVault();
        await put(list);
        await t.vault.updateSettings(settings);
        const before = await accounts();
        const text = await backupText();

        await t.vault.reset({ passphrase: PASS });
        await t.vault.create(PASS);
        const done = await requests.confirmRestore({
          text,
          password: PASS,
          choices: {},
          restoreSettings: true,
        });
        expect(done).toMatchObject({ ok: true, value: { added: list.length, replaced: 0 } });
        const retention = settings.trashRetentionDays;
        expect(await accounts()).toEqual(before.map((a) => restoredAs(a, [], retention)));
        expect(await t.vault.userSettings()).toEqual(settings);
      }),
      { numRuns: 5 },
    );
  }, 120_000);

  it('merged into the vault it came from: Skip adds nothing, Keep both adds each once more', async () => {
    await fc.assert(
      fc.asyncProperty(accountsArb(4), fc.boolean(), async (list, keep) => {
        await freshVault();
        await put(list);
        const before = await accounts();
        const text = await backupText();
        const plan = await requests.planRestore({ text, password: PASS });
        if (!plan.ok) throw new Error(plan.error.code);
        // Every account is in the vault already, unchanged.
        expect(plan.value.plan.fresh).toEqual([]);
        expect(plan.value.plan.duplicates.every((d) => d.identical)).toBe(true);
        const choice: DuplicateChoice = keep ? 'keep_both' : 'skip';
        const choices = Object.fromEntries(
          plan.value.plan.duplicates.map((d) => [
            d.incoming.id,
            { choice, existing: d.existing.id },
          ]),
        );
        const stored = await dumpDb();
        const done = await requests.confirmRestore({
          text,
          password: PASS,
          choices,
          restoreSettings: false,
        });
        expect(done).toMatchObject({
          ok: true,
          value: { added: keep ? list.length : 0, replaced: 0 },
        });
        if (!keep) {
          expect(await dumpDb()).toEqual(stored);
          return;
        }
        const after = await accounts();
        expect(after).toHaveLength(2 * before.length);
        // The vault's own accounts untouched, and each restored once more under a new id.
        const copies = after.filter((a) => !before.some((b) => b.id === a.id));
        expect(byId(after.filter((a) => before.some((b) => b.id === a.id)))).toEqual(byId(before));
        const retention = (await t.vault.settings()).trashRetentionDays;
        for (const a of before.map((b) => restoredAs(b, before, retention))) {
          expect(copies.filter((c) => sameAccountData(c, a))).toHaveLength(1);
        }
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});

describe('a restore that fails', () => {
  /** A file Otter's envelope reads, holding `content` (as JSON text) sealed under PASS. */
  async function sealed(content: string): Promise<string> {
    const file = await sealEnvelope(utf8(content), PASS, RECOVERY_KDF);
    if (!file.ok) throw new Error(file.error.code);
    return file.value;
  }

  function withHeader(text: string, edit: (file: Record<string, unknown>) => void): string {
    const file = JSON.parse(text) as Record<string, unknown>;
    edit(file);
    return JSON.stringify(file);
  }

  it.each<[string, (text: string) => Promise<string> | string, string, number?]>([
    [
      'a newer format version',
      (text) => withHeader(text, (f) => void (f.version = 2)),
      'backup_unsupported_version',
    ],
    [
      'a newer content version',
      (text) => withHeader(text, (f) => void (f.contentVersion = 3)),
      'backup_unsupported_version',
    ],
    [
      'a file over the size limit',
      (text) => text.replace('{', `{${' '.repeat(16 * 1024 * 1024)}`),
      'backup_too_large',
    ],
    [
      'a KDF asking for 4 GiB',
      (text) =>
        withHeader(text, (f) => void ((f.kdf as { memoryKiB: number }).memoryKiB = 4 << 20)),
      // Changed without its CRC-32: damage, found before any key is derived.
      'backup_damaged',
    ],
    [
      'content with an account out of bounds (digits 11), sealed for real',
      () =>
        sealed(
          JSON.stringify({
            exportedAt: 1,
            settings: DEFAULT_SETTINGS,
            accounts: [{ id: 'a', type: 'totp', secret: 'JBSWY3DPEHPK3PXP', digits: 11 }],
          }),
        ),
      'backup_content_invalid',
      1,
    ],
    [
      'content with two accounts of one id, sealed for real',
      () => {
        const one = {
          id: 'same',
          type: 'totp',
          secret: 'JBSWY3DPEHPK3PXP',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
          issuer: 'A',
          account: 'a',
          extra: {},
          note: '',
          sites: [],
          pinned: false,
          order: 1,
          createdAt: 0,
          updatedAt: 0,
          trashedAt: null,
        };
        return sealed(
          JSON.stringify({ exportedAt: 1, settings: DEFAULT_SETTINGS, accounts: [one, one] }),
        );
      },
      'backup_content_invalid',
      2,
    ],
  ])(
    '%s: its own error, and the vault as it was',
    async (_name, make, code, position) => {
      await fc.assert(
        fc.asyncProperty(accountsArb(3), async (list) => {
          await freshVault();
          await put(list);
          const text = await make(await backupText());
          const stored = await dumpDb();
          const error = position === undefined ? { code } : { code, position };
          expect(await requests.planRestore({ text, password: PASS })).toEqual({
            ok: false,
            error,
          });
          expect(
            await requests.confirmRestore({
              text,
              password: PASS,
              choices: {},
              restoreSettings: true,
            }),
          ).toEqual({ ok: false, error });
          expect(await dumpDb()).toEqual(stored);
        }),
        { numRuns: 2 },
      );
    },
    60_000,
  );

  it('fails part-way through the write: nothing of it is kept', async () => {
    await fc.assert(
      fc.asyncProperty(accountsArb(4), fc.nat(3), async (list, nth) => {
        fc.pre(list.length > 0);
        await freshVault();
        await put(list);
        const text = await backupText();
        await t.vault.reset({ passphrase: PASS });
        await t.vault.create(PASS);
        const stored = await dumpDb();
        const crash = failNthPut(1 + (nth % list.length));
        const done = await requests.confirmRestore({
          text,
          password: PASS,
          choices: {},
          restoreSettings: true,
        });
        crash.restore();
        expect(done).toEqual({ ok: false, error: { code: 'internal' } });
        expect(await dumpDb()).toEqual(stored);
        expect(await accounts()).toEqual([]);
      }),
      { numRuns: 4 },
    );
  }, 60_000);
});
