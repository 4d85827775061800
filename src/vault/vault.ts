/**
 * The vault as the worker uses it: a small facade over its parts, each in its own file, as Aegis
 * separates them:
 *
 * - key-slots.ts: the vault key wrapped per passphrase and recovery code (Argon2id, AES-GCM);
 * - unlocked-session.ts: the unlocked key and lock deadline, surviving the worker being stopped;
 * - account-records.ts: decrypting accounts and the one write path, one transaction per write;
 * - backup-book.ts: what a backup holds, when the last was made, whether to remind;
 * - recovery-codes.ts: a recovery, a new recovery code, whether the last was confirmed as stored;
 * - store.ts: the only IndexedDB code.
 *
 * Only the background worker creates one. Secrets live here and in the worker's memory; what
 * leaves is decided by the handlers (codes and labels, never secrets).
 */
import { KEY_BYTES } from '../crypto/aead';
import { randomBytes, randomId } from '../crypto/random';
import { applyPolicy, type Policy } from '../policy/policy';
import { err, ok, type Result } from '../result';
import {
  AccountRecords,
  type AccountList,
  type AccountPatch,
  type AccountWrites,
  type NewAccount,
} from './account-records';
import { BackupBook, type BackupSnapshot } from './backup-book';
import type { BackupStatus } from './backup-state';
import { FORMAT_VERSION, type Account, type Header } from './format';
import {
  checkNewPassphrase,
  DEFAULT_KDF_COSTS,
  KeySlots,
  PASSPHRASE_LIMITS,
  type KdfCosts,
} from './key-slots';
import { newRecoveryCode } from './recovery';
import { RecoveryCodes, type Recovered } from './recovery-codes';
import { recoveryNote } from './recovery-note';
import { VaultKeys } from './vault-keys';
import type { ResetProof } from './reset-proof';
import type { ListedArea } from './session';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings';
import type { VaultStore } from './store';
import { SessionKeeper } from './unlocked-session';
import type { VaultError, VaultState } from './vault-errors';
import { WriteQueue } from './write-queue';

export { VAULT_ERRORS, type VaultError, type VaultState } from './vault-errors';
export { checkNewPassphrase, PASSPHRASE_LIMITS, type KdfCosts } from './key-slots';
export type { AccountList, AccountPatch, AccountWrites, NewAccount } from './account-records';
export type { BackupSnapshot } from './backup-book';
export { byUserOrder } from './ordering';
export { LOST_BOTH, type ResetProof } from './reset-proof';

export interface VaultDeps {
  readonly store: VaultStore;
  readonly session: ListedArea;
  readonly now: () => number;
  /** Argon2 costs for new slots (tests may use the floor to run quickly). */
  readonly kdf?: KdfCosts;
  /** Told the new lock deadline, or null when locked (awaited then: unlocked-session.ts). */
  readonly onLockChange?: (lockAt: number | null) => void | Promise<void>;
  /** The organisation's managed policy, which tightens the user's settings (none by default). */
  readonly policy?: () => Policy;
}

/** A new vault's recovery code (null: none allowed) and deadline (null: locked meanwhile). */
type Created = Result<{ recoveryCode: string | null; lockAt: number | null }, VaultError>;

export class Vault {
  private readonly queue = new WriteQueue();
  // A create in progress: it writes the header before the session, and state() waits for it.
  private creating: Promise<unknown> = Promise.resolve();
  private readonly slots: KeySlots;
  private readonly keys: VaultKeys;
  private readonly keeper: SessionKeeper;
  private readonly records: AccountRecords;
  private readonly book: BackupBook;
  private readonly recovery: RecoveryCodes;

