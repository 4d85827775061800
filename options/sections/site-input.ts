/**
 * The site a person types for an account: a web address, with or without https://, or nothing.
 * Stored as an origin, as scanned accounts are (src/sites.ts), so matching treats both alike.
 */
import { siteOf } from '../../src/sites';

/** The origin, '' for an empty field, or null when the text is not a web address. */
export function siteFromInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const typedScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const site = siteOf(typedScheme ? trimmed : `https://${trimmed}`);
  if (site === '') return null;
  // Without a scheme, a name with no dot is almost always a slip ("github" for github.com); with
  // one (http://intranet:8080), the person meant exactly that host.
  return typedScheme || new URL(site).hostname.includes('.') ? site : null;
}
