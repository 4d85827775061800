/**
 * What Enter does in the popup, and what the popup offers afterwards, given how the selected
 * account matches the page (the worker's `matches`). Enter never types a code into a page the
 * account does not belong to: it copies, and the user may then fill anyway or teach the account
 * this site. The worker checks the same again (fillCode, `fill_site_mismatch`).
 */
import { send } from '../src/messages/client';
import type { AccountView } from '../src/messages/protocol';
import type { SiteMatch } from '../src/sites/match-rank';
import { learnsInsecurely } from '../src/sites/site-list';
import { webHost } from '../src/sites/origin';

/** `fill`: the account belongs to the page; `copy`: not a web page; `stranger`: copy, then ask. */
export type EnterAction = 'fill' | 'copy' | 'stranger';

export function enterAction(match: SiteMatch | null, host: string | null): EnterAction {
  if (host === null) return 'copy';
  return match === null ? 'stranger' : 'fill';
}

/** The host of the account's first site, to say "This page is not github.com" (null: none). */
export function firstSiteHost(account: AccountView): string | null {
  return webHost(account.sites[0] ?? null);
}

/**
 * Whether to offer "Use <account> on <host> from now on?" after a copy or fill: on a web page the
 * account does not match, unless that page is the http twin of one of its https sites, which is
 * never learnt (site-list.ts): the same host or one under or above it over https, compared here,
 * or any the worker names in `insecureTwins` (it has the Public Suffix List).
 */
export function offersToLearn(
  account: AccountView,
  match: SiteMatch | null,
  pageUrl: string | null,
  insecureTwins: readonly string[] | undefined,
): boolean {
  if (pageUrl === null || webHost(pageUrl) === null || match !== null) return false;
  // Both, as the worker checks both (addPageSite): hosts alike whatever the port, and matches.
  return !learnsInsecurely(account.sites, pageUrl) && !insecureTwins?.includes(account.id);
}

/**
 * A code onto the clipboard; false when the browser refused (a popup that lost the focus). The
 * worker clears it after the user's delay, even once this popup has closed.
 */
export async function writeCode(code: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(code);
  } catch {
    return false;
  }
  void send('codeCopied', {});
  return true;
}