  constructor(private readonly deps: VaultDeps) {
    this.slots = new KeySlots(deps.kdf ?? DEFAULT_KDF_COSTS);
    this.keys = new VaultKeys(deps.store, this.slots);
    this.keeper = new SessionKeeper({
      session: deps.session,
      now: deps.now,
      idleMinutes: async () => (await this.settings()).autoLockMinutes,
      ...(deps.onLockChange ? { onLockChange: deps.onLockChange } : {}),
    });
    this.records = new AccountRecords(deps.store, this.keeper, this.queue, deps.now);
    this.book = new BackupBook(deps.store, this.keeper, this.records, this.queue, deps.now);
    this.recovery = new RecoveryCodes(deps.store, this.keys, this.slots, this.keeper, this.queue);
  }

  // --- Settings ----------------------------------------------------------------------------

  /** The settings in force: the user's, tightened by managed policy. */
  async settings(): Promise<Settings> {
    return applyPolicy(await this.userSettings(), this.deps.policy?.() ?? {});
  }

  /** The settings as the user chose them (what a backup keeps, what the user edits). */
  async userSettings(): Promise<Settings> {
    return parseSettings(await this.deps.store.readSettings());
  }

  /**
   * Changes the user's settings. What is stored is never looser than the policy in force (a
   * value beyond it is stored at the policy's limit), so lifting the policy later cannot revive
   * a value the organisation had ruled out. Only while unlocked: someone at a locked browser must
   * not loosen its protections (auto-lock, screen lock, clipboard) before its owner unlocks.
   */
  async updateSettings(patch: Partial<Settings>): Promise<Result<Settings, VaultError>> {
    return this.queue.run(async () => {
      const { state } = await this.state();
      if (state !== 'unlocked') return err(state === 'absent' ? 'vault_absent' : 'vault_locked');
      const policy = this.deps.policy?.() ?? {};
      const next = applyPolicy(parseSettings({ ...(await this.userSettings()), ...patch }), policy);
      const written = await this.deps.store.writeSettings(next);
      return written.ok ? ok(next) : written;
    });
  }

  /**
   * A policy was read (at start, or changed while running): stored settings looser than it are
   * tightened at once, and the open session's deadline comes within its idle time.
   */
  async applyPolicy(policy: Policy): Promise<void> {
    await this.queue.run(async () => {
      if ((await this.deps.store.readHeader()) === undefined) return;
      const user = await this.userSettings();
      const clamped = applyPolicy(user, policy);
      if (JSON.stringify(clamped) !== JSON.stringify(user))
        await this.deps.store.writeSettings(clamped);
    });
    await this.keeper.clampDeadline();
  }

  // --- Lock state ----------------------------------------------------------------------------

  async state(): Promise<{ state: VaultState; lockAt: number | null }> {
    await this.creating;
    const session = await this.keeper.current();
    if (session) return { state: 'unlocked', lockAt: session.lockAt };
    const header = await this.deps.store.readHeader();
    return { state: header === undefined ? 'absent' : 'locked', lockAt: null };
  }

  /** Pushes the idle deadline back: called for each thing the user does with the vault. */
  touch(): Promise<number | null> {
    return this.keeper.touch();
  }

  lock = (): Promise<void> => this.keeper.lock();
  /** Locks so far: read before a code is made, checked before it leaves (a lock meanwhile wins). */
  lockCount = (): number => this.keeper.lockCount();

  // --- Keys --------------------------------------------------------------------------------

