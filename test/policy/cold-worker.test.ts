/**
 * The managed policy on a worker that has just started (issue 11, item 1). MV3 stops the worker
 * after ~30 s idle, so the first request after a pause meets a worker that has not read the
 * policy yet, and Chromium delivers storage.managed only after a while. Each request whose row
 * says `policy` is sent here as the FIRST request of a fresh worker context (a new Vault over the
 * same storage, a new PolicySource) whose managed policy arrives only after a delay, and must obey
 * it. Then the timeout path: a read that never answers uses the policy remembered in local
 * storage, and with none remembered exports fail closed.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerContext } from '../../background/context';
import { createDispatcher } from '../../background/dispatch';
import { HANDLERS } from '../../background/handlers';
import { fillFromCommand } from '../../background/command';
import { onIdleState } from '../../background/lock-triggers';
import { PolicySource } from '../../background/policy';
import { toBase64 } from '../../src/bytes';
import type { Reply, RequestName, RequestOf } from '../../src/messages/protocol';
import { REQUESTS } from '../../src/messages/requests';
import { createRouter } from '../../src/messages/router';
import { memorySessionArea, type SessionArea } from '../../src/vault/session';
import { dumpDb, freshIndexedDB, loadDb, type Dump } from '../support/fake-idb';
import { api, testContext, TEST_SELF, type TestContext } from '../support/worker-context';
import { entry, makeVault, type TestVault } from '../vault/helpers';

// The keyboard command opens the popup through the extension API: not in Node.
vi.mock('../../src/platform/commands', () => ({
  openPopup: vi.fn(() => Promise.resolve(true)),
  markAction: vi.fn(() => Promise.resolve()),
}));

const PASS = 'correct horse battery';
/** 21 characters: enough without a policy, too short under POLICY's 24. */
const SHORT_FOR_POLICY = 'a new passphrase, 21!';
const LONG = 'a passphrase long enough for the policy';
const MANAGED = {
  MinPassphraseLength: 24,
  AutoLockMinutes: 2,
  LockOnScreenLock: true,
  ClipboardClearSeconds: 15,
  AllowPlainExport: false,
};
const POLICY = {
  minPassphraseLength: 24,
  autoLockMinutes: 2,
  lockOnScreenLock: true,
  clipboardClearSeconds: 15,
  allowPlainExport: false,
};
/** What the user chose, long before the organisation's policy: all looser than it. */
const LOOSE = { autoLockMinutes: 600, lockOnScreenLock: false, clipboardClearSeconds: 600 };
/** How long storage.managed takes to answer on a cold start (Chromium: up to ~3 s). */
const DELIVERY_MS = 150;

/** Delivers `value` as storage.managed does on a cold start: only after a while. */
const later = (value: unknown) => () =>
  new Promise((resolve) => setTimeout(() => resolve(value), DELIVERY_MS));
/** A storage.managed read that never answers. */
const never = () => () => new Promise<never>(() => undefined);

/** A backup made without any policy, with LOOSE settings (made once: Argon2 is slow). */
let looseBackup = '';

beforeAll(async () => {
  freshIndexedDB();
  const v = await makeVault();
  await v.vault.create(PASS);
  await v.vault.add([entry('Restored', 'dave', 'GEZDGNBVGY3TQOJQ')]);
  await v.vault.updateSettings(LOOSE);
  const context = testContext(v).context;
  const made = await api(context).createBackup({ password: PASS, source: 'passphrase' });
  if (!made.ok) throw new Error(made.error.code);
  looseBackup = made.value.text;
}, 60_000);

/** The storage a stopped worker leaves behind: the vault (unlocked), the session, the settings. */
let warm: TestVault;
let recoveryCode = '';

/**
 * That storage is made once (creating a vault runs Argon2 twice) and each test starts from an
 * exact copy of it: the database, the session area and the clock, as a worker finds them; `warm`
 * is a worker started over that copy.
 */
let stored: { db: Dump; session: Map<string, unknown>; now: number; recoveryCode: string } | null =
  null;

beforeEach(async () => {
  if (stored === null) {
    freshIndexedDB();
    const first = await makeVault();
    const created = await first.vault.create(PASS);
    if (!created.ok) throw new Error(created.error);
    await first.vault.add([entry('GitHub', 'alice')]);
    await first.vault.updateSettings(LOOSE);
    stored = {
      db: await dumpDb(),
      session: structuredClone(first.session.data),
      now: first.clock.now,
      recoveryCode: created.value.recoveryCode!,
    };
  }
  freshIndexedDB();
  await loadDb(stored.db);
  const session = memorySessionArea();
  for (const [key, value] of stored.session) session.data.set(key, structuredClone(value));
  warm = await makeVault({ session, clock: { now: stored.now } });
  recoveryCode = stored.recoveryCode;
});

