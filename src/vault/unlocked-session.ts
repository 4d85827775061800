/**
 * The unlocked session as the worker holds it: the vault key (in the extension's session storage,
 * so it survives the worker being stopped), the lock deadline, and the decrypted accounts, loaded
 * on first use after each wake. Every read checks the deadline.
 */
import { importAesKey } from '../crypto/aead';
import type { Account } from './format';
import { clearSession, readSessionState, writeSession, type SessionArea } from './session';

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
  readonly session: SessionArea;
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

  constructor(private readonly deps: SessionDeps) {}

  /** The live session, restored from session storage after the worker was stopped; or null. */
  async current(): Promise<Unlocked | null> {
    const now = this.deps.now();
    if (this.unlocked && this.unlocked.lockAt > now) return this.unlocked;
    const { session: stored, cleared } = await readSessionState(this.deps.session, now);
    if (stored === null) {
      // Locked just now (found expired), or while this worker knew it unlocked: say so, so the
      // alarm and every cache of codes are cleared even by a worker that has just started.
      if (this.unlocked || cleared) await this.forget();
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

  /** Opens a session with the vault key; returns the lock deadline. */
  async start(vaultId: string, raw: Uint8Array): Promise<number> {
    const lockAt = this.deps.now() + (await this.deps.idleMinutes()) * 60_000;
    await writeSession(this.deps.session, { vaultId, vaultKey: raw, lockAt });
    this.unlocked = {
      vaultId,
      key: await importAesKey(raw),
      raw,
      lockAt,
      accounts: null,
      damaged: [],
    };
    void this.deps.onLockChange?.(lockAt);
    return lockAt;
  }

  /** Pushes the idle deadline back: for each thing the user does with the vault. */
  async touch(): Promise<number | null> {
    const session = await this.current();
    if (!session) return null;
    const lockAt = this.deps.now() + (await this.deps.idleMinutes()) * 60_000;
    await writeSession(this.deps.session, {
      vaultId: session.vaultId,
      vaultKey: session.raw,
      lockAt,
    });
    session.lockAt = lockAt;
    void this.deps.onLockChange?.(lockAt);
    return lockAt;
  }

  /**
   * Brings the deadline forward to at most `idleMinutes` from now (a policy that shortened the
   * idle time while the vault was open); never moves it later.
   */
  async clampDeadline(): Promise<void> {
    const session = await this.current();
    if (!session) return;
    const latest = this.deps.now() + (await this.deps.idleMinutes()) * 60_000;
    if (session.lockAt <= latest) return;
    await writeSession(this.deps.session, {
      vaultId: session.vaultId,
      vaultKey: session.raw,
      lockAt: latest,
    });
    session.lockAt = latest;
    void this.deps.onLockChange?.(latest);
  }

  async lock(): Promise<void> {
    await clearSession(this.deps.session);
    await this.forget();
  }

  private async forget(): Promise<void> {
    this.unlocked = null;
    await this.deps.onLockChange?.(null);
  }
}