  /**
   * A new vault under `passphrase`, with a recovery code unless `recovery` is false (the
   * organisation allows none: the vault then has only its passphrase slot, and `recoveryCode`
   * is null).
   */
  async create(
    passphrase: string,
    minLength: number = PASSPHRASE_LIMITS.minLength,
    { recovery = true }: { recovery?: boolean } = {},
  ): Promise<Created> {
    const checked = checkNewPassphrase(passphrase, minLength);
    if (!checked.ok) return checked;
    // A lock from now on (the screen locked during the Argon2 runs) keeps the new vault locked.
    const since = this.keeper.lockCount();
    const created = this.queue.run(async (): Promise<Created> => {
      if ((await this.deps.store.readHeader()) !== undefined) return err('vault_exists');
      const vaultId = randomId();
      const vaultKey = randomBytes(KEY_BYTES);
      const recoveryCode = recovery ? newRecoveryCode() : null;
      const header: Header = {
        format: FORMAT_VERSION,
        vaultId,
        slots: [
          await this.slots.make(vaultId, 'passphrase', passphrase, vaultKey),
          ...(recoveryCode === null
            ? []
            : [await this.slots.make(vaultId, 'recovery', recoveryCode, vaultKey)]),
        ],
      };
      // With the note that its code is not yet confirmed as stored (recovery-note.ts).
      const note = recoveryNote(header);
      const written = await this.deps.store.createVault(header, DEFAULT_SETTINGS, note);
      if (!written.ok) return written;
      return ok({ recoveryCode, lockAt: await this.keeper.start(vaultId, vaultKey, since) });
    });
    this.creating = created.catch(() => undefined);
    return created;
  }

  async unlock(passphrase: string): Promise<Result<{ lockAt: number }, VaultError>> {
    const since = this.keeper.lockCount();
    const header = await this.keys.header();
    if (!header.ok) return header;
    const key = await this.keys.fromPassphrase(header.value, passphrase);
    if (!key.ok) return key;
    const lockAt = await this.keeper.start(header.value.vaultId, key.value, since);
    if (lockAt === null) return err('vault_locked');
    await this.purgeOnUnlock();
    return ok({ lockAt });
  }

  /**
   * Trash dates are encrypted, so expired trash can be found only while unlocked: unlocking is
   * the first chance since the last session (the purge alarm covers long sessions). Best effort:
   * a failure here must not undo the unlock; the next chance will try again.
   */
  private async purgeOnUnlock(): Promise<void> {
    await this.purgeExpiredTrash().catch(() => undefined);
  }

  /**
   * For a forgotten passphrase: the recovery code opens the vault, a new passphrase is set and
   * the used code replaced in the same header write; the new one is returned, to be shown once
   * (recovery-codes.ts).
   */
  async unlockWithRecovery(
    code: string,
    newPassphrase: string,
    minLength: number = PASSPHRASE_LIMITS.minLength,
  ): Promise<Recovered> {
    const unlocked = await this.recovery.unlock(code, newPassphrase, minLength);
    if (unlocked.ok) await this.purgeOnUnlock();
    return unlocked;
  }

  /** A new recovery code (shown once) for the passphrase; the old one stops working at once. */
  renewRecoveryCode(passphrase: string): Promise<Result<{ recoveryCode: string }, VaultError>> {
    return this.recovery.renew(passphrase);
  }

  /** A recovery code was shown and not yet confirmed as stored (recovery-note.ts). */
  recoveryUnconfirmed(): Promise<boolean> {
    return this.recovery.unconfirmed();
  }

  /** The user confirmed storing the recovery code shown: the note goes. Only while unlocked. */
  recoveryCodeStored(): Promise<Result<void, VaultError>> {
    return this.recovery.stored();
  }

  /** Rewraps the vault key under a new passphrase; the accounts are not touched. */
  async changePassphrase(
    current: string,
    next: string,
    minLength: number = PASSPHRASE_LIMITS.minLength,
  ): Promise<Result<void, VaultError>> {
    const checked = checkNewPassphrase(next, minLength);
    if (!checked.ok) return checked;
    return this.queue.run(async () => {
      const header = await this.keys.header();
      if (!header.ok) return header;
      const key = await this.keys.fromPassphrase(header.value, current);
      if (!key.ok) return key;
      const rewrapped = await this.slots.replace(header.value, 'passphrase', next, key.value);
      key.value.fill(0); // Not kept in memory once rewrapped (as renewRecoveryCode).
      return this.deps.store.replaceHeader(rewrapped);
    });
  }

  /** Checks the passphrase and changes nothing (a backup sealed under it, an export). */
  checkPassphrase(passphrase: string): Promise<Result<void, VaultError>> {
    return this.keys.check({ passphrase });
  }

