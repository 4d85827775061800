/** Creating, unlocking, locking, rekeying and resetting the vault; its settings. */
import { err, ok } from '../../src/result';
import browser from '../../src/platform/browser';
import { hasOnlyKeys, isString } from '../../src/messages/validate';
import { minPassphraseLength } from '../../src/policy/policy';
import type { WorkerContext } from '../context';
import type { HandlerGroup } from './types';

const BAD = err({ code: 'bad_request' } as const);

/**
 * The shortest passphrase allowed now (managed policy may raise it). Choosing a passphrase waits
 * briefly for the first policy read, which can take seconds right after the browser starts.
 */
async function minLength(context: WorkerContext): Promise<number> {
  return minPassphraseLength(await context.settledPolicy(5000));
}

export const vaultHandlers: HandlerGroup<
  | 'status'
  | 'createVault'
  | 'unlock'
  | 'unlockWithRecovery'
  | 'lock'
  | 'changePassphrase'
  | 'resetVault'
  | 'getSettings'
  | 'updateSettings'
> = (context) => ({
  async status() {
    const { vault, policy } = await context();
    const { state, lockAt } = await vault.state();
    return ok({
      version: browser.runtime.getManifest().version,
      vault: state,
      lockAt,
      minPassphraseLength: minPassphraseLength(policy()),
      policy: policy(),
    });
  },

  async createVault(payload) {
    if (!isString(payload.passphrase)) return BAD;
    const ctx = await context();
    const created = await ctx.vault.create(payload.passphrase, await minLength(ctx));
    return created.ok ? created : err({ code: created.error });
  },

  async unlock(payload) {
    if (!isString(payload.passphrase)) return BAD;
    const { vault } = await context();
    const unlocked = await vault.unlock(payload.passphrase);
    return unlocked.ok ? unlocked : err({ code: unlocked.error });
  },

  async unlockWithRecovery(payload) {
    if (!isString(payload.recoveryCode, 200) || !isString(payload.newPassphrase)) return BAD;
    const ctx = await context();
    const r = await ctx.vault.unlockWithRecovery(
      payload.recoveryCode,
      payload.newPassphrase,
      await minLength(ctx),
    );
    return r.ok ? r : err({ code: r.error });
  },

  async lock() {
    const { vault } = await context();
    await vault.lock();
    return ok({});
  },

  async changePassphrase(payload) {
    if (!isString(payload.current) || !isString(payload.next)) return BAD;
    const ctx = await context();
    const changed = await ctx.vault.changePassphrase(
      payload.current,
      payload.next,
      await minLength(ctx),
    );
    return changed.ok ? ok({}) : err({ code: changed.error });
  },

  async resetVault(payload) {
    // The pages confirm twice; this token makes an accidental or malformed request harmless.
    if (payload.confirm !== 'delete-everything') return BAD;
    const { vault } = await context();
    const done = await vault.reset();
    return done.ok ? ok({}) : err({ code: done.error });
  },

  async getSettings() {
    const { vault } = await context();
    return ok(await vault.settings());
  },

  async updateSettings(payload) {
    const keys = [
      'autoLockMinutes',
      'lockOnScreenLock',
      'clipboardClearSeconds',
      'trashRetentionDays',
      'backupReminderDays',
    ];
    if (!hasOnlyKeys(payload, keys)) return BAD;
    const { vault } = await context();
    const current = await vault.settings();
    const updated = await vault.updateSettings(payload);
    if (!updated.ok) return err({ code: updated.error });
    // A shorter idle time applies at once to the open session.
    if (updated.value.autoLockMinutes !== current.autoLockMinutes) await vault.touch();
    return updated;
  },
});
