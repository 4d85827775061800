/**
 * The vault as the worker uses it: create, unlock, lock, rekey, reset, and read and write accounts.
 * Only the background worker creates one. Secrets live here and in the worker's memory; what
 * leaves is decided by the handlers (codes and labels, never secrets).
 *
 * Writes are serialised through one queue, so two pages changing the same account at once cannot
 * lose either change; each write is one IndexedDB transaction (src/vault/store.ts).
 */
import { open, seal, importAesKey, KEY_BYTES } from '../crypto/aead';
import { fromUtf8 } from '../crypto/bytes';
import {
  deriveKey,
  PASSPHRASE_KDF,
  RECOVERY_KDF,
  SALT_BYTES,
  type Argon2Params,
} from '../crypto/kdf';
import { randomBytes, randomId } from '../crypto/random';
import type { OtpEntry } from '../otp/types';
import { err, ok, type Result } from '../result';
import {
  decodeAccount,
  encodeAccount,
  FORMAT_VERSION,
  parseHeader,
  parseRecord,
  recordAad,
  slotAad,
  type Account,
  type Header,
  type Slot,
  type SlotKind,
  type StoredRecord,
} from './format';
import {
  backupStatus,
  parseBackupState,
  recordsFingerprint,
  type BackupState,
  type BackupStatus,
} from './backup-state';
import { byUserOrder, planMove } from './ordering';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery';
import { clearSession, readSession, writeSession, type SessionArea } from './session';
import { applyPolicy, type Policy } from '../policy/policy';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import type { VaultStore } from './store';

export const VAULT_ERRORS = [
  'vault_absent',
  'vault_exists',
  'vault_corrupt',
  'vault_too_new',
  'vault_changed',
  'vault_locked',
  'wrong_passphrase',
  'wrong_recovery_code',
  'recovery_code_invalid',
  'passphrase_too_short',
  'passphrase_too_long',
  'account_not_found',
  /** Deleting for good is only for accounts already in the trash. */
  'account_not_in_trash',
] as const;
export type VaultError = (typeof VAULT_ERRORS)[number];

export type VaultState = 'absent' | 'locked' | 'unlocked';

export const PASSPHRASE_LIMITS = {
  /** The default floor; managed policy may raise it. */
  minLength: 8,
  /** For new passphrases. Unlocking accepts anything (a wrong one just fails). */
  maxLength: 4096,
} as const;

export interface KdfCosts {
  readonly passphrase: { memoryKiB: number; iterations: number; parallelism: number };
  readonly recovery: { memoryKiB: number; iterations: number; parallelism: number };
}

export interface VaultDeps {
  readonly store: VaultStore;
  readonly session: SessionArea;
  readonly now: () => number;
  /** Argon2 costs for new slots (tests may use the floor to run quickly). */
  readonly kdf?: KdfCosts;
  /** Told the new lock deadline (or null when locked), to schedule the lock alarm. */
  readonly onLockChange?: (lockAt: number | null) => void;
  /** The organisation's managed policy, which tightens the user's settings (none by default). */
  readonly policy?: () => Policy;
}

/** What a new account is made from: the OTP entry plus the user's fields. */
export interface NewAccount extends OtpEntry {
  readonly note?: string;
  readonly site?: string;
  readonly pinned?: boolean;
}

/** Fields of an account that can be changed in place. */
export type AccountPatch = Partial<
  Pick<
    Account,
    'issuer' | 'account' | 'note' | 'site' | 'pinned' | 'order' | 'trashedAt' | 'counter'
  >
>;

interface Unlocked {
  readonly vaultId: string;
  readonly key: CryptoKey;
  readonly raw: Uint8Array;
  lockAt: number;
  /** Decrypted accounts, loaded on first use after each wake. */
  accounts: Map<string, Account> | null;
  damaged: string[];
}

/** Whole accounts written as they are, with their own ids, order and timestamps: a restore. */
export interface AccountWrites {
  /** New records (an id already taken by an account is a bug in the caller). */
  readonly add: readonly Account[];
  /** New contents for existing records, by id. */
  readonly replace: readonly Account[];
}

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

const DAY_MS = 86_400_000;

export interface AccountList {
  readonly accounts: readonly Account[];
  /** Records that failed to decrypt or validate: kept untouched, reported, never shown. */
  readonly damaged: readonly string[];
}

export class Vault {
  private unlocked: Unlocked | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly kdf: KdfCosts;

