/**
 * Matching accounts to the page in the active tab. An account's site is the origin where its QR
 * code was scanned, or one the user set. The page matches when it is on the same host, or on the
 * same registrable domain (accounts.example.com vs www.example.com): sign-in and setup pages often
 * live on different subdomains.
 */

/** The origin of a URL, or '' for anything that is not a web page (chrome://, about:, file:). */
export function siteOf(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : '';
  } catch {
    return '';
  }
}

/** Second-level labels under which names are registered (co.uk, com.au, …): a small list. */
const SHARED_SECOND_LEVEL = new Set([
  'co',
  'com',
  'net',
  'org',
  'gov',
  'edu',
  'ac',
  'or',
  'ne',
  'go',
]);

/** The registrable domain, approximated without the full Public Suffix List. */
export function registrableDomain(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host; // IPs, localhost
  const labels = host.toLowerCase().split('.');
  const take =
    labels.length >= 3 && SHARED_SECOND_LEVEL.has(labels.at(-2)!) && labels.at(-1)!.length === 2
      ? 3
      : 2;
  return labels.slice(-take).join('.');
}

export function sameSite(accountSite: string, pageSite: string): boolean {
  if (accountSite === '' || pageSite === '') return false;
  try {
    const a = new URL(accountSite);
    const b = new URL(pageSite);
    return (
      a.hostname === b.hostname || registrableDomain(a.hostname) === registrableDomain(b.hostname)
    );
  } catch {
    return false;
  }
}
