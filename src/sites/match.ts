/**
 * Matching an account's site to the page in the active tab, strongest first:
 * - `exact`: same origin (scheme, host, port). The only match that may fill without asking.
 * - `subdomain`: the page is on a subdomain of the account's host (same scheme and port) and in
 *   its registrable domain, as login.example.com for an account set up on example.com.
 * - `same-site`: another host under the same registrable domain by the Public Suffix List with its
 *   private section (accounts.google.com and myaccount.google.com; never alice.github.io and
 *   bob.github.io, never victim.me.uk and evil.me.uk), same scheme and port.
 * - `related`: different domains that one service signs in on (related-domains.ts), https only.
 * A page on a host that serves other people's pages (shared-hosts.ts) matches by exact origin
 * only. Never across http and https, never on an http page beside an https site of the same
 * account (bestMatch), never between different IP addresses, and a trailing dot
 * changes nothing (origin.ts). Sites that cannot be parsed match nothing.
 */
import { MAX_SITE_TEXT, parseSite, parseWebUrl, type WebOrigin } from './origin';
import { registrableDomain } from './registrable-domain';
import { inRelatedGroup } from './related';
import { servesOthers } from './shared-hosts';

import { matchRank, type SiteMatch } from './match-rank';

export { matchRank, type SiteMatch } from './match-rank';

interface Site extends WebOrigin {
  /** Registrable domain; null for IPs, public suffixes and one-label names. */
  readonly domain: string | null;
  /** As a page, matched by its exact origin only: its host serves others' pages (shared-hosts). */
  readonly exactOnly: boolean;
}

function withDomain(origin: WebOrigin): Site {
  if (origin.isIp) return { ...origin, domain: null, exactOnly: false };
  return {
    ...origin,
    domain: registrableDomain(origin.host),
    exactOnly: servesOthers(origin.host),
  };
}

// The popup matches every account against one page on each render: parse each site once. Both
// caches are bounded; a site is a short string (MAX_SITE_TEXT), a page URL is kept only once.
const ACCOUNT_CACHE_SIZE = 1024;
const accountCache = new Map<string, Site | null>();
let lastPage: { readonly url: string; readonly site: Site | null } | null = null;

function parseAccountSite(site: string): Site | null {
  const cached = accountCache.get(site);
  if (cached !== undefined) return cached;
  const parsed = parseSite(site);
  const result = parsed.ok ? withDomain(parsed.value) : null;
  if (accountCache.size >= ACCOUNT_CACHE_SIZE) accountCache.clear();
  if (site.length <= MAX_SITE_TEXT) accountCache.set(site, result);
  return result;
}

function parsePageSite(pageUrl: string): Site | null {
  if (lastPage?.url !== pageUrl) {
    const parsed = parseWebUrl(pageUrl);
    lastPage = { url: pageUrl, site: parsed.ok ? withDomain(parsed.value) : null };
  }
  return lastPage.site;
}

function compare(account: Site, page: Site): SiteMatch | null {
  if (account.origin === page.origin) return 'exact';
  // Someone else's page under a service's own domain (a Google Form, another company's Okta):
  // the popup must not offer the service's account there as the page's own.
  if (page.exactOnly) return null;
  if (account.scheme !== page.scheme || account.isIp || page.isIp) return null;
  // A host that is itself a public suffix (github.io, co.uk) or one label (localhost) has no
  // subdomains or siblings of its own: only its exact origin matches. A subdomain must be in the
  // account's registrable domain too: under amazonaws.com, bucket.s3.amazonaws.com is someone
  // else's (s3.amazonaws.com is a public suffix below it).
  if (account.port === page.port && account.domain !== null && account.domain === page.domain) {
    return page.host.endsWith(`.${account.host}`) ? 'subdomain' : 'same-site';
  }
  return inRelatedGroup(account, account.domain, page, page.domain) ? 'related' : null;
}

/**
 * How the account's site (a stored or typed site, see normaliseSite) matches the page at `pageUrl`
 * (a tab's URL or origin). Null when it does not, or when either cannot be parsed. Never throws.
 */
export function matchSite(accountSite: string, pageUrl: string): SiteMatch | null {
  const page = parsePageSite(pageUrl);
  const account = parseAccountSite(accountSite);
  return page === null || account === null ? null : compare(account, page);
}

/**
 * The strongest match of any of an account's sites, or null. Never on an http page that is the
 * plain twin of one of the account's https sites (isInsecureTwin), whichever http site of the
 * list would match it: learning refuses such a site, but one typed, imported (a password
 * manager's old `http://` address) or merged on replace is in the list all the same, and as an
 * exact match the keyboard command would fill it without asking.
 */
export function bestMatch(sites: readonly string[], pageUrl: string): SiteMatch | null {
  const page = parsePageSite(pageUrl);
  if (page === null || (page.scheme === 'http' && twinOfHttpsSite(sites, page.host))) return null;
  return strongest(sites, page);
}

function strongest(sites: readonly string[], page: Site): SiteMatch | null {
  let best: SiteMatch | null = null;
  for (const site of sites) {
    const account = parseAccountSite(site);
    const match = account === null ? null : compare(account, page);
    if (matchRank(match) > matchRank(best)) best = match;
    if (best === 'exact') break;
  }
  return best;
}

/**
 * Whether an http page is the plain twin of a site the account has over https: the same host over
 * https, on that site's port, would match it (exact, subdomain, same site, related). Such a page
 * is never learnt as a site (site-list.ts says why). Whatever the page's own port, as
 * `learnsInsecurely` compares hosts: http://b.example.com:8443 beside https://a.example.com:8443.
 */
export function isInsecureTwin(sites: readonly string[], pageUrl: string): boolean {
  const page = parseWebUrl(pageUrl);
  return page.ok && page.value.scheme === 'http' && twinOfHttpsSite(sites, page.value.host);
}

/**
 * Whether a typed list (`after`) adds a site `before` did not have that is the http twin of one
 * of its https sites: it would match nothing (bestMatch), so the form says so instead of keeping
 * it. One already in the list (imported from an old address) does not stop other changes.
 */
export function addsInsecureTwin(before: readonly string[], after: readonly string[]): boolean {
  return after.some((site) => !before.includes(site) && isInsecureTwin(after, site));
}

/** Whether `host` over https, on the port of one of the https sites, would match that site. */
function twinOfHttpsSite(sites: readonly string[], host: string): boolean {
  return sites.some((site) => {
    const account = parseAccountSite(site);
    if (account === null || account.scheme !== 'https') return false;
    const twin = parseWebUrl(`https://${host}${account.port === '' ? '' : `:${account.port}`}/`);
    // A host that serves others' pages counts as well: http://docs.google.com beside an
    // account's https://accounts.google.com is still a forgeable page that learning would make
    // exact.
    return twin.ok && compare(account, { ...withDomain(twin.value), exactOnly: false }) !== null;
  });
}

/**
 * Whether the keyboard command may fill this account's code into the page without asking: only
 * on the exact origin where the account was set up or that the user gave. A subdomain, a sibling
 * or a related domain may be someone else's page (a user's pages, a compromised host), so those
 * are offered in the popup, where the user chooses.
 */
export function isSilentFillAllowed(sites: string | readonly string[], pageUrl: string): boolean {
  return bestMatch(typeof sites === 'string' ? [sites] : sites, pageUrl) === 'exact';
}
