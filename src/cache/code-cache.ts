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

export const CODE_CACHE_KEY = 'otter.codes';

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

/** The list as of `now`, or null when the cache cannot answer (stale, locked, malformed). */
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
  for (const item of cache.accounts as CachedAccount[]) {
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
