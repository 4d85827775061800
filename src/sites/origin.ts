/**
 * Web origins for site matching: the canonical `scheme://host[:port]` of a typed, stored or page
 * address. Parsing is the WHATWG URL parser (as the browser does it: lower case, punycode for IDN,
 * canonical IPv4/IPv6, default ports dropped), then stricter rules of our own, because a site
 * decides where a code may be filled:
 * - only http and https;
 * - one trailing dot is dropped (`bank.com.` is `bank.com` to DNS and to the user), but a lone dot
 *   or an empty label (`bank.com..`, `a..b.com`) is refused, so no two spellings of a host can
 *   compare differently;
 * - host labels are letters, digits, `-` and `_` (after punycode), as DNS names are.
 * Pure: no DOM, no extension API.
 */
import { err, ok, type Result } from '../result';

export const SITE_ERRORS = [
  'site_empty',
  'site_too_long',
  'site_not_web_address',
  'site_not_http',
  /** A bare IP address or one-label name (localhost, intranet): type http:// or https://. */
  'site_needs_scheme',
  /** `user@host`: the part before @ would hide the real host (github.com@evil.example). */
  'site_credentials',
  'site_bad_host',
] as const;
export type SiteError = (typeof SITE_ERRORS)[number];

/** A typed or stored site: the vault keeps up to 2048 characters (TEXT_LIMITS.site). */
export const MAX_SITE_TEXT = 2048;
/** A page URL: Chrome's own limit on the length of a URL. */
export const MAX_PAGE_URL = 2 * 1024 * 1024;

export interface WebOrigin {
  readonly scheme: 'http' | 'https';
  /** Lower case, punycode, no trailing dot; IPv6 in brackets. */
  readonly host: string;
  /** '' for the scheme's default port. */
  readonly port: string;
  readonly isIp: boolean;
  /** `scheme://host[:port]`. */
  readonly origin: string;
}

const LABEL = /^[a-z0-9_-]{1,63}$/;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const MAX_HOST = 253;
/** A scheme followed by `//`: the text names its scheme. */
const WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `mailto:`, `javascript:`, `about:blank`… but not `host:8080`, which is a bare host and port. */
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i;
/** Spaces and control characters: the URL parser silently drops tabs and newlines in a host. */
const SPACE_OR_CONTROL = /[\s\p{Cc}]/u;

/** Parses an absolute http(s) URL to its origin, with the host rules above. */
export function parseWebUrl(url: string, maxLength = MAX_PAGE_URL): Result<WebOrigin, SiteError> {
  if (url.length > maxLength) return err('site_too_long');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err('site_not_web_address');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return err('site_not_http');
  const scheme = parsed.protocol === 'https:' ? 'https' : 'http';
  const host = hostOf(parsed.hostname);
  if (host === null) return err('site_bad_host');
  const port = parsed.port;
  return ok({
    scheme,
    host: host.name,
    port,
    isIp: host.isIp,
    origin: `${scheme}://${host.name}${port === '' ? '' : `:${port}`}`,
  });
}

function hostOf(hostname: string): { name: string; isIp: boolean } | null {
  if (hostname.startsWith('[')) return { name: hostname, isIp: true }; // IPv6, already canonical
  // The URL parser has already turned `127.0.0.1.` and `0x7f.1` into `127.0.0.1`.
  if (IPV4.test(hostname)) return { name: hostname, isIp: true };
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (name.length === 0 || name.length > MAX_HOST) return null;
  return name.split('.').every((label) => LABEL.test(label)) ? { name, isIp: false } : null;
}

/**
 * A site as a person types it or a vault stores it, to its canonical origin: `github.com`,
 * `https://GitHub.com/login` → `https://github.com`; `bücher.de` → `https://xn--bcher-kva.de`;
 * `http://127.0.0.1:8080/x` → `http://127.0.0.1:8080`. A bare name gets https://. An IP address
 * or a one-label name (localhost) needs its scheme typed: https:// would be a guess, and a local
 * server is usually plain http. Idempotent: a result normalises to itself.
 */
export function normaliseSite(text: string): Result<string, SiteError> {
  const parsed = parseSite(text);
  return parsed.ok ? ok(parsed.value.origin) : parsed;
}

/** `normaliseSite`, with the parts of the origin. */
export function parseSite(text: string): Result<WebOrigin, SiteError> {
  if (text.length > MAX_SITE_TEXT) return err('site_too_long');
  const trimmed = text.trim();
  if (trimmed === '') return err('site_empty');
  if (SPACE_OR_CONTROL.test(trimmed)) return err('site_not_web_address');
  const typedScheme = WITH_SCHEME.test(trimmed);
  if (!typedScheme && OTHER_SCHEME.test(trimmed)) return err('site_not_http');
  const url = typedScheme ? trimmed : `https://${trimmed}`;
  const parsed = parseWebUrl(url, MAX_SITE_TEXT + 'https://'.length);
  if (!parsed.ok) return parsed;
  // `https://` + `a@b` parses fine; any user part is refused (see SITE_ERRORS).
  if (/^[^/?#]*@/.test(url.slice(url.indexOf('//') + 2))) return err('site_credentials');
  if (!typedScheme && (parsed.value.isIp || !parsed.value.host.includes('.'))) {
    return err('site_needs_scheme');
  }
  return parsed;
}

/**
 * The origin of a page URL (a tab's address), or '' for anything that is not an http(s) page
 * (chrome://, about:, file:, an unparsable address). A user name in the URL does not matter here:
 * the origin is where the page really is.
 */
export function siteOf(url: string | undefined): string {
  if (url === undefined) return '';
  const parsed = parseWebUrl(url);
  return parsed.ok ? parsed.value.origin : '';
}

/**
 * The host (and port) of an http(s) URL as the URL parser gives it, for people to read
 * (`login.example.com`), or null for anything else: a page's URL, or an origin a page reported.
 */
export function webHost(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.host : null;
  } catch {
    return null;
  }
}
