/**
 * Extension storage as only the worker uses it: the session area able to list its keys, the
 * local area, the managed policy's read and whether storage outlives the session. Apart from
 * storage.ts, whose chunk the popup loads at open.
 */
import type { ListedArea, SessionArea } from '../vault/session';
import browser from './browser';
import { sessionArea } from './storage';

/** The session area, able to list its keys: a lock removes what was sealed under the session. */
export function workerSessionArea(): ListedArea {
  const area = browser.storage.session;
  return { ...sessionArea(), keys: async () => Object.keys(await area.get(null)) };
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