  /** Checks the recovery code and changes nothing. */
  checkRecoveryCode(recoveryCode: string): Promise<Result<void, VaultError>> {
    return this.keys.check({ recoveryCode });
  }

  /**
   * Deletes the vault and everything in it, for whoever shows the passphrase, the recovery code
   * or the lost-both token (vault-keys.ts), checked inside the write queue. A refusal changes nothing.
   */
  async reset(proof: ResetProof): Promise<Result<void, VaultError>> {
    return this.queue.run(async () => {
      const proven = await this.keys.prove(proof);
      if (!proven.ok) return proven;
      // Locked first: no read in between finds a session over a deleted store.
      await this.keeper.lock();
      return this.deps.store.reset();
    });
  }

  // --- Accounts ------------------------------------------------------------------------------

  /** Accounts in use, in the Trash, and damaged records, each in the user's order. */
  list(): Promise<Result<AccountList, VaultError>> {
    return this.records.list();
  }

  /** Every account, trash included, in the user's order. */
  all(): Promise<Result<Account[], VaultError>> {
    return this.records.all();
  }

  get(id: string): Promise<Result<Account, VaultError>> {
    return this.records.get(id);
  }

  /** An account in use (`account_in_trash` for one in the Trash). */
  getActive(id: string): Promise<Result<Account, VaultError>> {
    return this.records.getActive(id);
  }

  /** Adds accounts in one transaction. */
  add(entries: readonly NewAccount[]): Promise<Result<Account[], VaultError>> {
    return this.records.add(entries);
  }

  update(
    ids: readonly string[],
    change: (current: Account) => AccountPatch | null,
    since?: number,
  ): Promise<Result<Account[], VaultError>> {
    return this.records.update(ids, change, since);
  }

  trash(ids: readonly string[]): Promise<Result<Account[], VaultError>> {
    return this.records.trash(ids);
  }

  untrash(ids: readonly string[]): Promise<Result<Account[], VaultError>> {
    return this.records.untrash(ids);
  }

  deleteFromTrash(ids: readonly string[]): Promise<Result<void, VaultError>> {
    return this.records.deleteFromTrash(ids);
  }

  /** Deletes trash entries older than the retention setting; returns their ids. */
  async purgeExpiredTrash(): Promise<Result<string[], VaultError>> {
    return this.records.purgeExpiredTrash((await this.settings()).trashRetentionDays);
  }

  move(id: string, beforeId: string | null): Promise<Result<void, VaultError>> {
    return this.records.move(id, beforeId);
  }

  /**
   * Writes whole accounts as they are (a restore, an import), moving the ones they replace to
   * the Trash, with `settings` if given, in one transaction (account-records.ts). When the vault
   * held nothing before, `backupAt` is given and accounts were added, that backup is recorded as
   * the last one: the vault then holds only what it holds. A restore that added nothing (every
   * account refused by the policy) leaves the vault without a backup, so that the reminder is not
   * put off for accounts added next, which no backup holds.
   */
  writeAccounts<E>(
    plan: (current: readonly Account[]) => Result<AccountWrites, E>,
    options: { settings?: Settings; backupAt?: number } = {},
  ): Promise<Result<AccountWrites, VaultError | E>> {
    return this.records.writeAccounts(plan, options.settings, async (wasEmpty, written) => {
      if (wasEmpty && written.add.length > 0 && options.backupAt !== undefined)
        await this.book.recordCurrent(options.backupAt);
    });
  }

  // --- Backups -------------------------------------------------------------------------------

  backupSnapshot(): Promise<Result<BackupSnapshot, VaultError>> {
    return this.book.snapshot(() => this.userSettings());
  }

  recordBackup(at: number, fingerprint: string): Promise<Result<void, VaultError>> {
    return this.book.record(at, fingerprint);
  }

  async backupStatus(): Promise<BackupStatus> {
    return this.book.status((await this.settings()).backupReminderDays);
  }
}