interface ColdWorker extends TestContext {
  readonly t: TestVault;
  /** Sends a request as a page does; records whether the policy was known when its handler began. */
  readonly send: <K extends RequestName>(type: K, payload: RequestOf<K>) => Promise<Reply<K>>;
  readonly knownAtStart: boolean[];
}

/** A worker that has just started over the storage `warm` left: nothing read, nothing cached. */
async function coldWorker(
  managed: () => unknown = later(MANAGED),
  local: SessionArea = memorySessionArea(),
  // Far longer than the delivery: a request must wait for the read, not guess.
  waitMs = 10_000,
  tabs?: WorkerContext['tabs'],
): Promise<ColdWorker> {
  const t = await makeVault({ session: warm.session, clock: warm.clock });
  const made = testContext(t, {
    managed,
    local,
    policyWaitMs: waitMs,
    ...(tabs === undefined ? {} : { tabs }),
  });
  const knownAtStart: boolean[] = [];
  const handlers = new Proxy(HANDLERS, {
    get: (target, name: RequestName) => (payload: never, ctx: WorkerContext) => {
      knownAtStart.push(made.policy.known());
      return (target[name] as (p: never, c: WorkerContext) => Promise<unknown>)(payload, ctx);
    },
  });
  const route = createRouter(
    createDispatcher(handlers, () => Promise.resolve(made.context)),
    TEST_SELF,
  );
  const sender = { ...TEST_SELF, url: `${TEST_SELF.origin}/options/index.html` };
  const send = <K extends RequestName>(type: K, payload: RequestOf<K>) =>
    route({ otter: 1, type, payload }, sender) as Promise<Reply<K>>;
  return { ...made, t, send, knownAtStart };
}

const textFile = (text: string): string => toBase64(new TextEncoder().encode(text));

/** A payload for every request whose row says `policy` (the test below checks none is missing). */
const FIRST_REQUESTS: { [K in RequestName]?: () => RequestOf<K> } = {
  status: () => ({}),
  createVault: () => ({ passphrase: LONG }),
  unlock: () => ({ passphrase: PASS }),
  unlockWithRecovery: () => ({ recoveryCode, newPassphrase: LONG }),
  changePassphrase: () => ({ current: PASS, next: SHORT_FOR_POLICY }),
  newRecoveryCode: () => ({ passphrase: PASS }),
  // A wrong passphrase: the handler runs, and the vault stays for the checks after it.
  resetVault: () => ({ passphrase: 'not the passphrase' }),
  getSettings: () => ({}),
  updateSettings: () => ({ autoLockMinutes: 600 }),
  addAccount: () => ({ entry: { uri: 'otpauth://totp/New:bob?secret=JBSWY3DPEHPK3PXP' } }),
  updateAccount: () => ({ id: 'gone', edit: { issuer: 'Renamed' } }),
  readLinks: () => ({ text: 'otpauth://totp/Pasted:dan?secret=JBSWY3DPEHPK3PXP' }),
  codeCopied: () => ({}),
  scanTab: () => ({ tabId: 1 }),
  scanImage: () => ({ png: 'AAAA' }),
  addScanned: () => ({ pendingId: 'gone', issuer: 'A', account: 'b' }),
  importScanned: () => ({ pendingIds: ['gone'], duplicates: 'skip' }),
  manageList: () => ({}),
  backupStatus: () => ({}),
  createBackup: () => ({ password: SHORT_FOR_POLICY, source: 'password' }),
  exportPlain: () => ({ confirm: 'unencrypted', passphrase: PASS }),
  exportGoogle: () => ({ confirm: 'unencrypted', passphrase: PASS }),
  planRestore: () => ({ text: looseBackup, password: PASS }),
  confirmRestore: () => ({ text: looseBackup, password: PASS, choices: {}, restoreSettings: true }),
  importFile: () => ({ file: textFile('otpauth://totp/Imp:carol?secret=JBSWY3DPEHPK3PXP\n') }),
  importPreview: () => ({ importId: 'gone' }),
  importCommit: () => ({
    importId: 'gone',
    choices: {},
    tagsLabel: 'Tags',
    revocationLabel: 'Revocation code',
  }),
  importDiscard: () => ({ importId: 'gone' }),
};

