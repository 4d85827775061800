/**
 * The organisation's allowed issuers (the `AllowedIssuers` key): a list of name patterns, and an
 * account whose issuer matches none of them is refused in every way an account gets in (typed,
 * pasted, scanned, imported, restored) and when an issuer is renamed.
 *
 * Patterns are globs, not regular expressions: `*` stands for any run of characters (none
 * included), `?` for exactly one, everything else for itself; case and surrounding spaces do not
 * count, and the whole issuer must match (`Contoso*` allows "Contoso" and "Contoso VPN", not
 * "My Contoso"). Globs are what an administrator can write without surprises, and matching one
 * takes time proportional to its length times the name's, whatever it holds.
 */

export const ISSUER_PATTERN_LIMITS = {
  /** Characters in one pattern (longer than any issuer Otter keeps). */
  maxLength: 200,
  /** Patterns in the list. */
  maxPatterns: 500,
} as const;

/** The patterns of a policy value: null when the value is not a usable list (ignored then). */
export function parseIssuerPatterns(raw: unknown): readonly string[] | null {
  if (!Array.isArray(raw)) return null;
  const patterns = raw
    .slice(0, ISSUER_PATTERN_LIMITS.maxPatterns)
    .filter(
      (p): p is string => typeof p === 'string' && p.length <= ISSUER_PATTERN_LIMITS.maxLength,
    )
    .map(normalise);
  // An empty list is far more likely a mistake than "no account at all": it is ignored.
  return patterns.length === 0 ? null : [...new Set(patterns)];
}

function normalise(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/** Glob match of the whole name, by code point; linear backtracking to the last `*` only. */
function globMatch(pattern: readonly string[], name: readonly string[]): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = n;
    } else if (c !== undefined && (c === '?' || c === name[n])) {
      p++;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether `issuer` is allowed: always when the policy sets no list. */
export function issuerAllowed(issuer: string, patterns: readonly string[] | undefined): boolean {
  if (patterns === undefined) return true;
  const name = [...normalise(issuer)];
  return patterns.some((pattern) => globMatch([...pattern], name));
}
