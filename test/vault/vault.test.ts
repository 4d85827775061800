import { beforeEach, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../src/otp/secret';
import { normalizeRecoveryCode } from '../../src/vault/recovery';
import { countIdbWrites, dumpDb, failNthPut, freshIndexedDB } from '../support/fake-idb';
import { entry, FAST_KDF, makeVault, type TestVault } from './helpers';
import { Vault } from '../../src/vault/vault';

const PASS = 'correct horse battery';

let t: TestVault;
beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
});

async function created(): Promise<string> {
  const r = await t.vault.create(PASS);
  if (!r.ok) throw new Error(r.error);
  if (r.value.recoveryCode === null) throw new Error('no recovery code');
  return r.value.recoveryCode;
}

describe('creating a vault', () => {
  it('starts absent, then is unlocked with a recovery code shown once', async () => {
    expect(await t.vault.state()).toEqual({ state: 'absent', lockAt: null });
    const code = await created();
    expect(code).toMatch(/^([A-Z2-7]{4}-){5}[A-Z2-7]{4}$/);
    expect((await t.vault.state()).state).toBe('unlocked');
    // The code is not stored anywhere in the clear.
    expect(JSON.stringify(await dumpDb())).not.toContain(code.replaceAll('-', ''));
  });

  it.each([
    ['seven characters', 'abcdefg', 'passphrase_too_short'],
    ['seven emoji (code points, not UTF-16 units)', '🦦🦦🦦🦦🦦🦦🦦', 'passphrase_too_short'],
    ['over 4096 characters', 'x'.repeat(4097), 'passphrase_too_long'],
  ])('refuses %s', async (_n, passphrase, code) => {
    expect(await t.vault.create(passphrase)).toEqual({ ok: false, error: code });
    expect((await t.vault.state()).state).toBe('absent');
  });

  it('applies a stricter minimum (from policy)', async () => {
    expect(await t.vault.create('twelve chars', 14)).toEqual({
      ok: false,
      error: 'passphrase_too_short',
    });
  });

  it('a state read while the vault is being created waits for it: never a locked vault', async () => {
    // Read the state just after the header is written, before the session is: the popup asking
    // while the options page creates the vault.
    const write = t.store.createVault.bind(t.store);
    let during: ReturnType<Vault['state']> | undefined;
    t.store.createVault = async (...args) => {
      const written = await write(...args);
      during = t.vault.state();
      return written;
    };
    await created();
    expect(await during).toMatchObject({ state: 'unlocked' });
  });

  it('never overwrites an existing vault', async () => {
    await created();
    expect(await t.vault.create('another passphrase')).toEqual({
      ok: false,
      error: 'vault_exists',
    });
  });
});

