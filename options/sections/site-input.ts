/**
 * The site a person types for an account: a web address, with or without https://, or nothing.
 * Stored as an origin, as scanned accounts are (src/sites), so matching treats both alike.
 */
import { normaliseSite } from '../../src/sites';

/** The origin, '' for an empty field, or null when the text is not a web address. */
export function siteFromInput(text: string): string | null {
  const site = normaliseSite(text);
  if (site.ok) return site.value;
  return site.error === 'site_empty' ? '' : null;
}

/** The positions of the fields whose text is not a web address. */
export function invalidPositions(texts: readonly string[]): number[] {
  return texts.flatMap((text, i) => (siteFromInput(text) === null ? [i] : []));
}
