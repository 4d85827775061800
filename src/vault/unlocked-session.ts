/**
 * The unlocked session as the worker holds it: the vault key (in the extension's session storage,
 * so it survives the worker being stopped), the lock deadline, and the decrypted accounts, loaded
 * on first use after each wake. Every read checks the deadline.
 */
import { importAesKey } from '../crypto/aead';
import type { Account } from './format';
import { dropAllSealed } from './sealed-store';
import {
  clearSession,
  readSession,
  readSessionState,
  writeSession,
  type ListedArea,
} from './session';

export interface Unlocked {
  readonly vaultId: string;
  readonly key: CryptoKey;
  readonly raw: Uint8Array;
  lockAt: number;
  /** Decrypted accounts, loaded on first use after each wake (account-records.ts). */
  accounts: Map<string, Account> | null;
  damaged: string[];
}

export interface SessionDeps {
  readonly session: ListedArea;
  readonly now: () => number;
  /** Minutes of idleness before the vault locks, as the settings in force say. */
  readonly idleMinutes: () => Promise<number>;
  /**
   * Told the new lock deadline (or null when locked), to schedule the alarm, clear caches. What
   * it returns for a lock is awaited: nothing reports the vault locked before its caches are gone.
   */
  readonly onLockChange?: (lockAt: number | null) => void | Promise<void>;
}

export class SessionKeeper {
  private unlocked: Unlocked | null = null;
  /**
   * Locks so far. A lock the user asked for while a session was being opened or extended (the
   * screen locked during an unlock's Argon2 run, the Lock button during a copy's deadline write)
   * must not be undone by that write: each write checks this count before and after it.
   */
  private locks = 0;

  constructor(private readonly deps: SessionDeps) {}

  /** The live session, restored from session storage after the worker was stopped; or null. */
  async current(): Promise<Unlocked | null> {
    const now = this.deps.now();
    if (this.unlocked && this.unlocked.lockAt > now) return this.unlocked;
    const since = this.locks;
    const { session: stored, cleared } = await readSessionState(this.deps.session, now);
    if (stored === null) {
      // Locked just now (found expired), or while this worker knew it unlocked: say so, so the
      // alarm and every cache of codes are cleared even by a worker that has just started. It
      // counts as a lock: a use on its way (a deadline being pushed back, an unlock's session
      // being written) must not write the session back once the lock has been said.
      if (this.unlocked || cleared) {
        this.locks++;
        this.unlocked?.raw.fill(0);
        await this.forget();
      }
      return null;
    }
    if (this.unlocked?.vaultId === stored.vaultId) {
      this.unlocked.lockAt = stored.lockAt;
      return this.unlocked;
    }
    const key = await importAesKey(stored.vaultKey);
    // A lock meanwhile removed what was read. Requests that woke the worker together share the
    // first one's session, and with it one decryption of the accounts (account-records.ts).
    if (this.locks !== since) return null;
    if (this.unlocked?.vaultId === stored.vaultId) return this.unlocked;
    const { vaultId, vaultKey: raw, lockAt } = stored;
    this.unlocked = { vaultId, key, raw, lockAt, accounts: null, damaged: [] };
    return this.unlocked;
  }

  /** The lock count now: an unlock reads it before deriving its key and passes it to start(). */
  lockCount(): number {
    return this.locks;
  }

  /**
   * Opens a session with the vault key; returns the lock deadline, or null when a lock came after
   * `since` or the session could not be written (it then stays closed). Never throws for the
   * write: a new vault or a recovery has committed its new recovery code by then, and that code
   * must still reach the user (the vault opens with the passphrase just set).
   */
  async start(vaultId: string, raw: Uint8Array, since = this.locks): Promise<number | null> {
    const lockAt = this.deps.now() + (await this.deps.idleMinutes()) * 60_000;
    // A new session starts with nothing sealed under an old one: a lock found by a read of the
    // expired session (not by lock()) left it there, and the same vault key would open it.
    // Best effort (never throws, as below): the next lock or unlock tries again.
    await readSession(this.deps.session, this.deps.now())
      .then((live) => (live?.vaultId === vaultId ? undefined : dropAllSealed(this.deps.session)))
      .catch(() => undefined);
    if (this.locks !== since) return null;
    const written = await writeSession(this.deps.session, { vaultId, vaultKey: raw, lockAt }).then(
      () => true,
      () => false,
    );
    if (!written) return null;
    const key = await importAesKey(raw);
    // A lock issued during the write removed the session after it.
    if (this.locks !== since) return null;
    this.unlocked = { vaultId, key, raw, lockAt, accounts: null, damaged: [] };
    void this.deps.onLockChange?.(lockAt);
    return lockAt;
  }

  /** Pushes the idle deadline back: for each thing the user does with the vault. */
  async touch(): Promise<number | null> {
    const since = this.locks;
    const session = await this.current();
    if (!session) return null;
    const lockAt = this.deps.now() + (await this.deps.idleMinutes()) * 60_000;
    return (await this.extend(session, lockAt, since)) ? lockAt : null;
  }

  /**
   * Brings the deadline forward to at most `idleMinutes` from now (a policy that shortened the
   * idle time while the vault was open); never moves it later.
   */
  async clampDeadline(): Promise<void> {
    const since = this.locks;
    const session = await this.current();
    if (!session) return;
    const latest = this.deps.now() + (await this.deps.idleMinutes()) * 60_000;
    if (session.lockAt > latest) await this.extend(session, latest, since);
  }

  /** Writes the session's new deadline unless a lock came after `since`; true when written. */
  private async extend(session: Unlocked, lockAt: number, since: number): Promise<boolean> {
    if (this.locks !== since) return false;
    const { vaultId, raw: vaultKey } = session;
    await writeSession(this.deps.session, { vaultId, vaultKey, lockAt });
    if (this.locks !== since) return false;
    session.lockAt = lockAt;
    void this.deps.onLockChange?.(lockAt);
    return true;
  }

  async lock(): Promise<void> {
    this.locks++;
    // The raw key is needed only to write the session, which goes now: wiped, not left to the
    // garbage collector (every write that could still use it checks the lock count first).
    this.unlocked?.raw.fill(0);
    this.unlocked = null;
    await clearSession(this.deps.session);
    await this.forget();
    // What waited for the user under the session (a scan to confirm, an import's file): gone
    // with it, not opened again by the next unlock of the same vault.
    await dropAllSealed(this.deps.session).catch(() => undefined);
  }

  private async forget(): Promise<void> {
    this.unlocked = null;
    await this.deps.onLockChange?.(null);
  }
}
