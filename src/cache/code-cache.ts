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

export const CODE_CACHE_KEY = 'otter.codes';

/**
 * Two small parts of the same cache, written beside it, for the popup's first paint: the head
 * (the first rows in the user's order, and the names of every key written) and one part per site
 * (the accounts that list it). The first paint reads the head and its page's part, a few
 * kilobytes, instead of the whole cache (~350 KB at 1000 accounts, which cost it ~100 ms).
 */
export const CODE_CACHE_HEAD_KEY = 'otter.codes.head';
export const HEAD_ROWS = 10;
export const siteCacheKey = (site: string): string => `otter.codes.site ${site}`;

export interface CodeCacheHead extends CodeCache {
  /** Every key of this cache in the session area, the full one included, for clearing. */
  readonly keys: readonly string[];
}

/** The head and the per-site parts of a cache, by key (the full cache is not among them). */
export function cacheParts(cache: CodeCache): Record<string, CodeCache> {
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
  const head: CodeCacheHead = {
    ...meta,
    accounts: cache.accounts.slice(0, HEAD_ROWS),
    keys: [CODE_CACHE_KEY, ...Object.keys(parts)],
  };
  return { [CODE_CACHE_HEAD_KEY]: head, ...parts };
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
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * One cached account, checked field by field and rebuilt from the fields the popup shows only
 * (an extra field such as a note is not carried); null when anything is off.
 */
function cachedAccount(raw: unknown): CachedAccount | null {
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

/**
 * The list as of `now`, or null when the cache cannot answer (stale, locked, malformed). Never
 * throws: the cache is only a head start, and the worker's answer follows.
 */
export function listFromCache(
  value: unknown,
  now: number,
): { accounts: AccountView[]; damaged: number } | null {
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
  return { accounts, damaged: typeof cache.damaged === 'number' ? cache.damaged : 0 };
}
