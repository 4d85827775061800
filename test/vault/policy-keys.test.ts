/**
 * Every managed policy key, enforced by the worker (through the real router and dispatcher, over
 * a real vault): without the policy the request does what it always did; with it, the policy
 * holds on the very first request of a worker that has just started (MV3 stops idle workers, so
 * that is the usual case) and after the policy changes while the worker runs.
 */
import { describe, expect, it, vi } from 'vitest';
import { toBase64 } from '../../src/bytes';
import { memorySessionArea, type SessionArea } from '../../src/vault/session';
import { dumpDb, freshIndexedDB, loadDb, type Dump } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

// Backups here run at the Argon2 floor: these tests are about the requests, not the KDF's cost.
vi.mock('../../src/crypto/kdf', async (original) =>
  (await import('../support/floor-backup-kdf')).floorPassphraseKdf(original),
);

const PASS = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXP';
const MINUTE = 60_000;

const textFile = (text: string): string => toBase64(new TextEncoder().encode(text));
const uriList = (...issuers: string[]) =>
  textFile(issuers.map((i) => `otpauth://totp/${i}:alice?secret=${SECRET}&issuer=${i}`).join('\n'));
const manual = (issuer: string) => ({ entry: { secret: SECRET, issuer, account: 'alice' } });

interface Worker {
  readonly requests: Api;
  readonly t: TestVault;
  /** Tells the worker the policy changed (what storage.onChanged does). */
  readonly changed: () => Promise<void>;
}

interface Case {
  readonly key: string;
  readonly value: unknown;
  /** The vault before the request: none yet, or made (with one Contoso account) and unlocked. */
  readonly vault: 'absent' | 'unlocked';
  /** What the worker does without the policy. */
  readonly free: (w: Worker) => Promise<void>;
  /** What it does under it. */
  readonly enforced: (w: Worker) => Promise<void>;
}

const refused = (code: string) => ({ ok: false, error: { code } });

async function statusPolicy(w: Worker): Promise<Record<string, unknown>> {
  const status = await w.requests.status({});
  if (!status.ok) throw new Error(status.error.code);
  return status.value.policy as Record<string, unknown>;
}

/** One case for a key that is only shown (the worker reports it in `status`, as read). */
function shown(key: string, value: unknown, field: string, expected = value): Case {
  return {
    key,
    value,
    vault: 'unlocked',
    free: async (w) => expect((await statusPolicy(w))[field]).toBeUndefined(),
    enforced: async (w) => expect((await statusPolicy(w))[field]).toEqual(expected),
  };
}

