/**
 * A link whose `issuer` is a web address rather than a service's name. Passbolt's "csv (keepass)"
 * export writes each resource's URL there, percent-encoded twice, and labels the link
 * `name:username` (passbolt_browser_extension, TotpEntity.createUrlFromResource); a few sites do
 * the same with their own address. Read as it stands, the service would be called
 * `https%3A%2F%2Fgithub.com`. The label's own prefix names the service instead (or, without one,
 * the address's host), and the address's origin becomes one of the account's sites (as every
 * importer keeps a web address).
 */
import { percentDecode, splitLabel } from '../../otp/uri';

/** Decoded at most twice (Passbolt encodes once more than the link's own encoding). */
const ENCODED_SCHEME = /^https?%3a/i;

function webAddress(issuer: string): URL | null {
  const text = ENCODED_SCHEME.test(issuer) ? percentDecode(issuer).trim() : issuer.trim();
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    // Not URL.canParse: Chromium has it from 120 only, and Otter runs from 116.
    url = new URL(text);
  } catch {
    return null;
  }
  return url.hostname === '' ? null : url;
}

/**
 * The service's name and the site for a link whose issuer is a web address; null for any other
 * link. `issuer`: the parsed link's issuer (decoded once, as the parser reads it).
 */
export function issuerAddress(
  uri: string,
  issuer: string,
): { readonly issuer: string; readonly site: string; readonly account: string } | null {
  const address = webAddress(issuer);
  if (address === null) return null;
  // As the parser reads it: a lone surrogate becomes U+FFFD, so the name reads back as written.
  const rawLabel = /^otpauth:\/\/[^/?#]*\/([^?#]*)/i.exec(uri.trim().toWellFormed())?.[1] ?? '';
  const label = splitLabel(rawLabel, issuer);
  const prefix = label.prefix ?? '';
  const named = prefix !== '' && webAddress(prefix) === null && prefix !== issuer;
  return {
    issuer: named ? prefix : address.hostname.replace(/^www\./, ''),
    site: address.origin,
    // The label's account name alone: the parser, seeing two names for the service, added the
    // prefix to it, and the prefix is the service's name now.
    account: label.account,
  };
}
