/**
 * The registrable domain of a host ("eTLD+1") by the Public Suffix List, through tldts, which
 * bundles the list in its code (no network, no file read). The private section counts: under
 * github.io, blogspot.com or s3.amazonaws.com every customer's name is a registrable domain of
 * its own, so alice.github.io and bob.github.io are different sites, as browsers treat them.
 */
// tldts's own minified build, not its ES2015 modules (the `module` entry): from those, the
// bundler's minifier copies the list's 68 KB string of labels into both places that use it,
// which doubles tldts in the extension (114 KB gzipped instead of 49 KB). Same code, same data.
import { parse } from 'tldts/dist/index.esm.min.js';

const OPTIONS = {
  allowPrivateDomains: true,
  // Our callers pass a host already parsed and checked (origin.ts), never a URL.
  extractHostname: false,
  // Never guess a site for an IP address.
  detectIp: true,
} as const;

/** `accounts.google.com` → `google.com`, `victim.me.uk` → itself, `me.uk`/`localhost`/IPs → null. */
export function registrableDomain(host: string): string | null {
  const result = parse(host, OPTIONS);
  return result.isIp === true ? null : result.domain;
}