const CASES: readonly Case[] = [
  {
    key: 'MinPassphraseLength',
    value: 24,
    vault: 'absent',
    free: async (w) => expect((await w.requests.createVault({ passphrase: PASS })).ok).toBe(true),
    enforced: async (w) => {
      expect(await w.requests.createVault({ passphrase: PASS })).toEqual(
        refused('passphrase_too_short'),
      );
      expect(await w.requests.status({})).toMatchObject({ value: { minPassphraseLength: 24 } });
    },
  },
  {
    key: 'AutoLockMinutes',
    value: 2,
    vault: 'absent',
    free: async (w) => {
      const created = await w.requests.createVault({ passphrase: PASS });
      expect(created.ok && created.value.lockAt! - w.t.clock.now).toBe(15 * MINUTE);
    },
    enforced: async (w) => {
      const created = await w.requests.createVault({ passphrase: PASS });
      expect(created.ok && created.value.lockAt! - w.t.clock.now).toBe(2 * MINUTE);
      expect(await w.requests.updateSettings({ autoLockMinutes: 30 })).toMatchObject({
        value: { autoLockMinutes: 2 },
      });
    },
  },
  {
    key: 'LockOnScreenLock',
    value: true,
    vault: 'unlocked',
    free: async (w) =>
      expect(await w.requests.updateSettings({ lockOnScreenLock: false })).toMatchObject({
        value: { lockOnScreenLock: false },
      }),
    enforced: async (w) =>
      expect(await w.requests.updateSettings({ lockOnScreenLock: false })).toMatchObject({
        value: { lockOnScreenLock: true },
      }),
  },
  {
    key: 'ClipboardClearSeconds',
    value: 5,
    vault: 'unlocked',
    free: async (w) =>
      expect(await w.requests.updateSettings({ clipboardClearSeconds: 0 })).toMatchObject({
        value: { clipboardClearSeconds: 0 },
      }),
    enforced: async (w) =>
      expect(await w.requests.updateSettings({ clipboardClearSeconds: 0 })).toMatchObject({
        value: { clipboardClearSeconds: 5 },
      }),
  },
  {
    key: 'AllowPlainExport',
    value: false,
    vault: 'unlocked',
    free: async (w) => {
      const plain = await w.requests.exportPlain({ confirm: 'unencrypted', passphrase: PASS });
      expect(plain.ok && plain.value.text).toContain(`secret=${SECRET}`);
      expect((await w.requests.exportGoogle({ confirm: 'unencrypted', passphrase: PASS })).ok).toBe(
        true,
      );
    },
    enforced: async (w) => {
      expect(await w.requests.exportPlain({ confirm: 'unencrypted', passphrase: PASS })).toEqual(
        refused('export_forbidden'),
      );
      expect(await w.requests.exportGoogle({ confirm: 'unencrypted', passphrase: PASS })).toEqual(
        refused('export_forbidden'),
      );
      // The encrypted backup is another key's.
      expect((await w.requests.createBackup({ password: PASS, source: 'passphrase' })).ok).toBe(
        true,
      );
    },
  },
  {
    key: 'AllowBackup',
    value: false,
    vault: 'unlocked',
    free: async (w) => {
      expect((await w.requests.createBackup({ password: PASS, source: 'passphrase' })).ok).toBe(
        true,
      );
    },
    enforced: async (w) => {
      expect(await w.requests.createBackup({ password: PASS, source: 'passphrase' })).toEqual(
        refused('backup_forbidden'),
      );
      expect(
        await w.requests.createBackup({
          password: 'a separate password',
          source: 'password',
          passphrase: PASS,
        }),
      ).toEqual(refused('backup_forbidden'));
      // No reminder to do what is not allowed.
      expect(await w.requests.backupStatus({})).toMatchObject({ value: { remind: false } });
    },
  },
  {
    key: 'AllowBackupWithSeparatePassword',
    value: false,
    vault: 'unlocked',
    free: async (w) => {
      const made = await w.requests.createBackup({
        password: 'a separate password',
        source: 'password',
        passphrase: PASS,
      });
      expect(made.ok).toBe(true);
    },
    enforced: async (w) => {
      expect(
        await w.requests.createBackup({
          password: 'a separate password',
          source: 'password',
          passphrase: PASS,
        }),
      ).toEqual(refused('backup_password_forbidden'));
      expect((await w.requests.createBackup({ password: PASS, source: 'passphrase' })).ok).toBe(
        true,
      );
    },
  },
  {
    key: 'AllowImport',
    value: false,
    vault: 'unlocked',
    free: async (w) =>
      expect((await w.requests.importFile({ file: uriList('Bank') })).ok).toBe(true),
    enforced: async (w) =>
      expect(await w.requests.importFile({ file: uriList('Bank') })).toEqual(
        refused('import_forbidden'),
      ),
  },
  {
    key: 'AllowManualEntry',
    value: false,
    vault: 'unlocked',
    free: async (w) => {
      expect((await w.requests.addAccount(manual('Bank'))).ok).toBe(true);
      const uri = `otpauth://totp/Shop:alice?secret=${SECRET}&issuer=Shop`;
      expect((await w.requests.readLinks({ text: uri })).ok).toBe(true);
    },
    enforced: async (w) => {
      expect(await w.requests.addAccount(manual('Bank'))).toEqual(
        refused('manual_entry_forbidden'),
      );
      const uri = `otpauth://totp/Bank:alice?secret=${SECRET}&issuer=Bank`;
      expect(await w.requests.addAccount({ entry: { uri } })).toEqual(
        refused('manual_entry_forbidden'),
      );
      // Links pasted as text (a Google export's, or otpauth links) are pasted, not scanned.
      expect(await w.requests.readLinks({ text: uri })).toEqual(refused('manual_entry_forbidden'));
    },
  },
  {
    key: 'AllowedIssuers',
    value: ['Contoso*'],
    vault: 'unlocked',
    free: async (w) => expect((await w.requests.addAccount(manual('GitHub'))).ok).toBe(true),
    enforced: async (w) => {
      expect(await w.requests.addAccount(manual('GitHub'))).toEqual(refused('issuer_not_allowed'));
      expect((await w.requests.addAccount(manual('Contoso VPN'))).ok).toBe(true);
      // An import lists the refused account with the file's other refusals, and keeps the rest.
      const read = await w.requests.importFile({ file: uriList('GitHub', 'Contoso') });
      expect(read).toMatchObject({
        ok: true,
        value: {
          preview: {
            accounts: [{ issuer: 'Contoso' }],
            refused: [{ issuer: 'GitHub', reason: 'issuer_not_allowed' }],
          },
        },
      });
    },
  },
  {
    key: 'PassphrasePolicy',
    value: '[0-9]',
    vault: 'absent',
    free: async (w) => expect((await w.requests.createVault({ passphrase: PASS })).ok).toBe(true),
    enforced: async (w) => {
      expect(await w.requests.createVault({ passphrase: PASS })).toEqual(
        refused('passphrase_policy_mismatch'),
      );
      expect((await w.requests.createVault({ passphrase: `${PASS} 42` })).ok).toBe(true);
    },
  },
  shown('PassphrasePolicyHint', 'Use three words and a number.', 'passphrasePolicyHint'),
  {
    key: 'TrashRetentionDays',
    value: 7,
    vault: 'unlocked',
    free: async (w) =>
      expect(await w.requests.updateSettings({ trashRetentionDays: 60 })).toMatchObject({
        value: { trashRetentionDays: 60 },
      }),
    enforced: async (w) =>
      expect(await w.requests.updateSettings({ trashRetentionDays: 60 })).toMatchObject({
        value: { trashRetentionDays: 7 },
      }),
  },
  {
    key: 'BackupReminderDays',
    value: 14,
    vault: 'unlocked',
    free: async (w) =>
      expect(await w.requests.updateSettings({ backupReminderDays: 0 })).toMatchObject({
        value: { backupReminderDays: 0 },
      }),
    enforced: async (w) => {
      // "Never remind" is beyond any limit.
      expect(await w.requests.updateSettings({ backupReminderDays: 0 })).toMatchObject({
        value: { backupReminderDays: 14 },
      });
      expect(await w.requests.backupStatus({})).toMatchObject({ value: { reminderDays: 14 } });
    },
  },
  {
    key: 'AllowRecoveryCode',
    value: false,
    vault: 'absent',
    free: async (w) => {
      const created = await w.requests.createVault({ passphrase: PASS });
      expect(created.ok && created.value.recoveryCode).toMatch(/\w/);
    },
    enforced: async (w) => {
      const created = await w.requests.createVault({ passphrase: PASS });
      expect(created).toMatchObject({ ok: true, value: { recoveryCode: null } });
      // Nor can one be made later, from the settings page.
      expect(await w.requests.newRecoveryCode({ passphrase: PASS })).toEqual(
        refused('recovery_code_forbidden'),
      );
      await w.requests.lock({});
      expect(
        await w.requests.unlockWithRecovery({ recoveryCode: 'AAAA-BBBB', newPassphrase: PASS }),
      ).toEqual(refused('recovery_code_forbidden'));
    },
  },
  shown('SupportURL', 'https://help.example.com/otter', 'supportURL'),
  shown('SupportText', 'Call the IT desk on 1234.', 'supportText'),
  shown('OrganisationName', 'Contoso', 'organisationName'),
  shown('SkipWelcome', true, 'skipWelcome'),
];

