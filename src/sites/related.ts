/**
 * Lookup in the related sign-in domains table (related-domains.ts): which groups a page or an
 * account's site belongs to, by its exact origin and by its registrable domain.
 */
import type { WebOrigin } from './origin';
import { RELATED_GROUPS } from './related-domains';

let index: ReadonlyMap<string, readonly number[]> | null = null;

/** Entry (domain or origin) → the groups that list it. Built once, on first use. */
function groupIndex(): ReadonlyMap<string, readonly number[]> {
  if (index === null) {
    const built = new Map<string, number[]>();
    RELATED_GROUPS.forEach((group, i) => {
      for (const entry of group.entries) built.set(entry, [...(built.get(entry) ?? []), i]);
    });
    index = built;
  }
  return index;
}

/**
 * A listed origin stands for itself alone: origins are listed where the registrable domain is
 * another group's (signin.aws.amazon.com under Amazon's amazon.com) or serves other people's
 * pages, so the domain's groups must not come with it (AWS would relate to amazon.de).
 */
function groupsOf(site: WebOrigin, domain: string | null): readonly number[] {
  const byOrigin = groupIndex().get(site.origin);
  if (byOrigin !== undefined) return byOrigin;
  return domain === null ? [] : (groupIndex().get(domain) ?? []);
}

/**
 * Whether two sites share a sign-in group. Only https on the default port: the table names
 * public services, which sign in over https, and an http page must never get an https code.
 * `domain` is each site's registrable domain (null for none).
 */
export function inRelatedGroup(
  a: WebOrigin,
  aDomain: string | null,
  b: WebOrigin,
  bDomain: string | null,
): boolean {
  if (a.scheme !== 'https' || b.scheme !== 'https' || a.port !== '' || b.port !== '') return false;
  if (a.isIp || b.isIp) return false;
  const groups = groupsOf(a, aDomain);
  return groups.length > 0 && groupsOf(b, bDomain).some((g) => groups.includes(g));
}