  constructor(private readonly deps: VaultDeps) {
    this.kdf = deps.kdf ?? { passphrase: PASSPHRASE_KDF, recovery: RECOVERY_KDF };
  }

  /** Runs `task` after every earlier write has finished: one writer at a time. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The settings in force: the user's, tightened by managed policy. */
  async settings(): Promise<Settings> {
    return applyPolicy(await this.userSettings(), this.deps.policy?.() ?? {});
  }

  /** The settings as the user chose them (what a backup keeps, what the user edits). */
  async userSettings(): Promise<Settings> {
    return parseSettings(await this.deps.store.readSettings());
  }

  async state(): Promise<{ state: VaultState; lockAt: number | null }> {
    const session = await this.session();
    if (session) return { state: 'unlocked', lockAt: session.lockAt };
    const header = await this.deps.store.readHeader();
    return { state: header === undefined ? 'absent' : 'locked', lockAt: null };
  }

  /** The live session, restored from session storage after the worker was stopped. */
  private async session(): Promise<Unlocked | null> {
    const now = this.deps.now();
    if (this.unlocked && this.unlocked.lockAt > now) return this.unlocked;
    const stored = await readSession(this.deps.session, now);
    if (stored === null) {
      if (this.unlocked) this.forget();
      return null;
    }
    if (this.unlocked?.vaultId === stored.vaultId) {
      this.unlocked.lockAt = stored.lockAt;
      return this.unlocked;
    }
    this.unlocked = {
      vaultId: stored.vaultId,
      key: await importAesKey(stored.vaultKey),
      raw: stored.vaultKey,
      lockAt: stored.lockAt,
      accounts: null,
      damaged: [],
    };
    return this.unlocked;
  }

  private forget(): void {
    this.unlocked = null;
    this.deps.onLockChange?.(null);
  }

  private async startSession(vaultId: string, raw: Uint8Array): Promise<number> {
    const settings = await this.settings();
    const lockAt = this.deps.now() + settings.autoLockMinutes * 60_000;
    await writeSession(this.deps.session, { vaultId, vaultKey: raw, lockAt });
    this.unlocked = {
      vaultId,
      key: await importAesKey(raw),
      raw,
      lockAt,
      accounts: null,
      damaged: [],
    };
    this.deps.onLockChange?.(lockAt);
    return lockAt;
  }

  /** Pushes the idle deadline back: called for each thing the user does with the vault. */
  async touch(): Promise<number | null> {
    const session = await this.session();
    if (!session) return null;
    const settings = await this.settings();
    const lockAt = this.deps.now() + settings.autoLockMinutes * 60_000;
    await writeSession(this.deps.session, {
      vaultId: session.vaultId,
      vaultKey: session.raw,
      lockAt,
    });
    session.lockAt = lockAt;
    this.deps.onLockChange?.(lockAt);
    return lockAt;
  }

  async lock(): Promise<void> {
    await clearSession(this.deps.session);
    this.forget();
  }

  private async newSlot(
    vaultId: string,
    kind: SlotKind,
    secret: string,
    vaultKey: Uint8Array,
  ): Promise<Slot> {
    const costs = kind === 'passphrase' ? this.kdf.passphrase : this.kdf.recovery;
    const kdf: Argon2Params = {
      alg: 'argon2id',
      version: 19,
      ...costs,
      salt: randomBytes(SALT_BYTES),
    };
    const derived = await deriveKey(secret, kdf);
    if (!derived.ok) throw new Error('Otter chose KDF parameters outside its own bounds');
    const base = { id: randomId(), kind, kdf };
    const sealed = await seal(await importAesKey(derived.value), vaultKey, slotAad(vaultId, base));
    return { ...base, iv: sealed.iv, key: sealed.data };
  }

  /** Tries each slot of `kind` with `secret`; the vault key, or which way it failed. */
  private async openSlots(
    header: Header,
    kind: SlotKind,
    secret: string,
  ): Promise<Result<Uint8Array, 'wrong' | 'vault_corrupt'>> {
    const slots = header.slots.filter((s) => s.kind === kind);
    // Nothing was ever set up with an empty passphrase; Argon2 would refuse it anyway.
    if (secret === '') return err(slots.length > 0 ? 'wrong' : 'vault_corrupt');
    let usable = 0;
    for (const slot of slots) {
      const derived = await deriveKey(secret, slot.kdf);
      if (!derived.ok) continue;
      usable++;
      const opened = await open(
        await importAesKey(derived.value),
        { iv: slot.iv, data: slot.key },
        slotAad(header.vaultId, slot),
      );
      if (opened.ok && opened.value.length === KEY_BYTES) return ok(opened.value);
    }
    return err(usable === 0 ? 'vault_corrupt' : 'wrong');
  }