/** A worker over the vault in the current fake IndexedDB and the given session. */
async function startWorker(
  managed: () => unknown,
  shared: { session?: TestVault['session']; clock?: TestVault['clock']; local?: SessionArea } = {},
): Promise<Worker> {
  const t = await makeVault({
    ...(shared.session ? { session: shared.session } : {}),
    ...(shared.clock ? { clock: shared.clock } : {}),
  });
  const made = testContext(t, { managed, ...(shared.local ? { local: shared.local } : {}) });
  return { requests: api(made.context), t, changed: () => made.policy.reread() };
}

/**
 * The unlocked vault a worker without policy leaves (database, session, clock), made once:
 * creating it runs Argon2 twice. Each test gets an exact copy.
 */
let unlockedVault: { db: Dump; session: Map<string, unknown>; now: number } | null = null;

/** A vault as the case needs it, made by a worker without policy (the one before a restart). */
async function prepare(c: Case): Promise<Pick<TestVault, 'session' | 'clock'>> {
  freshIndexedDB();
  if (c.vault === 'absent') return (await startWorker(() => ({}))).t;
  if (unlockedVault === null) {
    const before = await startWorker(() => ({}));
    const created = await before.t.vault.create(PASS);
    if (!created.ok) throw new Error(created.error);
    await before.t.vault.add([entry('Contoso', 'bob')]);
    unlockedVault = {
      db: await dumpDb(),
      session: structuredClone(before.t.session.data),
      now: before.t.clock.now,
    };
    freshIndexedDB();
  }
  await loadDb(unlockedVault.db);
  const session = memorySessionArea();
  for (const [key, value] of unlockedVault.session) session.data.set(key, structuredClone(value));
  return { session, clock: { now: unlockedVault.now } };
}

