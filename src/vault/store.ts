/**
 * The IndexedDB store: the only code in Otter that touches IndexedDB (a lint rule keeps it so).
 *
 * Database `otter`, version 1:
 *   meta      out-of-line keys: 'header' (the vault header), 'settings', 'backup' (when the last
 *             backup was made; src/vault/backup-state.ts), 'recoveryUnconfirmed' (a recovery
 *             code shown and not yet confirmed as stored; src/vault/recovery-note.ts)
 *   accounts  keyPath 'id': encrypted records {id, iv, data}
 *
 * Every write is one readwrite transaction, aborted as a whole if anything in it fails, so a crash
 * or an error can never leave half a change. Header changes (rekeys) and migrations ask for strict
 * durability. Reads return `unknown`: callers parse them (src/vault/format.ts).
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import { err, ok, type Result } from '../result';
import type { Header, StoredRecord } from './format';
import type { RecoveryNote } from './recovery-note';
import type { Settings } from '../settings';

export const DB_NAME = 'otter';
const DB_VERSION = 1;

interface OtterSchema extends DBSchema {
  meta: { key: string; value: unknown };
  accounts: { key: string; value: StoredRecord };
}

type Store = StoreNames<OtterSchema>;
type WriteTx<S extends Store[]> = IDBPTransaction<OtterSchema, S, 'readwrite'>;

export type StoreWriteError = 'vault_absent' | 'vault_exists' | 'vault_changed';

/** The meta key of the note that a recovery code was shown and not yet confirmed as stored. */
const RECOVERY_NOTE = 'recoveryUnconfirmed';

export class VaultStore {
  private constructor(private readonly db: IDBPDatabase<OtterSchema>) {}

  static async open(name: string = DB_NAME): Promise<VaultStore> {
    const db = await openDB<OtterSchema>(name, DB_VERSION, {
      upgrade(database) {
        if (!database.objectStoreNames.contains('meta')) database.createObjectStore('meta');
        if (!database.objectStoreNames.contains('accounts')) {
          database.createObjectStore('accounts', { keyPath: 'id' });
        }
      },
    });
    return new VaultStore(db);
  }

  close(): void {
    this.db.close();
  }

  readHeader(): Promise<unknown> {
    return this.db.get('meta', 'header');
  }

  readSettings(): Promise<unknown> {
    return this.db.get('meta', 'settings');
  }

  readBackupState(): Promise<unknown> {
    return this.db.get('meta', 'backup');
  }

  /** The header and the unconfirmed recovery code's note (if any), read together. */
  async readRecoveryNote(): Promise<{ header: unknown; note: unknown }> {
    const tx = this.db.transaction('meta', 'readonly');
    const meta = tx.objectStore('meta');
    const [header, note] = await Promise.all([
      meta.get('header'),
      meta.get(RECOVERY_NOTE),
      tx.done,
    ]);
    return { header, note };
  }

  /** Header and every record, read in one transaction so they belong together. */
  async readAll(): Promise<{ header: unknown; records: unknown[] }> {
    const tx = this.db.transaction(['meta', 'accounts'], 'readonly');
    const [header, records] = await Promise.all([
      tx.objectStore('meta').get('header'),
      tx.objectStore('accounts').getAll(),
      tx.done,
    ]);
    return { header, records };
  }

  readRecord(id: string): Promise<unknown> {
    return this.db.get('accounts', id);
  }

  /**
   * Writes a new vault; refuses if one exists (it is never overwritten, only reset). `note`: its
   * recovery code is about to be shown, written in the same transaction as the header.
   */
  createVault(
    header: Header,
    settings: Settings,
    note?: RecoveryNote,
  ): Promise<Result<void, StoreWriteError>> {
    return this.write(['meta', 'accounts'], 'strict', async (tx) => {
      const meta = tx.objectStore('meta');
      if ((await meta.get('header')) !== undefined) return err('vault_exists');
      await tx.objectStore('accounts').clear();
      await meta.put(header, 'header');
      await meta.put(settings, 'settings');
      if (note) await meta.put(note, RECOVERY_NOTE);
      return ok(undefined);
    });
  }

  /**
   * Replaces the header (new or rewrapped slots) of the vault `vaultId`, strictly durable; with
   * `note` (a new recovery code is about to be shown) in the same transaction.
   */
  replaceHeader(header: Header, note?: RecoveryNote): Promise<Result<void, StoreWriteError>> {
    return this.write(['meta'], 'strict', async (tx) => {
      const meta = tx.objectStore('meta');
      const check = sameVault(await meta.get('header'), header.vaultId);
      if (!check.ok) return check;
      await meta.put(header, 'header');
      if (note) await meta.put(note, RECOVERY_NOTE);
      return ok(undefined);
    });
  }