  private async readHeader(): Promise<Result<Header, VaultError>> {
    const raw = await this.deps.store.readHeader();
    if (raw === undefined) return err('vault_absent');
    const header = parseHeader(raw);
    if (!header.ok) return header;
    // Older formats are migrated when the worker starts; a newer one was written by a newer Otter.
    if (header.value.format > FORMAT_VERSION) return err('vault_too_new');
    if (header.value.format !== FORMAT_VERSION) return err('vault_corrupt');
    return header;
  }

  async create(
    passphrase: string,
    minLength: number = PASSPHRASE_LIMITS.minLength,
  ): Promise<Result<{ recoveryCode: string; lockAt: number }, VaultError>> {
    const checked = checkNewPassphrase(passphrase, minLength);
    if (!checked.ok) return checked;
    return this.serialize(async () => {
      if ((await this.deps.store.readHeader()) !== undefined) return err('vault_exists');
      const vaultId = randomId();
      const vaultKey = randomBytes(KEY_BYTES);
      const recoveryCode = newRecoveryCode();
      const header: Header = {
        format: FORMAT_VERSION,
        vaultId,
        slots: [
          await this.newSlot(vaultId, 'passphrase', passphrase, vaultKey),
          await this.newSlot(vaultId, 'recovery', recoveryCode, vaultKey),
        ],
      };
      const written = await this.deps.store.createVault(header, DEFAULT_SETTINGS);
      if (!written.ok) return written;
      const lockAt = await this.startSession(vaultId, vaultKey);
      return ok({ recoveryCode, lockAt });
    });
  }

