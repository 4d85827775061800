/**
 * The popup's list in the order it is shown: the page's accounts first, the strongest match first
 * (exact, subdomain, same site, related sign-in domain), each in the user's order; then the rest.
 * A search orders by how well each account answers it, and the page's accounts still come first,
 * in their own group (AccountGroups takes the first `suggested` rows as the page's).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageMatches } from '../src/cache/code-cache';
import type * as SearchModule from '../src/search';
import type { AccountView, ResponseOf } from '../src/messages/protocol';
import { matchRank, type SiteMatch } from '../src/sites/match-rank';
import { webHost } from '../src/sites/origin';
import { learnsInsecurely } from '../src/sites/site-list';

/**
 * Search (src/search: 1.4 KB gzipped; its text folding stays at open, for the monograms) is
 * loaded once the list is on screen, not before the first code: the popup's JavaScript at open
 * has a 30 KB budget. Until it is here a query shows no row,
 * so an Enter pressed that soon never acts on a row the query would not have found.
 */
type Search = typeof SearchModule;
let loaded: Search | null = null;
let loading: Promise<Search> | null = null;
export function loadSearch(): Promise<Search> {
  return (loading ??= import('../src/search').then((module) => (loaded = module)));
}

/**
 * The list on screen: the worker's answer, or the code cache's before it, with the page's part's
 * word on its accounts (`hint`: the worker's matches when it last saw this page), which orders
 * and groups the list as the answer will, but is not the answer (`known` stays false).
 */
export type ShownList = ResponseOf<'listAccounts'> & { readonly hint?: PageMatches };

export interface PageAccounts {
  /** The page's host for people (`login.example.com`), or null when it is not a web page. */
  readonly host: string | null;
  /** How the account matches the page; null for none (or not known yet: `known`). */
  readonly matchOf: (account: AccountView) => SiteMatch | null;
  /** Whether the worker has compared the accounts with the page (`matches`). */
  readonly known: boolean;
  readonly shown: readonly AccountView[];
  /** How many of `shown`, from the first, are the page's. */
  readonly suggested: number;
  /** No account belongs to the page: said once the worker has compared (now or lately). */
  readonly noAccount: boolean;
}

export function usePageAccounts(
  list: ShownList,
  site: string,
  pageUrl: string | null,
  query: string,
): PageAccounts {
  const host = webHost(pageUrl);
  // The worker says how each account matches the page (it holds the Public Suffix List); painted
  // from the code cache before it answers, its word on this page when last seen, or else only an
  // exact origin counts, and never an http twin of one of the account's https sites, which
  // matches nothing (src/sites/match.ts).
  const said = list.matches ?? list.hint;
  const matchOf = (a: AccountView): SiteMatch | null =>
    said !== undefined
      ? (said[a.id] ?? null)
      : site !== '' && a.sites.includes(site) && !learnsInsecurely(a.sites, site)
        ? 'exact'
        : null;
  const ordered = useMemo(() => {
    const rank = new Map(list.accounts.map((a) => [a.id, matchRank(matchOf(a))]));
    return [...list.accounts].sort((a, b) => (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0));
  }, [list, site]);
  const [search, setSearch] = useState(loaded);
  useEffect(() => {
    if (search === null) void loadSearch().then(setSearch);
  }, []);
  // Indexed once per list; a keystroke then compares short strings (src/search).
  const index = useMemo(() => search?.indexForSearch(ordered) ?? null, [ordered, search]);
  const { shown, suggested } = useMemo(() => {
    const found =
      query.trim() === '' ? ordered : index === null ? [] : search!.search(index, query);
    const page = found.filter((a) => matchOf(a) !== null);
    const rest = page.length === 0 ? found : found.filter((a) => matchOf(a) === null);
    return { shown: [...page, ...rest], suggested: page.length };
  }, [ordered, index, query]);
  return {
    host,
    matchOf,
    known: list.matches !== undefined,
    shown,
    suggested,
    noAccount: host !== null && said !== undefined && list.accounts.every((a) => !said[a.id]),
  };
}
