/** Creating, unlocking, locking, rekeying and resetting the vault; its settings. */
import { err, ok } from '../../src/result';
import { minPassphraseLength } from '../../src/policy/policy';
import { checkNewSecret } from '../../src/passphrase/new-secret';
import type { HandlerGroup } from './types';

// A new passphrase is checked here, length and strength, whatever the page did: a page cannot be
// trusted to have disabled its button. The vault checks the length again itself.

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
> = {
  async status(_, { vault, policy, version }) {
    const { state, lockAt } = await vault.state();
    return ok({
      version,
      vault: state,
      lockAt,
      minPassphraseLength: minPassphraseLength(policy()),
      policy: policy(),
    });
  },

  async createVault({ passphrase }, { vault, policy, strength }) {
    const minLength = minPassphraseLength(policy());
    const checked = await checkNewSecret('passphrase', passphrase, minLength, strength);
    if (!checked.ok) return err({ code: checked.error });
    const created = await vault.create(passphrase, minLength);
    return created.ok ? created : err({ code: created.error });
  },

  async unlock({ passphrase }, { vault }) {
    const unlocked = await vault.unlock(passphrase);
    return unlocked.ok ? unlocked : err({ code: unlocked.error });
  },

  async unlockWithRecovery({ recoveryCode, newPassphrase }, { vault, policy, strength }) {
    const minLength = minPassphraseLength(policy());
    const checked = await checkNewSecret('passphrase', newPassphrase, minLength, strength);
    if (!checked.ok) return err({ code: checked.error });
    const r = await vault.unlockWithRecovery(recoveryCode, newPassphrase, minLength);
    return r.ok ? r : err({ code: r.error });
  },

  async lock(_, { vault }) {
    await vault.lock();
    return ok({});
  },

  async changePassphrase({ current, next }, { vault, policy, strength }) {
    const minLength = minPassphraseLength(policy());
    const checked = await checkNewSecret('passphrase', next, minLength, strength);
    if (!checked.ok) return err({ code: checked.error });
    const changed = await vault.changePassphrase(current, next, minLength);
    return changed.ok ? ok({}) : err({ code: changed.error });
  },

  async resetVault(_, { vault }) {
    const done = await vault.reset();
    return done.ok ? ok({}) : err({ code: done.error });
  },

  async getSettings(_, { vault }) {
    return ok(await vault.settings());
  },

  async updateSettings(patch, { vault }) {
    const updated = await vault.updateSettings(patch);
    return updated.ok ? updated : err({ code: updated.error });
  },
};