  async unlock(passphrase: string): Promise<Result<{ lockAt: number }, VaultError>> {
    const header = await this.readHeader();
    if (!header.ok) return header;
    const key = await this.openSlots(header.value, 'passphrase', passphrase);
    if (!key.ok) return err(key.error === 'wrong' ? 'wrong_passphrase' : key.error);
    const lockAt = await this.startSession(header.value.vaultId, key.value);
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

  /** For a forgotten passphrase: the recovery code opens the vault and a new passphrase is set. */
  async unlockWithRecovery(
    code: string,
    newPassphrase: string,
    minLength: number = PASSPHRASE_LIMITS.minLength,
  ): Promise<Result<{ lockAt: number }, VaultError>> {
    const normalized = normalizeRecoveryCode(code);
    if (!normalized.ok) return normalized;
    const checked = checkNewPassphrase(newPassphrase, minLength);
    if (!checked.ok) return checked;
    const unlocked = await this.serialize(
      async (): Promise<Result<{ lockAt: number }, VaultError>> => {
        const header = await this.readHeader();
        if (!header.ok) return header;
        const key = await this.openSlots(header.value, 'recovery', normalized.value);
        if (!key.ok) return err(key.error === 'wrong' ? 'wrong_recovery_code' : key.error);
        const rekeyed = await this.replacePassphraseSlot(header.value, newPassphrase, key.value);
        if (!rekeyed.ok) return rekeyed;
        return ok({ lockAt: await this.startSession(header.value.vaultId, key.value) });
      },
    );
    if (unlocked.ok) await this.purgeOnUnlock();
    return unlocked;
  }

  /** Rewraps the vault key under a new passphrase; the accounts are not touched. */
  async changePassphrase(
    current: string,
    next: string,
    minLength: number = PASSPHRASE_LIMITS.minLength,
  ): Promise<Result<void, VaultError>> {
    const checked = checkNewPassphrase(next, minLength);
    if (!checked.ok) return checked;
    return this.serialize(async () => {
      const header = await this.readHeader();
      if (!header.ok) return header;
      const key = await this.openSlots(header.value, 'passphrase', current);
      if (!key.ok) return err(key.error === 'wrong' ? 'wrong_passphrase' : key.error);
      return this.replacePassphraseSlot(header.value, next, key.value);
    });
  }

  private async replacePassphraseSlot(
    header: Header,
    passphrase: string,
    vaultKey: Uint8Array,
  ): Promise<Result<void, VaultError>> {
    const slot = await this.newSlot(header.vaultId, 'passphrase', passphrase, vaultKey);
    // The new header is written whole, in one strict transaction: the old slot is replaced
    // only when the new one is committed.
    const next: Header = {
      ...header,
      slots: [slot, ...header.slots.filter((s) => s.kind !== 'passphrase')],
    };
    return this.deps.store.replaceHeader(next);
  }

  /** Deletes the vault and everything in it. The UI confirms twice before asking. */
  async reset(): Promise<Result<void, VaultError>> {
    return this.serialize(async () => {
      const done = await this.deps.store.reset();
      await this.lock();
      return done;
    });
  }

  private async loaded(): Promise<
    Result<Unlocked & { accounts: Map<string, Account> }, VaultError>
  > {
    const session = await this.session();
    if (!session)
      return err(
        (await this.deps.store.readHeader()) === undefined ? 'vault_absent' : 'vault_locked',
      );
    if (session.accounts) return ok(session as Unlocked & { accounts: Map<string, Account> });
    const { header, records } = await this.deps.store.readAll();
    const parsed = parseHeader(header);
    if (!parsed.ok) return err('vault_corrupt');
    if (parsed.value.vaultId !== session.vaultId) {
      await this.lock();
      return err('vault_changed');
    }
    const accounts = new Map<string, Account>();
    const damaged: string[] = [];
    await Promise.all(
      records.map(async (raw) => {
        const record = parseRecord(raw);
        const id = record?.id ?? (raw as { id?: unknown } | null)?.id;
        const account = record ? await this.decrypt(session, record) : null;
        if (account) accounts.set(account.id, account);
        else damaged.push(typeof id === 'string' ? id : '?');
      }),
    );
    session.accounts = accounts;
    session.damaged = damaged.sort();
    return ok(session as Unlocked & { accounts: Map<string, Account> });
  }

  private async decrypt(session: Unlocked, record: StoredRecord): Promise<Account | null> {
    const plain = await open(session.key, record, recordAad(session.vaultId, record.id));
    if (!plain.ok) return null;
    const text = fromUtf8(plain.value);
    if (text === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return null;
    }
    const account = decodeAccount(record.id, json);
    return account.ok ? account.value : null;
  }

  private async encrypt(session: Unlocked, account: Account): Promise<StoredRecord> {
    const sealed = await seal(
      session.key,
      encodeAccount(account),
      recordAad(session.vaultId, account.id),
    );
    return { id: account.id, iv: sealed.iv, data: sealed.data };
  }

  /** Every account, trash included, in the user's order (pinned first). */
  async list(): Promise<Result<AccountList, VaultError>> {
    const loaded = await this.loaded();
    if (!loaded.ok) return loaded;
    const accounts = [...loaded.value.accounts.values()].sort(byUserOrder);
    return ok({ accounts, damaged: [...loaded.value.damaged] });
  }

  async get(id: string): Promise<Result<Account, VaultError>> {
    const loaded = await this.loaded();
    if (!loaded.ok) return loaded;
    const account = loaded.value.accounts.get(id);
    return account ? ok(account) : err('account_not_found');
  }

  /** Adds accounts in one transaction: all of them, or none. */
  async add(entries: readonly NewAccount[]): Promise<Result<Account[], VaultError>> {
    return this.serialize(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const session = loaded.value;
      const now = this.deps.now();
      let order = Math.max(0, ...[...session.accounts.values()].map((a) => a.order));
      const accounts = entries.map((entry): Account => ({
        ...entry,
        extra: { ...entry.extra },
        id: randomId(),
        note: entry.note ?? '',
        site: entry.site ?? '',
        pinned: entry.pinned ?? false,
        order: ++order,
        createdAt: now,
        updatedAt: now,
        trashedAt: null,
      }));
      const records = await Promise.all(accounts.map((a) => this.encrypt(session, a)));
      const written = await this.deps.store.writeRecords(session.vaultId, records);
      if (!written.ok) return written;
      for (const a of accounts) session.accounts.set(a.id, a);
      return ok(accounts);
    });
  }

