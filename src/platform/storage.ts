/**
 * Extension storage as our pages use it too: the memory-only session area, and what changes in
 * it and in the managed (policy) area. What only the worker uses is in worker-storage.ts: this
 * module shares a chunk with the popup, which loads it at open (scripts/popup-size.ts).
 */
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
