/**
 * Backup bookkeeping: what a backup is made of (read at one moment), when the last one was made
 * and of which records (a fingerprint), and whether to remind the user. The records themselves
 * stay encrypted here: the fingerprint is over the stored ciphertexts.
 */
import { err, ok, type Result } from '../result';
import type { AccountRecords } from './account-records';
import {
  backupStatus,
  parseBackupState,
  recordsFingerprint,
  type BackupState,
  type BackupStatus,
} from './backup-state';
import type { Account } from './format';
import { parseHeader } from './format';
import type { Settings } from '../settings';
import type { VaultStore } from './store';
import type { SessionKeeper } from './unlocked-session';
import type { VaultError } from './vault-errors';
import type { WriteQueue } from './write-queue';

/** What a backup is made of, read at one moment (no write in between). */
export interface BackupSnapshot {
  /** Every account, trash included, in the user's order. */
  readonly accounts: readonly Account[];
  /** Records that could not be read: they cannot be in a backup, and the user is told. */
  readonly damaged: readonly string[];
  readonly settings: Settings;
  /** The fingerprint of the stored records these accounts are (src/vault/backup-state.ts). */
  readonly fingerprint: string;
}

export class BackupBook {
  constructor(
    private readonly store: VaultStore,
    private readonly keeper: SessionKeeper,
    private readonly records: AccountRecords,
    private readonly queue: WriteQueue,
    private readonly now: () => number,
  ) {}

  /** Everything a backup holds, with the fingerprint to record once it is made. */
  snapshot(userSettings: () => Promise<Settings>): Promise<Result<BackupSnapshot, VaultError>> {
    return this.queue.run(async () => {
      const loaded = await this.records.loaded();
      if (!loaded.ok) return loaded;
      const all = await this.records.all();
      if (!all.ok) return all;
      const { records } = await this.store.readAll();
      return ok({
        accounts: all.value,
        damaged: [...loaded.value.damaged],
        settings: await userSettings(),
        fingerprint: await recordsFingerprint(records),
      });
    });
  }

  /** Records that a backup of the records with `fingerprint` was made at `at`. */
  async record(at: number, fingerprint: string): Promise<Result<void, VaultError>> {
    const session = await this.keeper.current();
    if (!session) return err('vault_locked');
    const state: BackupState = { vaultId: session.vaultId, at, fingerprint };
    return this.store.writeBackupState(session.vaultId, state);
  }

  /**
   * After a restore into an empty vault: the vault is now exactly what that backup holds, so it
   * counts as the last backup (no reminder right after a fresh restore). Only a reminder depends
   * on it: a failure here must not fail the restore that succeeded.
   */
  async recordCurrent(at: number): Promise<void> {
    try {
      const session = await this.keeper.current();
      if (!session) return;
      const { records } = await this.store.readAll();
      const state: BackupState = {
        vaultId: session.vaultId,
        at,
        fingerprint: await recordsFingerprint(records),
      };
      await this.store.writeBackupState(session.vaultId, state);
    } catch {
      // The restore is committed: the reminder shows, as after any change.
    }
  }

  /** The last backup and whether to remind; works while locked (it needs no key). */
  async status(reminderDays: number): Promise<BackupStatus> {
    const { header, records } = await this.store.readAll();
    const parsed = parseHeader(header);
    const state = parsed.ok
      ? parseBackupState(await this.store.readBackupState(), parsed.value.vaultId)
      : null;
    return backupStatus({
      state,
      fingerprint: await recordsFingerprint(records),
      recordCount: records.length,
      reminderDays,
      now: this.now(),
    });
  }
}
