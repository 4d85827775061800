/** Creating, unlocking, locking, rekeying and resetting the vault; its recovery code; its settings. */
import { err, ok } from '../../src/result';
import { minPassphraseLength } from '../../src/policy/policy';
import { newSecretProblem } from './new-passphrase';
import type { HandlerGroup } from './types';

// A new passphrase is checked here, length and strength, whatever the page did: a page cannot be
// trusted to have disabled its button. The vault checks the length again itself.

export const vaultHandlers: HandlerGroup<
  | 'status'
  | 'createVault'
  | 'unlock'
  | 'unlockWithRecovery'
  | 'newRecoveryCode'
  | 'recoveryCodeStored'
  | 'lock'
  | 'changePassphrase'
  | 'resetVault'
  | 'resetVaultLostBoth'
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
      // Under AllowRecoveryCode false no code is made, and none can be made to replace one.
      recoveryUnconfirmed:
        state !== 'absent' &&
        policy().allowRecoveryCode !== false &&
        (await vault.recoveryUnconfirmed()),
    });
  },

  async createVault({ passphrase }, { vault, policy, strength, storageKept }) {
    // Firefox set to always use private browsing would delete the vault when it closes: every
    // account added to it would be lost without a word. Say so instead of creating it.
    if (!storageKept()) return err({ code: 'storage_not_kept' });
    const problem = await newSecretProblem('passphrase', passphrase, policy(), strength);
    if (problem !== null) return err(problem);
    const created = await vault.create(passphrase, minPassphraseLength(policy()), {
      recovery: policy().allowRecoveryCode !== false,
    });
    return created.ok ? created : err({ code: created.error });
  },

  async unlock({ passphrase }, { vault }) {
    const unlocked = await vault.unlock(passphrase);
    return unlocked.ok ? unlocked : err({ code: unlocked.error });
  },

  async unlockWithRecovery({ recoveryCode, newPassphrase }, { vault, policy, strength }) {
    const problem = await newSecretProblem('passphrase', newPassphrase, policy(), strength);
    if (problem !== null) return err(problem);
    const r = await vault.unlockWithRecovery(
      recoveryCode,
      newPassphrase,
      minPassphraseLength(policy()),
    );
    return r.ok ? r : err({ code: r.error });
  },

  async newRecoveryCode({ passphrase }, { vault }) {
    const renewed = await vault.renewRecoveryCode(passphrase);
    return renewed.ok ? renewed : err({ code: renewed.error });
  },

  async recoveryCodeStored(_, { vault }) {
    const stored = await vault.recoveryCodeStored();
    return stored.ok ? ok({}) : err({ code: stored.error });
  },

  async lock(_, { vault }) {
    await vault.lock();
    return ok({});
  },

  async changePassphrase({ current, next }, { vault, policy, strength }) {
    const problem = await newSecretProblem('passphrase', next, policy(), strength);
    if (problem !== null) return err(problem);
    const changed = await vault.changePassphrase(current, next, minPassphraseLength(policy()));
    return changed.ok ? ok({}) : err({ code: changed.error });
  },

  async resetVault(proof, { vault }) {
    const done = await vault.reset(proof);
    return done.ok ? ok({}) : err({ code: done.error });
  },

  async resetVaultLostBoth({ confirm }, { vault }) {
    const done = await vault.reset({ lostBoth: confirm });
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
