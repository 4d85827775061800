/** Creating, unlocking, locking, rekeying and resetting the vault; its settings. */
import { err, ok } from '../../src/result';
import { minPassphraseLength } from '../../src/policy/policy';
import { newPassphraseProblem } from './new-passphrase';
import type { HandlerGroup } from './types';

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

  async createVault({ passphrase }, { vault, policy }) {
    const problem = newPassphraseProblem(passphrase, policy());
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

  async unlockWithRecovery({ recoveryCode, newPassphrase }, { vault, policy }) {
    const problem = newPassphraseProblem(newPassphrase, policy());
    if (problem !== null) return err(problem);
    const r = await vault.unlockWithRecovery(
      recoveryCode,
      newPassphrase,
      minPassphraseLength(policy()),
    );
    return r.ok ? r : err({ code: r.error });
  },

  async lock(_, { vault }) {
    await vault.lock();
    return ok({});
  },

  async changePassphrase({ current, next }, { vault, policy }) {
    const problem = newPassphraseProblem(next, policy());
    if (problem !== null) return err(problem);
    const changed = await vault.changePassphrase(current, next, minPassphraseLength(policy()));
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
