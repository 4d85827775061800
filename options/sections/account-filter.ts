/**
 * The accounts page's filters: the accounts without a site (to set one for many at once), the
 * pinned ones, the counter-based ones, and the ones added lately (after an import, say). Pure.
 */
import type { ManagedAccountView } from '../../src/messages/protocol';

export const ACCOUNT_FILTERS = ['all', 'no_site', 'pinned', 'hotp', 'recent'] as const;
export type AccountFilter = (typeof ACCOUNT_FILTERS)[number];

/** "Recently added": within this many days. */
export const RECENT_DAYS = 7;
const DAY_MS = 86_400_000;

type Filtered = Pick<ManagedAccountView, 'sites' | 'pinned' | 'type' | 'createdAt'>;

export function passesFilter(account: Filtered, filter: AccountFilter, now: number): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'no_site':
      return account.sites.length === 0;
    case 'pinned':
      return account.pinned;
    case 'hotp':
      return account.type === 'hotp';
    case 'recent':
      return account.createdAt >= now - RECENT_DAYS * DAY_MS;
  }
}

/**
 * The accounts the filter lets through, in the order given (the search's ranking, or the user's
 * order); the recently added ones newest first, which is what that filter is for.
 */
export function applyFilter<T extends Filtered>(
  accounts: readonly T[],
  filter: AccountFilter,
  now: number,
): T[] {
  const kept = accounts.filter((a) => passesFilter(a, filter, now));
  if (filter === 'recent') kept.sort((a, b) => b.createdAt - a.createdAt);
  return kept;
}

/** How many accounts each filter would show, for its label. */
export function filterCounts(
  accounts: readonly Filtered[],
  now: number,
): Record<AccountFilter, number> {
  const counts = { all: 0, no_site: 0, pinned: 0, hotp: 0, recent: 0 };
  for (const a of accounts) {
    for (const filter of ACCOUNT_FILTERS) if (passesFilter(a, filter, now)) counts[filter]++;
  }
  return counts;
}