const POLICY_ROWS = (Object.keys(REQUESTS) as RequestName[]).filter((k) => REQUESTS[k].policy);

describe('every request whose row says policy, first on a cold worker', () => {
  it('has a first request here (a new policy row must be added)', () => {
    expect(Object.keys(FIRST_REQUESTS).sort()).toEqual([...POLICY_ROWS].sort());
  });

  it.each(POLICY_ROWS)('%s: its handler starts only once the late policy is read', async (type) => {
    const worker = await coldWorker();
    const payload = FIRST_REQUESTS[type]!;
    const reply = await worker.send(type, payload());
    // The handler started once the policy was read, or the dispatcher's gate refused the request
    // from it (src/policy/gates.ts) before any handler ran.
    if (worker.knownAtStart.length === 0)
      expect(reply).toMatchObject({ ok: false, error: { code: 'export_forbidden' } });
    else expect(worker.knownAtStart).toEqual([true]);
    expect(worker.context.policy()).toEqual(POLICY);
    // The policy read also tightened the stored settings (nothing looser survives it).
    expect(await worker.t.vault.userSettings()).toMatchObject({
      autoLockMinutes: 2,
      lockOnScreenLock: true,
      clipboardClearSeconds: 15,
    });
  });
});

describe('what each one decides, from the late policy', () => {
  it('status shows the policy and its passphrase minimum', async () => {
    const worker = await coldWorker();
    expect(await worker.send('status', {})).toMatchObject({
      ok: true,
      value: { vault: 'unlocked', minPassphraseLength: 24, policy: POLICY },
    });
  });

  it('getSettings answers the settings clamped to the policy', async () => {
    const worker = await coldWorker();
    expect(await worker.send('getSettings', {})).toMatchObject({
      ok: true,
      value: { autoLockMinutes: 2, lockOnScreenLock: true, clipboardClearSeconds: 15 },
    });
  });

  it('updateSettings stores nothing looser than the policy', async () => {
    const worker = await coldWorker();
    const updated = await worker.send('updateSettings', {
      autoLockMinutes: 900,
      clipboardClearSeconds: 300,
      lockOnScreenLock: false,
      trashRetentionDays: 60,
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { autoLockMinutes: 2, clipboardClearSeconds: 15, lockOnScreenLock: true },
    });
    expect(await worker.t.vault.userSettings()).toMatchObject({
      autoLockMinutes: 2,
      clipboardClearSeconds: 15,
      lockOnScreenLock: true,
      trashRetentionDays: 60,
    });
  });

  it.each(['exportPlain', 'exportGoogle'] as const)('%s is refused', async (type) => {
    const worker = await coldWorker();
    expect(await worker.send(type, { confirm: 'unencrypted', passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'export_forbidden' },
    });
  });

  it('unlock sets the lock deadline from the policy, not the user’s 600 minutes', async () => {
    await warm.vault.lock();
    const worker = await coldWorker();
    const unlocked = await worker.send('unlock', { passphrase: PASS });
    expect(unlocked).toEqual({ ok: true, value: { lockAt: warm.clock.now + 2 * 60_000 } });
  });

  it('unlockWithRecovery holds the new passphrase to the policy, and its deadline too', async () => {
    await warm.vault.lock();
    const worker = await coldWorker();
    expect(
      await worker.send('unlockWithRecovery', { recoveryCode, newPassphrase: SHORT_FOR_POLICY }),
    ).toEqual({ ok: false, error: { code: 'passphrase_too_short' } });
    const worker2 = await coldWorker();
    expect(
      await worker2.send('unlockWithRecovery', { recoveryCode, newPassphrase: LONG }),
    ).toMatchObject({ ok: true, value: { lockAt: warm.clock.now + 2 * 60_000 } });
  });

  it('changePassphrase and a backup under a separate password hold to the policy minimum', async () => {
    const worker = await coldWorker();
    expect(
      await worker.send('changePassphrase', { current: PASS, next: SHORT_FOR_POLICY }),
    ).toEqual({ ok: false, error: { code: 'passphrase_too_short' } });
    const worker2 = await coldWorker();
    expect(
      await worker2.send('createBackup', { password: SHORT_FOR_POLICY, source: 'password' }),
    ).toEqual({ ok: false, error: { code: 'backup_password_too_short' } });
  });

  it('createVault holds the first passphrase to the policy minimum', async () => {
    await warm.vault.reset({ passphrase: PASS });
    const worker = await coldWorker();
    expect(await worker.send('createVault', { passphrase: SHORT_FOR_POLICY })).toEqual({
      ok: false,
      error: { code: 'passphrase_too_short' },
    });
  });

  it('codeCopied clears the clipboard after the policy’s seconds', async () => {
    const worker = await coldWorker();
    const copied = await worker.send('codeCopied', {});
    expect(copied).toEqual({ ok: true, value: { clearAt: warm.clock.now + 15_000 } });
    expect(worker.clipboard.clearAfter).toHaveBeenCalledWith(15);
  });

  it.each([
    ['addAccount', FIRST_REQUESTS.addAccount!()],
    ['updateSettings', { trashRetentionDays: 30 }],
    ['importFile', FIRST_REQUESTS.importFile!()],
  ] as const)(
    '%s (activity) moves the lock deadline by the policy’s idle time',
    async (type, payload) => {
      const worker = await coldWorker();
      warm.clock.now += 1000;
      const reply = await worker.send(type, payload);
      expect(reply.ok).toBe(true);
      expect((await worker.t.vault.state()).lockAt).toBe(warm.clock.now + 2 * 60_000);
    },
  );

  it('confirmRestore brings back the backup’s settings clamped to the policy', async () => {
    const worker = await coldWorker();
    const restored = await worker.send('confirmRestore', FIRST_REQUESTS.confirmRestore!());
    expect(restored).toMatchObject({ ok: true, value: { added: 1 } });
    expect(await worker.t.vault.userSettings()).toMatchObject({
      autoLockMinutes: 2,
      lockOnScreenLock: true,
      clipboardClearSeconds: 15,
    });
  });

  it('the keyboard command, unable to fill, copies with the policy’s clearing time', async () => {
    await warm.vault.add([
      { ...entry('Bank', 'bob', 'GEZDGNBVGY3TQOJQ'), sites: ['https://bank.example'] },
    ]);
    const tabs: WorkerContext['tabs'] = {
      get: (id) =>
        Promise.resolve({ id, url: 'https://bank.example/login', windowId: 1, active: true }),
      capture: () => Promise.reject(new Error('not used')),
    };
    const worker = await coldWorker(later(MANAGED), memorySessionArea(), 10_000, tabs);
    // The page has no code field (the test context's fill finds none): the code is copied.
    await fillFromCommand(worker.context, 7);
    expect(worker.clipboard.copy).toHaveBeenCalledWith(expect.stringMatching(/^\d{6}$/), 15);
  });

  it('a screen lock that wakes the worker locks under LockOnScreenLock', async () => {
    const worker = await coldWorker();
    await onIdleState(worker.context, 'locked');
    expect((await worker.t.vault.state()).state).toBe('locked');
  });
});

