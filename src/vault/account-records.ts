/**
 * Account records: decrypting them once per wake, and the one write path (`commit`), through
 * which every add, edit, trash, delete, move and restore goes as one IndexedDB transaction. A
 * record is written only if it reads back: each account is checked against the reader's bounds
 * (format.ts) before anything is written, so nothing the vault accepts can later show as damaged.
 */
import { open, seal } from '../crypto/aead';
import { fromUtf8 } from '../bytes';
import { randomId } from '../crypto/random';
import type { OtpEntry } from '../otp/types';
import { err, ok, type Result } from '../result';
import {
  decodeAccount,
  encodeAccount,
  parseHeader,
  parseRecord,
  recordAad,
  trashExpired,
  type Account,
  type StoredRecord,
} from './format';
import { byUserOrder, planMove } from './ordering';
import type { Settings } from '../settings';
import type { VaultStore } from './store';
import type { SessionKeeper, Unlocked } from './unlocked-session';
import type { VaultError } from './vault-errors';
import type { WriteQueue } from './write-queue';

/** What a new account is made from: the OTP entry plus the user's fields. */
export interface NewAccount extends OtpEntry {
  readonly note?: string;
  /** Canonical origins (src/sites/site-list.ts), as the reader requires. */
  readonly sites?: readonly string[];
  readonly pinned?: boolean;
}

/** Fields of an account that can be changed in place. */
export type AccountPatch = Partial<
  Pick<
    Account,
    'issuer' | 'account' | 'note' | 'sites' | 'pinned' | 'order' | 'trashedAt' | 'counter'
  >
>;

/** The vault's accounts, sorted in the user's order (pinned first). */
export interface AccountList {
  /** In use: shown in the popup, filled, exported. */
  readonly active: readonly Account[];
  /** In the Trash, most recently removed first. */
  readonly trashed: readonly Account[];
  /** Record ids that failed to decrypt or validate: kept untouched, reported, never shown. */
  readonly damaged: readonly string[];
}

/**
 * Whole accounts written as they are, with their own ids, order and timestamps (a restore, an
 * import), and the accounts they replace. No existing account is ever overwritten: one that is
 * replaced goes to the Trash, so every change a restore or an import makes has a way back.
 */
export interface AccountWrites {
  /** New records (an id already taken by an account is a bug in the caller). */
  readonly add: readonly Account[];
  /** Ids of existing accounts to move to the Trash (one already there keeps its date). */
  readonly trash: readonly string[];
}

type Loaded = Unlocked & { accounts: Map<string, Account> };

/**
 * The accounts `ids` as they are once moved to the Trash (one already there keeps its date), or
 * null when one is missing. How every replaced account is written: add, import and restore.
 */
function intoTrash(session: Loaded, ids: readonly string[], now: number): Account[] | null {
  const trashed: Account[] = [];
  for (const id of ids) {
    const old = session.accounts.get(id);
    if (!old) return null;
    trashed.push({ ...old, trashedAt: old.trashedAt ?? now, updatedAt: now });
  }
  return trashed;
}

/** The highest `order` of `accounts` (the Trash included), 0 for none: new ones go after it. */
export function lastOrder(accounts: Iterable<Account>): number {
  let last = 0;
  for (const a of accounts) last = Math.max(last, a.order);
  return last;
}

/**
 * The records `entries` are saved as, after every account of `current` (the Trash included), in
 * their order: each with a fresh id, created `now`.
 */
export function newRecords(
  entries: readonly NewAccount[],
  current: Iterable<Account>,
  now: number,
): Account[] {
  let order = lastOrder(current);
  return entries.map((entry) => ({
    ...entry,
    extra: { ...entry.extra },
    id: randomId(),
    note: entry.note ?? '',
    sites: [...(entry.sites ?? [])],
    pinned: entry.pinned ?? false,
    order: ++order,
    createdAt: now,
    updatedAt: now,
    trashedAt: null,
  }));
}

export class AccountRecords {
  constructor(
    private readonly store: VaultStore,
    private readonly keeper: SessionKeeper,
    private readonly queue: WriteQueue,
    private readonly now: () => number,
  ) {}

  /**
   * Decryptions under way, one per session: requests that wake the worker together (the popup's
   * list, the trash alarm, the scanner's warm-up) share it instead of each decrypting every account.
   */
  private readonly loading = new WeakMap<Unlocked, Promise<Result<Loaded, VaultError>>>();

