/**
 * The worker's side of the code cache's parts (src/cache/code-cache.ts): writing the head and the
 * per-site and per-page parts, and reading a stored cache back whole. Apart from code-cache.ts so
 * that the popup, which only reads, does not load them.
 */
import {
  CODE_CACHE_HEAD_KEY,
  CODE_CACHE_KEY,
  HEAD_ROWS,
  cachedAccount,
  isCount,
  isObject,
  pageMatches,
  siteCacheKey,
  type CachedAccount,
  type CodeCache,
  type CodeCacheHead,
  type PageMatch,
} from './code-cache';

/** The head and the per-site parts of a cache, by key (the full cache is not among them). */
export function cacheParts(
  cache: CodeCache,
  pages: readonly PageMatch[] = [],
): Record<string, CodeCache> {
  const meta = { lockAt: cache.lockAt, validUntil: cache.validUntil, damaged: cache.damaged };
  const bySite = new Map<string, CachedAccount[]>();
  for (const account of cache.accounts) {
    for (const site of new Set(account.view.sites)) {
      const list = bySite.get(site) ?? [];
      list.push(account);
      bySite.set(site, list);
    }
  }
  const parts: Record<string, CodeCache> = {};
  for (const [site, accounts] of bySite) parts[siteCacheKey(site)] = { ...meta, accounts };
  const unmatched: string[] = [];
  for (const { origin, matches } of pages) {
    const accounts = cache.accounts.filter((a) => Object.hasOwn(matches, a.view.id));
    // The worker's word replaces the exact-origin part of the same page (it holds those too).
    if (accounts.length > 0) parts[siteCacheKey(origin)] = { ...meta, accounts, matches };
    else unmatched.push(origin);
  }
  const head: CodeCacheHead = {
    ...meta,
    accounts: cache.accounts.slice(0, HEAD_ROWS),
    keys: [CODE_CACHE_KEY, ...Object.keys(parts)],
    unmatched,
  };
  return { [CODE_CACHE_HEAD_KEY]: head, ...parts };
}

/**
 * A stored cache (the full one or a part), checked whole: null when anything is off. The worker
 * reads it back to write a newly remembered page's part without computing codes again.
 */
export function readCodeCache(value: unknown): CodeCache | null {
  if (
    !isObject(value) ||
    typeof value.lockAt !== 'number' ||
    typeof value.validUntil !== 'number' ||
    !Array.isArray(value.accounts)
  ) {
    return null;
  }
  const accounts: CachedAccount[] = [];
  for (const raw of value.accounts as unknown[]) {
    const item = cachedAccount(raw);
    if (item === null) return null;
    accounts.push(item);
  }
  const matches = pageMatches(value.matches);
  return {
    lockAt: value.lockAt,
    validUntil: value.validUntil,
    damaged: isCount(value.damaged) ? value.damaged : 0,
    accounts,
    ...(matches !== undefined ? { matches } : {}),
  };
}
