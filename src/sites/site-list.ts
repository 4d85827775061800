/**
 * An account's list of sites, as the vault keeps it (src/vault/format.ts): canonical origins
 * (origin.ts), no duplicates, at most MAX_SITES. Every write path goes through one of these, so
 * the reader's rules hold for whatever a form, a scan, an import or a restore hands the worker.
 */
import { err, ok, type Result } from '../result';
import { MAX_SITES } from '../text-limits';
import { normaliseSite, parseSite, parseWebUrl } from './origin';

/** Why a list of sites was refused: the user-facing codes (src/errors.ts). */
export const SITE_LIST_ERRORS = [
  /** A site that is not a web address Otter can match (origin.ts says which rule). */
  'site_invalid',
  /** More than MAX_SITES sites for one account. */
  'site_too_many',
  /** "Use on this site": the page is not an http(s) page. */
  'site_not_web_page',
  /** "Use on this site": an http page, for an account that has the same host over https. */
  'site_not_secure',
  /** A typed list adds the http twin of one of its https sites, which would match nothing. */
  'site_http_twin',
  /** A fill into a page that is not one of the account's sites, without the user's yes. */
  'fill_site_mismatch',
] as const;
export type SiteListError = (typeof SITE_LIST_ERRORS)[number];

/**
 * Sites as a person typed them (the edit view, an add form): each normalised, blanks dropped,
 * duplicates merged (`github.com` and `https://github.com/login` are one site). Refused as a
 * whole when any one is not a web address, or there are too many: a form says so, nothing is
 * guessed.
 */
export function normaliseSites(texts: readonly string[]): Result<string[], SiteListError> {
  if (texts.length > MAX_SITES * 4) return err('site_too_many');
  const sites: string[] = [];
  for (const text of texts) {
    if (text.trim() === '') continue;
    const site = normaliseSite(text);
    if (!site.ok) return err('site_invalid');
    if (!sites.includes(site.value)) sites.push(site.value);
  }
  return sites.length > MAX_SITES ? err('site_too_many') : ok(sites);
}

/**
 * Sites read from another app's export or an old record: those that normalise, in their order,
 * without duplicates, the first MAX_SITES. What cannot be matched is left out, not refused: an
 * import must not fail on a note-like URL field.
 */
export function acceptedSites(texts: readonly string[]): string[] {
  const sites: string[] = [];
  for (const text of texts) {
    if (sites.length >= MAX_SITES) break;
    const site = normaliseSite(text);
    if (site.ok && !sites.includes(site.value)) sites.push(site.value);
  }
  return sites;
}

/** `sites` and `more` together (`sites` first), as `acceptedSites` keeps them. */
export function mergeSites(sites: readonly string[], more: readonly string[]): string[] {
  return acceptedSites([...sites, ...more]);
}

/**
 * Whether learning this page would add the plain-http twin of a host the account has over https
 * (`http://github.com` or `http://www.github.com` beside `https://github.com`). Never: the twin
 * would be an exact match, so the keyboard command would then fill the code silently into a page
 * that anyone on the network can forge. Matching never crosses from https to http (match.ts);
 * neither does learning. By hosts only (the same, or one under the other), so the popup can ask
 * without the Public Suffix List; the worker also refuses any twin that would match
 * (`isInsecureTwin`, match.ts).
 */
export function learnsInsecurely(sites: readonly string[], pageUrl: string): boolean {
  const page = parseWebUrl(pageUrl);
  if (!page.ok || page.value.scheme !== 'http') return false;
  const host = page.value.host;
  return sites.some((site) => {
    const parsed = parseSite(site);
    if (!parsed.ok || parsed.value.scheme !== 'https') return false;
    const other = parsed.value.host;
    return other === host || other.endsWith(`.${host}`) || host.endsWith(`.${other}`);
  });
}

/**
 * The site to learn from a page ("Use this account on <host> from now on"): the page's origin,
 * or `site_not_web_page` for anything but an http(s) page, `site_not_secure` for the http twin
 * of an https site. Adding it to a full list is `site_too_many`; adding one already there
 * changes nothing.
 */
export function withPageSite(
  sites: readonly string[],
  pageUrl: string,
): Result<string[], SiteListError> {
  const page = parseWebUrl(pageUrl);
  if (!page.ok) return err('site_not_web_page');
  if (learnsInsecurely(sites, pageUrl)) return err('site_not_secure');
  if (sites.includes(page.value.origin)) return ok([...sites]);
  if (sites.length >= MAX_SITES) return err('site_too_many');
  return ok([...sites, page.value.origin]);
}
