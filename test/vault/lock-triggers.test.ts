import { beforeEach, describe, expect, it } from 'vitest';
import { onBrowserStart, onIdleState, onInstalled } from '../../background/lock-triggers';
import { freshIndexedDB } from '../support/fake-idb';
import { testContext } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

let t: TestVault;
beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  const created = await t.vault.create('lock trigger passphrase');
  if (!created.ok) throw new Error(created.error);
});

const context = () => ({
  vault: t.vault,
  settlePolicy: () => Promise.resolve(),
  policyKnown: () => true,
});
const state = async () => (await t.vault.state()).state;

describe('what locks the vault', () => {
  it('the screen lock, when the setting is on (the default)', async () => {
    await onIdleState(context(), 'idle');
    expect(await state()).toBe('unlocked');
    await onIdleState(context(), 'locked');
    expect(await state()).toBe('locked');
    expect(t.session.data.size).toBe(0);
  });

  it('not the screen lock when the user turned that off', async () => {
    await t.vault.updateSettings({ lockOnScreenLock: false });
    await onIdleState(context(), 'locked');
    expect(await state()).toBe('unlocked');
  });

  it('cannot be loosened while locked: settings change only in an open vault', async () => {
    await t.vault.lock();
    for (const patch of [
      { lockOnScreenLock: false },
      { autoLockMinutes: 1440 },
      { clipboardClearSeconds: 0 },
    ]) {
      expect(await t.vault.updateSettings(patch)).toEqual({ ok: false, error: 'vault_locked' });
    }
    expect(await t.vault.settings()).toMatchObject({ lockOnScreenLock: true });
    await t.vault.unlock('lock trigger passphrase');
    expect(await t.vault.updateSettings({ lockOnScreenLock: false })).toMatchObject({ ok: true });
    await onIdleState(context(), 'locked');
    expect(await state()).toBe('unlocked');
  });

  it('the screen lock when its setting cannot be read (fail closed)', async () => {
    await t.vault.updateSettings({ lockOnScreenLock: false });
    // The policy read failed (its settings write hit a full disk), or the settings read did.
    const failing = { ...context(), settlePolicy: () => Promise.reject(new Error('disk full')) };
    await onIdleState(failing, 'locked');
    expect(await state()).toBe('locked');
    await t.vault.unlock('lock trigger passphrase');
    t.vault.settings = () => Promise.reject(new Error('read failed'));
    await onIdleState(context(), 'locked');
    expect(await state()).toBe('locked');
  });

  it('the screen lock while the policy is unknown (never read nor remembered), whatever the user chose', async () => {
    await t.vault.updateSettings({ lockOnScreenLock: false });
    // storage.managed failed (not Firefox's "no manifest") and no earlier read is remembered:
    // the organisation's LockOnScreenLock may be true, so its absence is not taken as its answer.
    const worker = testContext(t, { managed: () => Promise.reject(new Error('read failed')) });
    await onIdleState(worker.context, 'locked');
    expect(worker.policy.known()).toBe(false);
    expect(await state()).toBe('locked');
  });

  it('a browser start and an extension update, but not a Chrome update or a reinstall event', async () => {
    await onInstalled(context(), 'chrome_update');
    expect(await state()).toBe('unlocked');
    await onInstalled(context(), 'update');
    expect(await state()).toBe('locked');
    await t.vault.unlock('lock trigger passphrase');
    await onBrowserStart(context());
    expect(await state()).toBe('locked');
    expect(t.lockChanges.at(-1)).toBeNull();
  });
});