describe.each(CASES)('$key', (c) => {
  it('without the policy, the worker does what it always did', async () => {
    const before = await prepare(c);
    await c.free(await startWorker(() => ({}), before));
  });

  it('holds on the first request of a worker that has just started', async () => {
    const before = await prepare(c);
    await c.enforced(await startWorker(() => ({ [c.key]: c.value }), before));
  });

  it('holds after a change while the worker runs', async () => {
    const before = await prepare(c);
    let managed: Record<string, unknown> = {};
    const worker = await startWorker(() => managed, before);
    expect((await worker.requests.status({})).ok).toBe(true);
    managed = { [c.key]: c.value };
    await worker.changed();
    await c.enforced(worker);
  });
});

it('covers at least fifteen keys, each once', () => {
  const keys = CASES.map((c) => c.key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.length).toBeGreaterThanOrEqual(15);
});

describe('a policy that cannot be read yet', () => {
  const never = () => new Promise<never>(() => undefined);

  it('fails closed: every request a key could refuse is refused, nothing exported', async () => {
    freshIndexedDB();
    const setup = await startWorker(() => ({}));
    await setup.t.vault.create(PASS);
    await setup.t.vault.add([entry('Contoso', 'bob')]);
    const w = await startWorker(never, setup.t);
    expect(await w.requests.exportPlain({ confirm: 'unencrypted', passphrase: PASS })).toEqual(
      refused('policy_unknown'),
    );
    expect(await w.requests.exportGoogle({ confirm: 'unencrypted', passphrase: PASS })).toEqual(
      refused('policy_unknown'),
    );
    expect(await w.requests.createBackup({ password: PASS, source: 'passphrase' })).toEqual(
      refused('policy_unknown'),
    );
    expect(await w.requests.importFile({ file: uriList('Bank') })).toEqual(
      refused('policy_unknown'),
    );
    expect(await w.requests.addAccount(manual('Bank'))).toEqual(refused('policy_unknown'));
    // What no key can refuse still works.
    expect((await w.requests.listAccounts({})).ok).toBe(true);
  });

  it('the policy read by the worker before stands in (remembered across restarts)', async () => {
    freshIndexedDB();
    const local = memorySessionArea();
    const first = await startWorker(() => ({ AllowPlainExport: false }), { local });
    await first.t.vault.create(PASS);
    expect((await first.requests.status({})).ok).toBe(true);
    const next = await startWorker(never, { ...first.t, local });
    expect(await next.requests.exportPlain({ confirm: 'unencrypted', passphrase: PASS })).toEqual(
      refused('export_forbidden'),
    );
  });
});

describe('a policy change clamps the stored settings at once', () => {
  it('with no request after the change', async () => {
    freshIndexedDB();
    let managed: Record<string, unknown> = {};
    const w = await startWorker(() => managed);
    await w.t.vault.create(PASS);
    await w.requests.updateSettings({
      trashRetentionDays: 60,
      backupReminderDays: 0,
      autoLockMinutes: 600,
      clipboardClearSeconds: 0,
    });
    const before = (await w.t.vault.state()).lockAt!;
    managed = {
      TrashRetentionDays: 7,
      BackupReminderDays: 14,
      AutoLockMinutes: 2,
      ClipboardClearSeconds: 5,
    };
    await w.changed();
    expect(await w.t.vault.userSettings()).toMatchObject({
      trashRetentionDays: 7,
      backupReminderDays: 14,
      autoLockMinutes: 2,
      clipboardClearSeconds: 5,
    });
    // The open session's deadline moves in too.
    const after = (await w.t.vault.state()).lockAt!;
    expect(after).toBeLessThan(before);
    expect(after - w.t.clock.now).toBeLessThanOrEqual(2 * MINUTE);
  });
});
