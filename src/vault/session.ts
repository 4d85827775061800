/**
 * The unlocked session, kept in the extension's session storage (memory only, trusted contexts only) so it
 * survives the service worker being stopped, but not a browser restart or an extension update.
 * It holds the raw vault key and an absolute lock deadline, checked on every read.
 */
import { fromBase64, toBase64 } from '../bytes';
import { SESSION_KEY } from '../platform/session-change';

/** The part of the session storage area that Otter uses; tests give an in-memory one. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  /** One key, or several in one call. */
  remove(key: string | string[]): Promise<void>;
}

/**
 * The worker's session area, which can also list its keys: a lock removes whatever was sealed
 * under the session (sealed-store.ts). Apart from SessionArea because the popup reads the same
 * area at open, and every byte it loads then is counted (scripts/popup-size.ts).
 */
export interface ListedArea extends SessionArea {
  keys(): Promise<string[]>;
}

const KEY = SESSION_KEY;

export interface Session {
  readonly vaultId: string;
  readonly vaultKey: Uint8Array;
  /** Epoch ms after which the vault is locked. */
  readonly lockAt: number;
}

/**
 * The session, or null when locked. `cleared` says a stored session was found expired (or
 * unreadable) and removed just now: whoever noticed first locks, and must say so (a fresh worker
 * has no other way to learn that the lock happened while it was stopped).
 */
export async function readSessionState(
  area: SessionArea,
  now: number,
): Promise<{ session: Session | null; cleared: boolean }> {
  const stored = (await area.get(KEY))[KEY] as
    { vaultId?: unknown; key?: unknown; lockAt?: unknown } | undefined;
  if (stored === undefined) return { session: null, cleared: false };
  const vaultKey = typeof stored.key === 'string' ? fromBase64(stored.key) : null;
  const valid =
    typeof stored.vaultId === 'string' &&
    vaultKey !== null &&
    vaultKey.length === 32 &&
    typeof stored.lockAt === 'number';
  if (!valid || (stored.lockAt as number) <= now) {
    // Expired (or unreadable): lock now, whoever noticed first.
    await area.remove(KEY);
    return { session: null, cleared: true };
  }
  return {
    session: { vaultId: stored.vaultId as string, vaultKey, lockAt: stored.lockAt as number },
    cleared: false,
  };
}

export async function readSession(area: SessionArea, now: number): Promise<Session | null> {
  return (await readSessionState(area, now)).session;
}

export async function writeSession(area: SessionArea, session: Session): Promise<void> {
  await area.set({
    [KEY]: { vaultId: session.vaultId, key: toBase64(session.vaultKey), lockAt: session.lockAt },
  });
}

export async function clearSession(area: SessionArea): Promise<void> {
  await area.remove(KEY);
}

/** An in-memory session area (unit tests, and anywhere session storage is missing). */
export function memorySessionArea(): ListedArea & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => Promise.resolve(data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
      return Promise.resolve();
    },
    keys: () => Promise.resolve([...data.keys()]),
    remove: (key) => {
      for (const k of typeof key === 'string' ? [key] : key) data.delete(k);
      return Promise.resolve();
    },
  };
}
