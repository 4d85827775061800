/**
 * Codes for the next few minutes (written by src/vault/code-cache-build.ts in the worker), kept
 * in the session storage area so the popup can paint them
 * without waking the worker (a stopped worker takes ~150 ms to start and decrypt 1000 accounts).
 *
 * It holds what the popup shows anyway — labels and codes, never a secret — in the memory-only,
 * trusted-contexts-only area that already holds the session key, and it is cleared on lock and
 * on every change to the accounts. The popup still asks the worker, and shows its answer.
 */
import type { AccountView } from '../messages/protocol';
import { OTP_TYPES } from '../otp/types';
import { isSiteMatch, type SiteMatch } from '../sites/match-rank';

export const CODE_CACHE_KEY = 'otter.codes';

/**
 * Two small parts of the same cache, written beside it, for the popup's first paint: the head
 * (the first rows in the user's order, and the names of every key written) and one part per site
 * (the accounts that list it). The first paint reads the head and its page's part, a few
 * kilobytes, instead of the whole cache (~350 KB at 1000 accounts, which cost it ~100 ms).
 *
 * A page the popup was opened over lately (the worker keeps the last MAX_PAGES) has a part with
 * the worker's own word on it: every account that matches it, by any rule (a related sign-in
 * domain, a subdomain…), and how. The first paint, which has no Public Suffix List, then shows
 * the page's group or its "no account" line as the worker will, so nothing moves when the app
 * takes over. Every other page gets the accounts that list its exact origin.
 */
export const CODE_CACHE_HEAD_KEY = 'otter.codes.head';
export const HEAD_ROWS = 10;
export const siteCacheKey = (site: string): string => `otter.codes.site ${site}`;
/** The pages remembered (their origins, newest first); cleared on lock, kept across changes. */
export const CODE_CACHE_PAGES_KEY = 'otter.pages';
export const MAX_PAGES = 24;

/** How each account of a page's part matches that page (the worker's word), by account id. */
export type PageMatches = Readonly<Record<string, SiteMatch>>;

/** A remembered page and the accounts that match it. */
export interface PageMatch {
  readonly origin: string;
  readonly matches: PageMatches;
}

export interface CodeCacheHead extends CodeCache {
  /** Every key of this cache in the session area, the full one included, for clearing. */
  readonly keys: readonly string[];
  /** Remembered pages no account matches: the first paint says so without a second read. */
  readonly unmatched: readonly string[];
}

/** The remembered pages a stored head says no account matches. */
export function unmatchedOfHead(value: unknown): string[] {
  const pages = (value as { unmatched?: unknown } | undefined)?.unmatched;
  return Array.isArray(pages) ? pages.filter((p): p is string => typeof p === 'string') : [];
}

/** The keys a stored head names (only ours: anything else in it is ignored). */
export function keysOfHead(value: unknown): string[] {
  const keys = (value as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.filter(
    (k): k is string =>
      typeof k === 'string' && (k === CODE_CACHE_KEY || k.startsWith('otter.codes.site ')),
  );
}

/**
 * How far ahead codes are kept. The lock deadline comes first for the default 15 idle minutes,
 * and each popup open both extends the deadline and refreshes the cache.
 */
export const CACHE_AHEAD_MS = 20 * 60_000;
export const MAX_CODES_PER_ACCOUNT = 64;

export interface CachedAccount {
  readonly view: Omit<AccountView, 'code' | 'next' | 'validFrom' | 'validUntil'>;
  /** TOTP/Steam: the codes of the time steps from `firstStep`, end to end; '' for HOTP. */
  readonly firstStep: number;
  readonly codes: string;
}

export interface CodeCache {
  /** The lock deadline when the cache was written; past it nothing is shown. */
  readonly lockAt: number;
  readonly validUntil: number;
  readonly damaged: number;
  readonly accounts: readonly CachedAccount[];
  /** Only in a remembered page's part: how each of its accounts matches the page. */
  readonly matches?: PageMatches;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
export const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * One cached account, checked field by field and rebuilt from the fields the popup shows only
 * (an extra field such as a note is not carried); null when anything is off.
 */
export function cachedAccount(raw: unknown): CachedAccount | null {
  if (!isObject(raw) || !isObject(raw.view)) return null;
  const v = raw.view;
  const type = OTP_TYPES.find((known) => known === v.type);
  if (type === undefined) return null;
  if (!isString(v.id) || !isString(v.issuer) || !isString(v.account)) return null;
  // Written by an older Otter (one `site`): no list, so the worker answers instead.
  if (!Array.isArray(v.sites) || !v.sites.every(isString)) return null;
  if (typeof v.pinned !== 'boolean' || !isCount(v.digits) || !isCount(v.period)) return null;
  if (v.trashedAt !== null && typeof v.trashedAt !== 'number') return null;
  if (type !== 'hotp' && (v.period === 0 || v.digits === 0)) return null;
  if (!isCount(raw.firstStep) || !isString(raw.codes)) return null;
  const view = {
    id: v.id,
    issuer: v.issuer,
    account: v.account,
    sites: v.sites,
    pinned: v.pinned,
    type,
    digits: v.digits,
    period: v.period,
    trashedAt: v.trashedAt,
  };
  return { view, firstStep: raw.firstStep, codes: raw.codes };
}

/** A page part's matches, kept only when every one is well formed; undefined otherwise. */
export function pageMatches(value: unknown): PageMatches | undefined {
  if (!isObject(value) || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, m]) => isSiteMatch(m)) ? (value as PageMatches) : undefined;
}

/**
 * The list as of `now`, or null when the cache cannot answer (stale, locked, malformed). Never
 * throws: the cache is only a head start, and the worker's answer follows. A remembered page's
 * part also says how its accounts match that page (`pageMatches`).
 */
export function listFromCache(
  value: unknown,
  now: number,
): { accounts: AccountView[]; damaged: number; pageMatches?: PageMatches } | null {
  const cache = value as Partial<CodeCache> | undefined;
  if (
    typeof cache !== 'object' ||
    cache === null ||
    typeof cache.lockAt !== 'number' ||
    typeof cache.validUntil !== 'number' ||
    !Array.isArray(cache.accounts) ||
    now >= cache.lockAt ||
    now >= cache.validUntil
  ) {
    return null;
  }
  const accounts: AccountView[] = [];
  for (const raw of cache.accounts as unknown[]) {
    // Anything unexpected (another version's cache, a damaged value): no paint from the cache;
    // the popup shows the worker's answer, which it asks for anyway.
    const item = cachedAccount(raw);
    if (item === null) return null;
    const { view, firstStep, codes } = item;
    if (view.type === 'hotp') {
      accounts.push({ ...view, code: null, next: null, validFrom: null, validUntil: null });
      continue;
    }
    // The popup reads this: no OTP code is computed here, only looked up (no secret, no HMAC).
    const step = Math.floor(now / 1000 / view.period);
    const width = view.type === 'steam' ? 5 : view.digits;
    const at = (s: number): string | null => {
      const offset = (s - firstStep) * width;
      return offset >= 0 && offset + width <= codes.length
        ? codes.slice(offset, offset + width)
        : null;
    };
    const code = at(step);
    const next = at(step + 1);
    if (code === null || next === null) return null;
    const periodMs = view.period * 1000;
    accounts.push({
      ...view,
      code,
      next,
      validFrom: step * periodMs,
      validUntil: (step + 1) * periodMs,
    });
  }
  const damaged = typeof cache.damaged === 'number' ? cache.damaged : 0;
  const matches = pageMatches(cache.matches);
  return matches === undefined
    ? { accounts, damaged }
    : { accounts, damaged, pageMatches: matches };
}