describe('lock and unlock', () => {
  it('locks, refuses a wrong passphrase, and unlocks with the right one', async () => {
    await created();
    await t.vault.add([entry('GitHub', 'alice')]);
    await t.vault.lock();
    expect((await t.vault.state()).state).toBe('locked');
    expect(await t.vault.list()).toEqual({ ok: false, error: 'vault_locked' });
    expect(await t.vault.unlock('correct horse batterx')).toEqual({
      ok: false,
      error: 'wrong_passphrase',
    });
    const r = await t.vault.unlock(PASS);
    expect(r.ok).toBe(true);
    const list = await t.vault.list();
    expect(list.ok && list.value.active.map((a) => a.issuer)).toEqual(['GitHub']);
  });

  it.each([
    ['empty', ''],
    ['1 MB long', 'x'.repeat(1_000_000)],
    ['the NFD form of an NFC passphrase', 'crème brûlée 2026'.normalize('NFD')],
  ])('a wrong passphrase (%s) fails with zero writes anywhere', async (_n, wrong) => {
    freshIndexedDB();
    t = await makeVault();
    expect((await t.vault.create('crème brûlée 2026'.normalize('NFC'))).ok).toBe(true);
    await t.vault.lock();
    const before = await dumpDb();
    const sessionBefore = structuredClone([...t.session.data]);
    const writes = countIdbWrites();
    let sessionWrites = 0;
    const set = t.session.set.bind(t.session);
    t.session.set = (items) => {
      sessionWrites++;
      return set(items);
    };
    try {
      expect(await t.vault.unlock(wrong)).toEqual({ ok: false, error: 'wrong_passphrase' });
      expect(writes.count()).toBe(0);
    } finally {
      writes.restore();
    }
    expect(sessionWrites).toBe(0);
    expect([...t.session.data]).toEqual(sessionBefore);
    expect(await dumpDb()).toEqual(before);
    expect((await t.vault.state()).state).toBe('locked');
  });

  it('a new worker (the old one was stopped) finds the session and stays unlocked', async () => {
    await created();
    const [added] = ((await t.vault.add([entry('GitLab', 'bob')])) as { value: { id: string }[] })
      .value;
    // Same session storage and database, new Vault instance: as after the worker is restarted.
    const revived = await makeVault({ session: t.session, clock: t.clock });
    expect((await revived.vault.state()).state).toBe('unlocked');
    const got = await revived.vault.get(added!.id);
    expect(got.ok && got.value.issuer).toBe('GitLab');
  });

  it('says it is locked only once what the lock clears is gone (the popup’s code cache)', async () => {
    let clears = 0;
    const vault = new Vault({
      store: t.store,
      session: t.session,
      now: () => t.clock.now,
      kdf: FAST_KDF,
      onLockChange: async (lockAt) => {
        if (lockAt !== null) return;
        await new Promise((done) => setTimeout(done, 20));
        clears++;
      },
    });
    const made = await vault.create(PASS);
    await vault.lock();
    expect(clears).toBe(1);
    // A deadline found passed: the read that notices it answers once the clear is done.
    expect((await vault.unlock(PASS)).ok).toBe(true);
    t.clock.now = (made.ok ? made.value.lockAt! : 0) + 16 * 60_000;
    expect((await vault.state()).state).toBe('locked');
    expect(clears).toBe(2);
  });

  it('a lock while an unlock derives its key (the screen locked meanwhile) is not undone', async () => {
    await created();
    await t.vault.lock();
    const unlocking = t.vault.unlock(PASS);
    await t.vault.lock();
    expect(await unlocking).toEqual({ ok: false, error: 'vault_locked' });
    expect((await t.vault.state()).state).toBe('locked');
    // Nor does a worker started now find a session.
    const revived = await makeVault({ session: t.session, clock: t.clock });
    expect((await revived.vault.state()).state).toBe('locked');
    expect((await t.vault.unlock(PASS)).ok).toBe(true);
  });

  it('a lock while a recovery code opens the vault (its Argon2 runs) is not undone', async () => {
    const code = await created();
    await t.vault.lock();
    const recovering = t.vault.unlockWithRecovery(code, 'my new passphrase');
    await t.vault.lock();
    // The new passphrase and recovery code are set (the old code was used), the vault stays locked.
    const recovered = await recovering;
    expect(recovered).toMatchObject({ ok: true, value: { lockAt: null } });
    expect((await t.vault.state()).state).toBe('locked');
    const revived = await makeVault({ session: t.session, clock: t.clock });
    expect((await revived.vault.state()).state).toBe('locked');
    expect((await t.vault.unlock('my new passphrase')).ok).toBe(true);
  });

  it('a lock while a new vault is made (the screen locked meanwhile) leaves it locked', async () => {
    const creating = t.vault.create(PASS);
    await t.vault.lock();
    const made = await creating;
    expect(made).toMatchObject({ ok: true, value: { lockAt: null } });
    expect((await t.vault.state()).state).toBe('locked');
    const revived = await makeVault({ session: t.session, clock: t.clock });
    expect((await revived.vault.state()).state).toBe('locked');
    expect((await t.vault.unlock(PASS)).ok).toBe(true);
  });

  it('a lock while a use pushes the deadline back (a copy, then Lock at once) is not undone', async () => {
    await created();
    const touching = t.vault.touch();
    await t.vault.lock();
    expect(await touching).toBeNull();
    expect((await t.vault.state()).state).toBe('locked');
    const revived = await makeVault({ session: t.session, clock: t.clock });
    expect((await revived.vault.state()).state).toBe('locked');
  });

  it('a new worker asked several things at once decrypts the accounts once', async () => {
    await created();
    await t.vault.add([entry('GitLab', 'bob'), entry('Bank', 'carol')]);
    const revived = await makeVault({ session: t.session, clock: t.clock });
    let reads = 0;
    const readAll = revived.store.readAll.bind(revived.store);
    revived.store.readAll = () => {
      reads++;
      return readAll();
    };
    const lists = await Promise.all([
      revived.vault.list(),
      revived.vault.list(),
      revived.vault.all(),
    ]);
    expect(reads).toBe(1);
    for (const list of lists) expect(list.ok).toBe(true);
    expect((await revived.vault.all()).ok && reads).toBe(1);
  });

  it('locks at the deadline, also in a worker started after it', async () => {
    await created();
    const { lockAt } = await t.vault.state();
    expect(lockAt).toBe(t.clock.now + 15 * 60_000);
    t.clock.now = lockAt! - 1;
    expect((await t.vault.state()).state).toBe('unlocked');
    t.clock.now = lockAt!;
    const revived = await makeVault({ session: t.session, clock: t.clock });
    expect((await revived.vault.state()).state).toBe('locked');
    expect(t.session.data.size).toBe(0); // the expired key was removed
    expect((await t.vault.state()).state).toBe('locked');
  });

  it('using the vault pushes the deadline back (idle time, not time since unlock)', async () => {
    await created();
    t.clock.now += 10 * 60_000;
    const lockAt = await t.vault.touch();
    expect(lockAt).toBe(t.clock.now + 15 * 60_000);
    expect(t.lockChanges.at(-1)).toBe(lockAt);
  });

  it('the idle time is a setting', async () => {
    await created();
    await t.vault.updateSettings({ autoLockMinutes: 2 });
    await t.vault.lock();
    await t.vault.unlock(PASS);
    expect((await t.vault.state()).lockAt).toBe(t.clock.now + 2 * 60_000);
  });
});