  /**
   * Changes fields of accounts, all in one transaction. `change` sees the current state of each
   * account (after every earlier write), so concurrent edits of different fields both survive.
   */
  async update(
    ids: readonly string[],
    change: (current: Account) => AccountPatch,
  ): Promise<Result<Account[], VaultError>> {
    return this.serialize(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const session = loaded.value;
      const now = this.deps.now();
      const updated: Account[] = [];
      for (const id of ids) {
        const current = session.accounts.get(id);
        if (!current) return err('account_not_found');
        updated.push({ ...current, ...change(current), updatedAt: now });
      }
      const records = await Promise.all(updated.map((a) => this.encrypt(session, a)));
      const written = await this.deps.store.writeRecords(session.vaultId, records);
      if (!written.ok) return written;
      for (const a of updated) session.accounts.set(a.id, a);
      return ok(updated);
    });
  }

  /** Deletes accounts for good (from the trash, or an explicit purge), in one transaction. */
  async purge(ids: readonly string[]): Promise<Result<void, VaultError>> {
    return this.serialize(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const session = loaded.value;
      for (const id of ids) if (!session.accounts.has(id)) return err('account_not_found');
      const written = await this.deps.store.writeRecords(session.vaultId, [], ids);
      if (!written.ok) return written;
      for (const id of ids) session.accounts.delete(id);
      return ok(undefined);
    });
  }

  async updateSettings(patch: Partial<Settings>): Promise<Result<Settings, VaultError>> {
    return this.serialize(async () => {
      const next = parseSettings({ ...(await this.userSettings()), ...patch });
      const written = await this.deps.store.writeSettings(next);
      return written.ok ? ok(applyPolicy(next, this.deps.policy?.() ?? {})) : written;
    });
  }

  /** Encrypts and writes `puts` and deletes `deletes` in one transaction, then updates the cache. */
  private async commit(
    session: Unlocked & { accounts: Map<string, Account> },
    puts: readonly Account[],
    deletes: readonly string[] = [],
    settings?: Settings,
  ): Promise<Result<void, VaultError>> {
    const records = await Promise.all(puts.map((a) => this.encrypt(session, a)));
    const written = await this.deps.store.writeRecords(
      session.vaultId,
      records,
      deletes,
      settings ? { settings } : {},
    );
    if (!written.ok) return written;
    for (const id of deletes) session.accounts.delete(id);
    for (const a of puts) session.accounts.set(a.id, a);
    return ok(undefined);
  }

  /** Checks the passphrase and changes nothing: to seal a backup under it, typed again. */
  async checkPassphrase(passphrase: string): Promise<Result<void, VaultError>> {
    const header = await this.readHeader();
    if (!header.ok) return header;
    const key = await this.openSlots(header.value, 'passphrase', passphrase);
    if (!key.ok) return err(key.error === 'wrong' ? 'wrong_passphrase' : key.error);
    key.value.fill(0);
    return ok(undefined);
  }

  /** Moves accounts to the trash; one already there keeps its date. */
  trash(ids: readonly string[]): Promise<Result<Account[], VaultError>> {
    const now = this.deps.now();
    return this.update(ids, (a) => ({ trashedAt: a.trashedAt ?? now }));
  }

  /** Takes accounts out of the trash, back to where they were in the order. */
  untrash(ids: readonly string[]): Promise<Result<Account[], VaultError>> {
    return this.update(ids, () => ({ trashedAt: null }));
  }

  /** Deletes accounts for good, only from the trash: an account in use cannot be lost this way. */
  async deleteFromTrash(ids: readonly string[]): Promise<Result<void, VaultError>> {
    return this.serialize(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      for (const id of ids) {
        const account = loaded.value.accounts.get(id);
        if (!account) return err('account_not_found');
        if (account.trashedAt === null) return err('account_not_in_trash');
      }
      return this.commit(loaded.value, [], ids);
    });
  }

  /** Deletes trash entries older than the retention setting; returns their ids. */
  async purgeExpiredTrash(): Promise<Result<string[], VaultError>> {
    return this.serialize(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const { trashRetentionDays } = await this.settings();
      const cutoff = this.deps.now() - trashRetentionDays * DAY_MS;
      const expired = [...loaded.value.accounts.values()]
        .filter((a) => a.trashedAt !== null && a.trashedAt <= cutoff)
        .map((a) => a.id);
      if (expired.length === 0) return ok([]);
      const done = await this.commit(loaded.value, [], expired);
      return done.ok ? ok(expired) : done;
    });
  }

  /** Puts account `id` right before `beforeId` (null: last) in its group (src/vault/ordering.ts). */
  async move(id: string, beforeId: string | null): Promise<Result<void, VaultError>> {
    return this.serialize(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const session = loaded.value;
      const planned = planMove([...session.accounts.values()], id, beforeId);
      if (!planned.ok) return planned;
      const now = this.deps.now();
      const moved = planned.value.map((c): Account => ({
        ...session.accounts.get(c.id)!,
        order: c.order,
        updatedAt: now,
      }));
      return moved.length === 0 ? ok(undefined) : this.commit(session, moved);
    });
  }

  /**
   * Writes whole accounts as they are (a restore), with `settings` if given, in one transaction:
   * all of it or nothing. `plan` runs inside the write queue and sees every current account,
   * trash included, so what it decides cannot be overtaken by another write.
   *
   * An added account whose id is that of a damaged (unreadable) record replaces it: a record id
   * is random, so that is the same account, and the backup's copy is a readable one.
   *
   * When the vault held nothing before and `backupAt` is given, the vault is now exactly what that
   * backup holds, so it is recorded as the last backup (no reminder right after a fresh restore).
   */
  async writeAccounts<E>(
    plan: (current: readonly Account[]) => Result<AccountWrites, E>,
    options: { settings?: Settings; backupAt?: number } = {},
  ): Promise<Result<AccountWrites, VaultError | E>> {
    return this.serialize(async (): Promise<Result<AccountWrites, VaultError | E>> => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const session = loaded.value;
      const wasEmpty = session.accounts.size === 0 && session.damaged.length === 0;
      const planned = plan([...session.accounts.values()].sort(byUserOrder));
      if (!planned.ok) return planned;
      const { add, replace } = planned.value;
      const seen = new Set<string>();
      for (const a of [...add, ...replace]) {
        const exists = session.accounts.has(a.id);
        if (seen.has(a.id) || exists !== replace.includes(a)) {
          throw new Error('writeAccounts: an added id is taken, or a replaced one is missing');
        }
        seen.add(a.id);
      }
      const done = await this.commit(session, [...add, ...replace], [], options.settings);
      if (!done.ok) return done;
      session.damaged = session.damaged.filter((id) => !seen.has(id));
      if (wasEmpty && options.backupAt !== undefined) {
        await this.writeBackupState(session, options.backupAt);
      }
      return ok({ add, replace });
    });
  }

  /** Everything a backup holds, with the fingerprint to record once it is made. */
  async backupSnapshot(): Promise<Result<BackupSnapshot, VaultError>> {
    return this.serialize(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const { records } = await this.deps.store.readAll();
      return ok({
        accounts: [...loaded.value.accounts.values()].sort(byUserOrder),
        damaged: [...loaded.value.damaged],
        settings: await this.userSettings(),
        fingerprint: await recordsFingerprint(records),
      });
    });
  }

  /** Records that a backup of the records with `fingerprint` was made at `at`. */
  async recordBackup(at: number, fingerprint: string): Promise<Result<void, VaultError>> {
    const session = await this.session();
    if (!session) return err('vault_locked');
    const state: BackupState = { vaultId: session.vaultId, at, fingerprint };
    return this.deps.store.writeBackupState(session.vaultId, state);
  }

  private async writeBackupState(session: Unlocked, at: number): Promise<void> {
    const { records } = await this.deps.store.readAll();
    const state: BackupState = {
      vaultId: session.vaultId,
      at,
      fingerprint: await recordsFingerprint(records),
    };
    // Only a reminder depends on it: a failure here must not fail the restore that succeeded.
    await this.deps.store.writeBackupState(session.vaultId, state);
  }

  /** The last backup and whether to remind; works while locked (it needs no key). */
  async backupStatus(): Promise<BackupStatus> {
    const { header, records } = await this.deps.store.readAll();
    const parsed = parseHeader(header);
    const settings = await this.settings();
    const state = parsed.ok
      ? parseBackupState(await this.deps.store.readBackupState(), parsed.value.vaultId)
      : null;
    return backupStatus({
      state,
      fingerprint: await recordsFingerprint(records),
      recordCount: records.length,
      reminderDays: settings.backupReminderDays,
      now: this.deps.now(),
    });
  }
}

/** The rules for a new passphrase, also applied to a separate backup password. */
export function checkNewPassphrase(
  passphrase: string,
  minLength: number = PASSPHRASE_LIMITS.minLength,
): Result<void, VaultError> {
  // Length in code points, as a person counts characters.
  const length = [...passphrase].length;
  if (length < Math.max(minLength, PASSPHRASE_LIMITS.minLength)) return err('passphrase_too_short');
  if (length > PASSPHRASE_LIMITS.maxLength) return err('passphrase_too_long');
  return ok(undefined);
}

export { byUserOrder } from './ordering';