  /** The unlocked session with its accounts decrypted (once per wake). */
  async loaded(): Promise<Result<Loaded, VaultError>> {
    const session = await this.keeper.current();
    if (!session)
      return err((await this.store.readHeader()) === undefined ? 'vault_absent' : 'vault_locked');
    if (session.accounts) return ok(session as Loaded);
    let load = this.loading.get(session);
    if (load === undefined) {
      load = this.load(session).finally(() => this.loading.delete(session));
      this.loading.set(session, load);
    }
    return load;
  }

  private async load(session: Unlocked): Promise<Result<Loaded, VaultError>> {
    const { header, records } = await this.store.readAll();
    const parsed = parseHeader(header);
    if (!parsed.ok) return err('vault_corrupt');
    if (parsed.value.vaultId !== session.vaultId) {
      await this.keeper.lock();
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
    return ok(session as Loaded);
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

  /** The account's record, or null when it would not read back (outside the reader's bounds). */
  private async encrypt(session: Unlocked, account: Account): Promise<StoredRecord | null> {
    const plain = encodeAccount(account);
    const text = fromUtf8(plain);
    if (text === null || !decodeAccount(account.id, JSON.parse(text)).ok) return null;
    const sealed = await seal(session.key, plain, recordAad(session.vaultId, account.id));
    return { id: account.id, iv: sealed.iv, data: sealed.data };
  }

  /**
   * The one write path: encrypts and writes `puts`, deletes `deletes` (and writes `settings`) in
   * one transaction, then updates the decrypted copy. Nothing is written if any account would not
   * read back.
   */
  private async commit(
    session: Loaded,
    puts: readonly Account[],
    deletes: readonly string[] = [],
    settings?: Settings,
  ): Promise<Result<void, VaultError>> {
    const records = await Promise.all(puts.map((a) => this.encrypt(session, a)));
    if (records.some((r) => r === null)) return err('account_invalid');
    const written = await this.store.writeRecords(
      session.vaultId,
      records as StoredRecord[],
      deletes,
      settings ? { settings } : {},
    );
    if (!written.ok) return written;
    for (const id of deletes) session.accounts.delete(id);
    for (const a of puts) session.accounts.set(a.id, a);
    return ok(undefined);
  }

  async list(): Promise<Result<AccountList, VaultError>> {
    const loaded = await this.loaded();
    if (!loaded.ok) return loaded;
    const all = [...loaded.value.accounts.values()].sort(byUserOrder);
    return ok({
      active: all.filter((a) => a.trashedAt === null),
      // Most recently removed first: that is the one a person comes looking for.
      trashed: all
        .filter((a) => a.trashedAt !== null)
        .sort((a, b) => (b.trashedAt ?? 0) - (a.trashedAt ?? 0)),
      damaged: [...loaded.value.damaged],
    });
  }

  /** Every account, trash included, in the user's order (restore planning, backups). */
  async all(): Promise<Result<Account[], VaultError>> {
    const loaded = await this.loaded();
    return loaded.ok ? ok([...loaded.value.accounts.values()].sort(byUserOrder)) : loaded;
  }

  async get(id: string): Promise<Result<Account, VaultError>> {
    const loaded = await this.loaded();
    if (!loaded.ok) return loaded;
    const account = loaded.value.accounts.get(id);
    return account ? ok(account) : err('account_not_found');
  }

  /** An account in use; one in the Trash cannot be filled, copied or advanced until restored. */
  async getActive(id: string): Promise<Result<Account, VaultError>> {
    const account = await this.get(id);
    if (account.ok && account.value.trashedAt !== null) return err('account_in_trash');
    return account;
  }

  /** Adds accounts after the last, in one transaction: all of them, or none. */
  async add(entries: readonly NewAccount[]): Promise<Result<Account[], VaultError>> {
    const written = await this.writeAccounts(
      (current): Result<AccountWrites, never> =>
        ok({ add: newRecords(entries, current, this.now()), trash: [] }),
      undefined,
      async () => {},
    );
    return written.ok ? ok([...written.value.add]) : written;
  }

  /**
   * Changes fields of accounts, all in one transaction. `change` sees the current state of each
   * account (after every earlier write), so concurrent edits of different fields both survive.
   * With `since`, an account changed after that time is left alone (`account_changed`); so is
   * every account when `change` returns null for one (it no longer applies to it as it is now).
   */
  update(
    ids: readonly string[],
    change: (current: Account) => AccountPatch | null,
    since?: number,
  ): Promise<Result<Account[], VaultError>> {
    return this.queue.run(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const session = loaded.value;
      const now = this.now();
      const updated: Account[] = [];
      for (const id of ids) {
        const current = session.accounts.get(id);
        if (!current) return err('account_not_found');
        // Checked inside the write queue: no other write can slip in between check and write.
        if (since !== undefined && current.updatedAt !== since) return err('account_changed');
        const patch = change(current);
        if (patch === null) return err('account_changed');
        updated.push({ ...current, ...patch, updatedAt: now });
      }
      const done = await this.commit(session, updated);
      return done.ok ? ok(updated) : done;
    });
  }

  /** Moves accounts to the trash; one already there keeps its date. */
  trash(ids: readonly string[]): Promise<Result<Account[], VaultError>> {
    const now = this.now();
    return this.update(ids, (a) => ({ trashedAt: a.trashedAt ?? now }));
  }

  /** Takes accounts out of the trash, back to where they were in the order. */
  untrash(ids: readonly string[]): Promise<Result<Account[], VaultError>> {
    return this.update(ids, () => ({ trashedAt: null }));
  }

  /** Deletes accounts for good, only from the trash: an account in use cannot be lost this way. */
  deleteFromTrash(ids: readonly string[]): Promise<Result<void, VaultError>> {
    return this.queue.run(async () => {
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

  /** Deletes trash entries older than `retentionDays`; returns their ids. */
  purgeExpiredTrash(retentionDays: number): Promise<Result<string[], VaultError>> {
    return this.queue.run(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const now = this.now();
      const expired = [...loaded.value.accounts.values()]
        .filter((a) => trashExpired(a, retentionDays, now))
        .map((a) => a.id);
      if (expired.length === 0) return ok([]);
      const done = await this.commit(loaded.value, [], expired);
      return done.ok ? ok(expired) : done;
    });
  }

  /** Puts account `id` right before `beforeId` (null: last) in its group (src/vault/ordering.ts). */
  move(id: string, beforeId: string | null): Promise<Result<void, VaultError>> {
    return this.queue.run(async () => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const session = loaded.value;
      const planned = planMove([...session.accounts.values()], id, beforeId);
      if (!planned.ok) return planned;
      const now = this.now();
      const moved = planned.value.map((c): Account => ({
        ...session.accounts.get(c.id)!,
        order: c.order,
        updatedAt: now,
      }));
      return moved.length === 0 ? ok(undefined) : this.commit(session, moved);
    });
  }

  /**
   * Writes whole accounts as they are (a restore, an import) and moves the ones they replace to
   * the Trash, with `settings` if given, in one transaction: all of it or nothing. `plan` runs inside the write queue and sees every current account,
   * trash included, so what it decides cannot be overtaken by another write.
   *
   * An added account whose id is that of a damaged (unreadable) record replaces it: a record id
   * is random, so that is the same account, and the backup's copy is a readable one.
   *
   * `after` runs inside the queue once the write succeeded, told whether the vault was empty
   * before it and what was written.
   */
  writeAccounts<E>(
    plan: (current: readonly Account[]) => Result<AccountWrites, E>,
    settings: Settings | undefined,
    after: (wasEmpty: boolean, written: AccountWrites) => Promise<void>,
  ): Promise<Result<AccountWrites, VaultError | E>> {
    return this.queue.run(async (): Promise<Result<AccountWrites, VaultError | E>> => {
      const loaded = await this.loaded();
      if (!loaded.ok) return loaded;
      const session = loaded.value;
      const wasEmpty = session.accounts.size === 0 && session.damaged.length === 0;
      const planned = plan([...session.accounts.values()].sort(byUserOrder));
      if (!planned.ok) return planned;
      const { add, trash } = planned.value;
      const seen = new Set<string>();
      for (const a of add) {
        if (seen.has(a.id) || session.accounts.has(a.id)) {
          throw new Error('writeAccounts: an added id is taken');
        }
        seen.add(a.id);
      }
      const trashed = intoTrash(session, trash, this.now());
      if (trashed === null || new Set(trash).size !== trash.length) {
        throw new Error('writeAccounts: an account to move to the Trash is missing or repeated');
      }
      const done = await this.commit(session, [...add, ...trashed], [], settings);
      if (!done.ok) return done;
      session.damaged = session.damaged.filter((id) => !seen.has(id));
      await after(wasEmpty, { add, trash });
      return ok({ add, trash });
    });
  }
}