  /** The user stored the recovery code of the vault `vaultId`: its note goes. */
  clearRecoveryNote(vaultId: string): Promise<Result<void, StoreWriteError>> {
    return this.write(['meta'], 'default', async (tx) => {
      const meta = tx.objectStore('meta');
      const check = sameVault(await meta.get('header'), vaultId);
      if (!check.ok) return check;
      await meta.delete(RECOVERY_NOTE);
      return ok(undefined);
    });
  }

  /**
   * Puts and deletes records of the vault `vaultId` in one transaction. Refuses if the stored
   * vault is another one (reset meanwhile), so a late write cannot land in a new vault.
   */
  writeRecords(
    vaultId: string,
    puts: readonly StoredRecord[],
    deletes: readonly string[] = [],
    options: { durability?: 'strict' | 'default'; header?: Header; settings?: Settings } = {},
  ): Promise<Result<void, StoreWriteError>> {
    return this.write(['meta', 'accounts'], options.durability ?? 'default', async (tx) => {
      const check = sameVault(await tx.objectStore('meta').get('header'), vaultId);
      if (!check.ok) return check;
      const accounts = tx.objectStore('accounts');
      for (const record of puts) await accounts.put(record);
      for (const id of deletes) await accounts.delete(id);
      if (options.header) await tx.objectStore('meta').put(options.header, 'header');
      // A restore brings its settings in the same transaction as its accounts: all or nothing.
      if (options.settings) await tx.objectStore('meta').put(options.settings, 'settings');
      return ok(undefined);
    });
  }

  /**
   * A migration's write: the new header and records, and the removal of old ones, in one strictly
   * durable transaction, only if the stored format is still `fromFormat`.
   */
  replaceForm(
    fromFormat: number,
    header: unknown,
    puts: readonly unknown[],
    deletes: readonly string[],
  ): Promise<Result<void, StoreWriteError>> {
    return this.write(['meta', 'accounts'], 'strict', async (tx) => {
      const meta = tx.objectStore('meta');
      const stored = (await meta.get('header')) as { format?: unknown } | undefined;
      if (stored?.format !== fromFormat) return err('vault_changed');
      const accounts = tx.objectStore('accounts');
      for (const record of puts) await accounts.put(record as StoredRecord);
      for (const id of deletes) await accounts.delete(id);
      await meta.put(header, 'header');
      return ok(undefined);
    });
  }

  writeSettings(settings: Settings): Promise<Result<void, StoreWriteError>> {
    return this.write(['meta'], 'default', async (tx) => {
      await tx.objectStore('meta').put(settings, 'settings');
      return ok(undefined);
    });
  }

  /** Records the last backup of the vault `vaultId` (not secret: a time and a fingerprint). */
  writeBackupState(vaultId: string, state: unknown): Promise<Result<void, StoreWriteError>> {
    return this.write(['meta'], 'default', async (tx) => {
      const meta = tx.objectStore('meta');
      const check = sameVault(await meta.get('header'), vaultId);
      if (!check.ok) return check;
      await meta.put(state, 'backup');
      return ok(undefined);
    });
  }

  /** Deletes the vault, its accounts and settings, in one transaction. */
  reset(): Promise<Result<void, StoreWriteError>> {
    return this.write(['meta', 'accounts'], 'strict', async (tx) => {
      await tx.objectStore('accounts').clear();
      await tx.objectStore('meta').clear();
      return ok(undefined);
    });
  }

  /**
   * Runs `body` in one readwrite transaction. If it fails (an error result or an exception),
   * the transaction is aborted so nothing it wrote is kept.
   */
  private async write<S extends Store[], T>(
    stores: S,
    durability: 'strict' | 'default',
    body: (tx: WriteTx<S>) => Promise<Result<T, StoreWriteError>>,
  ): Promise<Result<T, StoreWriteError>> {
    const tx = this.db.transaction(stores, 'readwrite', { durability });
    let result: Result<T, StoreWriteError>;
    try {
      result = await body(tx);
    } catch (error) {
      abort(tx);
      await tx.done.catch(() => undefined);
      throw error;
    }
    if (!result.ok) {
      abort(tx);
      await tx.done.catch(() => undefined);
      return result;
    }
    await tx.done;
    return result;
  }
}

function abort(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing more to undo.
  }
}

function sameVault(stored: unknown, vaultId: string): Result<void, StoreWriteError> {
  if (stored === undefined) return err('vault_absent');
  const id = (stored as { vaultId?: unknown }).vaultId;
  return id === vaultId ? ok(undefined) : err('vault_changed');
}
