/** Writes the code cache (src/vault/code-cache.ts): in the worker, which holds the secrets. */
import { codeAt, timeStep } from '../otp/generate';
import {
  CACHE_AHEAD_MS,
  MAX_CODES_PER_ACCOUNT,
  type CachedAccount,
  type CodeCache,
  type PageMatch,
} from '../cache/code-cache';
import { bestMatch, type SiteMatch } from '../sites/match';
import type { Account } from './format';
import { accountView } from './view';

/** Accounts per slice: between slices the worker answers other requests (10 accounts ≈ 2 ms). */
const SLICE = 10;

function cachedAccount(account: Account, now: number, until: number): CachedAccount {
  const { code: _c, next: _n, validFrom: _f, validUntil: _u, ...view } = accountView(account, now);
  if (account.type === 'hotp') return { view, firstStep: 0, codes: '' };
  const firstStep = timeStep(now, account.period);
  const count = Math.min(
    MAX_CODES_PER_ACCOUNT,
    Math.ceil((until - now) / 1000 / account.period) + 2,
  );
  let codes = '';
  for (let i = 0; i < count; i++) codes += codeAt(account, (firstStep + i) * account.period * 1000);
  return { view, firstStep, codes };
}

/** Codes from now until the lock deadline (at most CACHE_AHEAD_MS): no code outlives the session. */
export async function buildCodeCache(
  accounts: readonly Account[],
  damaged: number,
  now: number,
  lockAt: number,
): Promise<CodeCache> {
  const until = Math.min(now + CACHE_AHEAD_MS, lockAt);
  const cached: CachedAccount[] = [];
  for (let i = 0; i < accounts.length; i += SLICE) {
    for (const account of accounts.slice(i, i + SLICE))
      cached.push(cachedAccount(account, now, until));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { lockAt, validUntil: until, damaged, accounts: cached };
}

/** How the cache's accounts match each remembered page, by the worker's rules (match.ts). */
export function matchPages(cache: CodeCache, origins: readonly string[]): PageMatch[] {
  return origins.map((origin) => {
    const matches: Record<string, SiteMatch> = {};
    for (const { view } of cache.accounts) {
      const match = bestMatch(view.sites, origin);
      if (match !== null) matches[view.id] = match;
    }
    return { origin, matches };
  });
}
