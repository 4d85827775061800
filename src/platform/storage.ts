/** Extension storage: the memory-only session area, and the managed (policy) area. */
import type { SessionArea } from '../vault/session';
import { lockChange, type StorageChange } from './session-change';
import browser from './browser';

/**
 * `storage.session`: memory only, for trusted contexts (the worker and our own pages; it is
 * never widened with setAccessLevel). Holds the unlocked session and the popup's code cache.
 */
export function sessionArea(): SessionArea {
  const area = browser.storage.session;
  return {
    get: (key) => area.get(key),
    set: (items) => area.set(items),
    remove: (key) => area.remove(key),
  };
}

/**
 * `storage.local`: on disk, for what is not secret and should outlive a browser restart (the
 * managed policy last read, so a browser start does not run on no policy while Chromium takes
 * seconds to read it).
 */
export function localArea(): SessionArea {
  const area = browser.storage.local;
  return {
    get: (key) => area.get(key),
    set: (items) => area.set(items),
    remove: (key) => area.remove(key),
  };
}

/**
 * Whether what the worker stores (the vault, in IndexedDB) outlives the browser session. Firefox
 * runs the event page in a private context when the profile always uses private browsing
 * ("Never remember history", `browser.privatebrowsing.autostart`): its IndexedDB is then private
 * too, and Firefox deletes it when it closes. Chromium's worker is never in an incognito context.
 */
export function storageOutlivesSession(): boolean {
  return browser.extension?.inIncognitoContext !== true;
}

/**
 * The organisation's policy (`storage.managed`). Firefox rejects when it has none for us (no
 * policies.json entry: "Managed storage manifest not found", bug 1868153): that is no policy,
 * `{}`, as Chromium answers. Any other failure rejects: the caller keeps the policy it had.
 */
export async function readManagedStorage(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get();
  } catch (error) {
    if (error instanceof Error && /manifest not found/i.test(error.message)) return {};
    throw error;
  }
}

/** A changed policy while the browser runs (Chromium fires this; Firefox does not). */
export function onManagedStorageChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') listener();
  });
}

/**
 * The vault locked or unlocked, seen from our own pages: the worker writes the unlocked session
 * in the session area and removes it when the vault locks. Returns the way to stop listening.
 */
export function onLockOrUnlock(listener: (change: 'locked' | 'unlocked') => void): () => void {
  const heard = (changes: Record<string, StorageChange>, area: string) => {
    const change = area === 'session' ? lockChange(changes) : null;
    if (change !== null) listener(change);
  };
  browser.storage.onChanged.addListener(heard);
  return () => browser.storage.onChanged.removeListener(heard);
}