describe('passphrase and recovery code', () => {
  it('changing the passphrase rewraps the key and leaves the accounts untouched', async () => {
    await created();
    await t.vault.add([entry('A', 'a'), entry('B', 'b')]);
    const before = (await dumpDb()).accounts;
    expect(await t.vault.changePassphrase('wrong passphrase', 'a new passphrase')).toEqual({
      ok: false,
      error: 'wrong_passphrase',
    });
    expect((await t.vault.changePassphrase(PASS, 'a new passphrase')).ok).toBe(true);
    expect((await dumpDb()).accounts).toEqual(before);
    await t.vault.lock();
    expect((await t.vault.unlock(PASS)).ok).toBe(false);
    expect((await t.vault.unlock('a new passphrase')).ok).toBe(true);
    const list = await t.vault.list();
    expect(list.ok && list.value.active.length).toBe(2);
  });

  it('the recovery code opens the vault and sets a new passphrase', async () => {
    const code = await created();
    await t.vault.add([entry('A', 'a')]);
    await t.vault.lock();
    // Typed casually: lower case, spaces instead of dashes.
    const typed = code.toLowerCase().replaceAll('-', ' ');
    const recovered = await t.vault.unlockWithRecovery(typed, 'my new passphrase');
    expect(recovered.ok).toBe(true);
    expect((await t.vault.list()).ok).toBe(true);
    await t.vault.lock();
    expect((await t.vault.unlock(PASS)).ok).toBe(false);
    expect((await t.vault.unlock('my new passphrase')).ok).toBe(true);
    // The used code was replaced (test/vault/recovery-code.test.ts): the new one works.
    await t.vault.lock();
    expect((await t.vault.unlockWithRecovery(code, 'third passphrase')).ok).toBe(false);
    const next = recovered.ok ? recovered.value.recoveryCode : '';
    expect((await t.vault.unlockWithRecovery(next, 'third passphrase')).ok).toBe(true);
  });

  it('a wrong or malformed recovery code changes nothing', async () => {
    const code = await created();
    await t.vault.lock();
    const before = await dumpDb();
    const wrong = normalizeRecoveryCode('A'.repeat(24));
    expect(wrong.ok && wrong.value !== code).toBe(true);
    expect(await t.vault.unlockWithRecovery('A'.repeat(24), 'new passphrase 1')).toEqual({
      ok: false,
      error: 'wrong_recovery_code',
    });
    expect(await t.vault.unlockWithRecovery('not a code', 'new passphrase 1')).toEqual({
      ok: false,
      error: 'recovery_code_invalid',
    });
    expect(await t.vault.unlockWithRecovery(code, 'short')).toEqual({
      ok: false,
      error: 'passphrase_too_short',
    });
    expect(await dumpDb()).toEqual(before);
    expect((await t.vault.state()).state).toBe('locked');
  });

  it('reset deletes everything and locks', async () => {
    await created();
    await t.vault.add([entry('A', 'a')]);
    expect((await t.vault.reset({ passphrase: PASS })).ok).toBe(true);
    expect(await t.vault.state()).toEqual({ state: 'absent', lockAt: null });
    expect(await dumpDb()).toEqual({ meta: [], accounts: [] });
    expect(t.session.data.size).toBe(0);
  });
});