describe('when the policy read never answers', () => {
  it('the policy remembered from the last read stands in', async () => {
    const local = memorySessionArea();
    // An earlier worker read the policy (and remembered it in local storage).
    const earlier = new PolicySource({ read: () => Promise.resolve(MANAGED), area: local });
    await earlier.settle();

    const worker = await coldWorker(never(), local, 50);
    expect(await worker.send('exportPlain', { confirm: 'unencrypted', passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'export_forbidden' },
    });
    // Refused by the dispatcher's gate (src/policy/gates.ts), from the remembered policy: the
    // handler never ran.
    expect(worker.knownAtStart).toEqual([]);
    expect(await worker.send('getSettings', {})).toMatchObject({
      ok: true,
      value: { autoLockMinutes: 2, clipboardClearSeconds: 15 },
    });
    expect(await worker.send('status', {})).toMatchObject({ ok: true, value: { policy: POLICY } });
  });

  it('with none remembered, the policy is unknown: nothing is taken as its answer', async () => {
    const worker = await coldWorker(never(), memorySessionArea(), 50);
    await worker.send('status', {});
    expect(worker.policy.known()).toBe(false);
    expect(worker.context.policyKnown()).toBe(false);
  });

  // src/policy/gates.ts: `policy_unknown` for every request a policy key could refuse.
  it('with none remembered, exports fail closed', async () => {
    for (const type of ['exportPlain', 'exportGoogle'] as const) {
      const worker = await coldWorker(never(), memorySessionArea(), 50);
      const reply = await worker.send(type, { confirm: 'unencrypted', passphrase: PASS });
      expect(reply).toEqual({ ok: false, error: { code: 'policy_unknown' } });
      expect(worker.knownAtStart).toEqual([]);
    }
  });
});
