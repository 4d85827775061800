/**
 * The recovery code's flows after setup: a recovery (the code opens the vault, a new passphrase
 * and a new code are set), a new code on request, and whether the code shown last was confirmed
 * as stored (recovery-note.ts). Each header write that makes a new code writes its note in the
 * same strict transaction, so a failed write changes neither.
 */
import { err, ok, type Result } from '../result';
import { checkNewPassphrase, type KeySlots } from './key-slots';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery';
import { recoveryNote, recoveryUnconfirmed } from './recovery-note';
import type { VaultStore } from './store';
import type { SessionKeeper } from './unlocked-session';
import type { VaultError } from './vault-errors';
import type { VaultKeys } from './vault-keys';
import type { WriteQueue } from './write-queue';

export type Recovered = Result<{ lockAt: number | null; recoveryCode: string }, VaultError>;

export class RecoveryCodes {
  constructor(
    private readonly store: VaultStore,
    private readonly keys: VaultKeys,
    private readonly slots: KeySlots,
    private readonly keeper: SessionKeeper,
    private readonly queue: WriteQueue,
  ) {}

  /**
   * For a forgotten passphrase: the recovery code opens the vault and a new passphrase is set. A
   * used code may have been seen, so it is replaced in the same header write (no second step to
   * skip); the new one is returned, to be shown once.
   */
  async unlock(code: string, newPassphrase: string, minLength: number): Promise<Recovered> {
    const normalized = normalizeRecoveryCode(code);
    if (!normalized.ok) return normalized;
    const checked = checkNewPassphrase(newPassphrase, minLength);
    if (!checked.ok) return checked;
    const since = this.keeper.lockCount();
    return this.queue.run(async (): Promise<Recovered> => {
      const header = await this.keys.header();
      if (!header.ok) return header;
      if (!header.value.slots.some((s) => s.kind === 'recovery'))
        return err('recovery_code_absent');
      const key = await this.keys.fromRecoveryCode(header.value, normalized.value);
      if (!key.ok) return key;
      const recoveryCode = newRecoveryCode();
      const next = await this.slots.replace(
        await this.slots.replace(header.value, 'passphrase', newPassphrase, key.value),
        'recovery',
        recoveryCode,
        key.value,
      );
      // Written whole, in one strict transaction: the old slots go only once the new ones are in,
      // and the new code's note (not yet confirmed as stored) goes in with them.
      const rekeyed = await this.store.replaceHeader(next, recoveryNote(next));
      if (!rekeyed.ok) return rekeyed;
      // A lock meanwhile (or no session written) keeps it locked; the new code is still shown.
      const lockAt = await this.keeper.start(header.value.vaultId, key.value, since);
      return ok({ lockAt, recoveryCode });
    });
  }

  /** A new recovery code (shown once) for the passphrase; the old one stops working at once. */
  renew(passphrase: string): Promise<Result<{ recoveryCode: string }, VaultError>> {
    return this.queue.run(async () => {
      const header = await this.keys.header();
      if (!header.ok) return header;
      const key = await this.keys.fromPassphrase(header.value, passphrase);
      if (!key.ok) return key;
      const recoveryCode = newRecoveryCode();
      const next = await this.slots.replace(header.value, 'recovery', recoveryCode, key.value);
      key.value.fill(0);
      const written = await this.store.replaceHeader(next, recoveryNote(next));
      return written.ok ? ok({ recoveryCode }) : written;
    });
  }

  /** A recovery code was shown and not yet confirmed as stored; works while locked. */
  async unconfirmed(): Promise<boolean> {
    const { header, note } = await this.store.readRecoveryNote();
    return recoveryUnconfirmed(header, note);
  }

  /** The user confirmed storing the code shown: the note goes. Only while unlocked. */
  stored(): Promise<Result<void, VaultError>> {
    return this.queue.run(async () => {
      const session = await this.keeper.current();
      return session ? this.store.clearRecoveryNote(session.vaultId) : err('vault_locked');
    });
  }
}
