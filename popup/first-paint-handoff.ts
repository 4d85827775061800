/**
 * What the popup's first script (first-paint-script.ts, a classic script of its own) hands to the
 * app (main.ts, start.tsx): the tab, so the app does not ask again, and when the cached codes are
 * on screen, so the app loads after them instead of holding them back.
 */
import {
  CODE_CACHE_HEAD_KEY,
  CODE_CACHE_KEY,
  keysOfHead,
  listFromCache,
  unmatchedOfHead,
  type PageMatches,
} from '../src/cache/code-cache';
import { sessionArea } from '../src/platform/storage';
import type { ActiveTab } from './active-tab';
import type { KeptView } from './popup-height';

export type CachedList = NonNullable<ReturnType<typeof listFromCache>>;

export interface FirstPaint {
  readonly tab: Promise<ActiveTab>;
  /** Settles once the cached codes are on screen (at once when nothing was painted). */
  readonly painted: Promise<void>;
  /**
   * The list's keys (Enter, arrows…) pressed while the painted rows were on screen, before the
   * app could listen: the app's list plays them, in order, when it shows (`takeEarlyKeys`).
   */
  readonly keys: KeyboardEvent[];
  /** The painted rows' accounts, top to bottom: the order those keys were pressed over. */
  readonly paintedIds: string[];
  /**
   * The worker's word on which accounts belong to the page, from its part of the cache (a page
   * the popup was opened over lately), or undefined: the app orders its first list by it too.
   */
  readonly pageMatches: Promise<PageMatches | undefined>;
  /** The page sizes itself again, keeping the view's height for the next open (popup-height.ts). */
  readonly releaseHeight: (keep: KeptView | null) => void;
}

declare global {
  interface Window {
    otterFirstPaint?: FirstPaint;
  }
}

/** The id of the painted rows' root, removed when the app shows its first view. */
export const FIRST_PAINT_ID = 'first-paint';

/** One stored cache (the full one or a part) as a list now; null when it cannot answer. */
export const readCachedList = (key = CODE_CACHE_KEY): Promise<CachedList | null> =>
  sessionArea()
    .get(key)
    .then((items) => listFromCache(items[key], Date.now()))
    .catch(() => null);

export interface CachedHead {
  readonly list: CachedList | null;
  readonly keys: readonly string[];
  /** Remembered pages no account matches. */
  readonly unmatched: readonly string[];
}

/**
 * The cache's head as a list now, and the keys it names: a page's part is read only when the head
 * names it, so a page with no account costs the first paint no second read.
 */
export const readCachedHead = (): Promise<CachedHead> =>
  sessionArea()
    .get(CODE_CACHE_HEAD_KEY)
    .then((items) => ({
      list: listFromCache(items[CODE_CACHE_HEAD_KEY], Date.now()),
      keys: keysOfHead(items[CODE_CACHE_HEAD_KEY]),
      unmatched: unmatchedOfHead(items[CODE_CACHE_HEAD_KEY]),
    }))
    .catch(() => ({ list: null, keys: [], unmatched: [] }));

/** Keys the list acts on; anything else pressed that early (typing a search) is let go. */
export const EARLY_KEYS: ReadonlySet<string> = new Set([
  'Enter',
  'ArrowDown',
  'ArrowUp',
  'Home',
  'End',
  'PageDown',
  'PageUp',
]);

/** The keys pressed over the painted rows, once: the list takes them as it first shows. */
export function takeEarlyKeys(): KeyboardEvent[] {
  return window.otterFirstPaint?.keys.splice(0) ?? [];
}

/**
 * The list in the order the early keys were pressed over: the painted rows first, as painted,
 * then the rest as the app shows them. The app's first list can already be in the worker's order
 * (a related account among the page's), and a key pressed over the painted rows means the row the
 * user saw, not the one now in its place.
 */
export function paintedOrder<T extends { readonly id: string }>(shown: readonly T[]): readonly T[] {
  const ids = window.otterFirstPaint?.paintedIds ?? [];
  if (ids.length === 0) return shown;
  const byId = new Map(shown.map((row) => [row.id, row]));
  const painted = ids.flatMap((id) => byId.get(id) ?? []);
  const put = new Set(painted.map((row) => row.id));
  return [...painted, ...shown.filter((row) => !put.has(row.id))];
}

/**
 * The app shows its first view: the painted rows go (called before the browser paints). Keys
 * the list did not take go too: the first view is not a list (locked, an error), and a later
 * list must not act on them. The page sizes itself from here on; the height of a list or a lock
 * screen is kept.
 */
export function takeOver(view: string): void {
  document.getElementById(FIRST_PAINT_ID)?.remove();
  takeEarlyKeys();
  window.otterFirstPaint?.releaseHeight(view === 'list' || view === 'locked' ? view : null);
}
