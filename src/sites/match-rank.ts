/**
 * The kinds of match between an account's site and a page, and their order. Kept apart from
 * match.ts so that the popup can sort by a match the worker computed without bundling the Public
 * Suffix List (tldts, about 48 KB gzipped).
 */
export type SiteMatch = 'exact' | 'subdomain' | 'same-site' | 'related';

const RANK: Readonly<Record<SiteMatch, number>> = {
  exact: 4,
  subdomain: 3,
  'same-site': 2,
  related: 1,
};

/** For sorting: higher is stronger, 0 for no match. */
export function matchRank(match: SiteMatch | null | undefined): number {
  return match === null || match === undefined ? 0 : RANK[match];
}

/** A stored match read back (the code cache's page parts): one of the four kinds. */
export function isSiteMatch(value: unknown): value is SiteMatch {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}