describe('accounts', () => {
  it('adds and lists accounts in order, with every field kept', async () => {
    await created();
    const added = await t.vault.add([
      entry('Ünïcødé Bank', 'ålice@example.se', 'GEZDGNBVGY3TQOJQ', {
        type: 'hotp',
        counter: 42,
        algorithm: 'SHA512',
        digits: 8,
        extra: { image: 'x' },
      }),
      entry('B', 'b'),
    ]);
    expect(added.ok).toBe(true);
    const revived = await makeVault({ session: t.session, clock: t.clock });
    const list = await revived.vault.list();
    expect(list.ok).toBe(true);
    if (!list.ok || !added.ok) return;
    expect(list.value.active).toEqual(added.value);
    const [first] = list.value.active;
    expect(first).toMatchObject({
      issuer: 'Ünïcødé Bank',
      account: 'ålice@example.se',
      type: 'hotp',
      counter: 42,
      algorithm: 'SHA512',
      digits: 8,
      extra: { image: 'x' },
    });
    expect(encodeBase32(first!.secret)).toBe('GEZDGNBVGY3TQOJQ');
  });

  it('stores nothing about an account in the clear', async () => {
    await created();
    await t.vault.add([
      entry('VerySecretBank', 'carol@example.org', 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ'),
    ]);
    const dump = JSON.stringify(await dumpDb(), (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    for (const needle of [
      'VerySecretBank',
      'carol@example.org',
      'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ',
      'This is a secret key',
    ]) {
      expect(dump).not.toContain(needle);
    }
  });

  it('updates fields; an unknown id is an error', async () => {
    await created();
    const added = await t.vault.add([entry('A', 'a')]);
    const id = added.ok ? added.value[0]!.id : '';
    t.clock.now += 1000;
    const updated = await t.vault.update([id], () => ({
      issuer: 'A2',
      note: 'n',
      sites: ['https://a.example'],
      pinned: true,
    }));
    expect(updated.ok && updated.value[0]).toMatchObject({
      issuer: 'A2',
      note: 'n',
      sites: ['https://a.example'],
      pinned: true,
      updatedAt: t.clock.now,
    });
    expect(await t.vault.update(['nope'], () => ({ issuer: 'x' }))).toEqual({
      ok: false,
      error: 'account_not_found',
    });
  });

  it('two writers at once lose no update (popup and options page)', async () => {
    await created();
    const added = await t.vault.add([
      entry('A', 'a', 'JBSWY3DPEHPK3PXP', { type: 'hotp', counter: 0 }),
    ]);
    const id = added.ok ? added.value[0]!.id : '';
    // Fifty HOTP advances from one page and fifty renames from another, interleaved.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => [
        t.vault.update([id], (a) => ({ counter: a.counter + 1 })),
        t.vault.update([id], () => ({ note: `note ${i}` })),
      ]).flat(),
    );
    const revived = await makeVault({ session: t.session, clock: t.clock });
    const got = await revived.vault.get(id);
    expect(got.ok && got.value.counter).toBe(50);
    expect(got.ok && got.value.note).toBe('note 49');
  });
});

describe('crashes leave the old state or the new one, never a mix', () => {
  it('a failure in the middle of adding three accounts adds none', async () => {
    await created();
    await t.vault.add([entry('Existing', 'x')]);
    const before = await dumpDb();
    const fault = failNthPut(2);
    try {
      await expect(
        t.vault.add([entry('A', 'a'), entry('B', 'b'), entry('C', 'c')]),
      ).rejects.toThrow('injected failure');
    } finally {
      fault.restore();
    }
    expect(await dumpDb()).toEqual(before);
    const revived = await makeVault({ session: t.session, clock: t.clock });
    const list = await revived.vault.list();
    expect(list.ok && list.value.active.map((a) => a.issuer)).toEqual(['Existing']);
  });

  it('a failure while rekeying keeps the old passphrase working', async () => {
    await created();
    await t.vault.add([entry('A', 'a')]);
    const before = await dumpDb();
    const fault = failNthPut(1);
    try {
      await expect(t.vault.changePassphrase(PASS, 'new passphrase!')).rejects.toThrow(
        'injected failure',
      );
    } finally {
      fault.restore();
    }
    expect(await dumpDb()).toEqual(before);
    await t.vault.lock();
    expect((await t.vault.unlock('new passphrase!')).ok).toBe(false);
    expect((await t.vault.unlock(PASS)).ok).toBe(true);
  });

  it('a rekey that committed is complete even if the worker dies right after', async () => {
    await created();
    expect((await t.vault.changePassphrase(PASS, 'new passphrase!')).ok).toBe(true);
    const fresh = await makeVault({ clock: t.clock }); // new worker, empty session
    expect((await fresh.vault.unlock('new passphrase!')).ok).toBe(true);
  });
});

it('reading accounts says whether there is no vault or a locked one', async () => {
  expect(await t.vault.list()).toEqual({ ok: false, error: 'vault_absent' });
  await created();
  await t.vault.lock();
  expect(await t.vault.list()).toEqual({ ok: false, error: 'vault_locked' });
});
