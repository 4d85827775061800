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

/** An `AllowedIssuers` value as read: the patterns in force, and what of it Otter could not use. */
export interface IssuerList {
  /** Lower-cased, without duplicates; empty when no entry was usable (then no issuer is allowed). */
  readonly patterns: readonly string[];
  /** Positions (from 1) of the entries that are not text or are too long, among those read. */
  readonly unusable: readonly number[];
  /** Entries past `maxPatterns`, not read at all. */
  readonly overLimit: number;
}

/**
 * A policy value as a list of patterns: null when it is not a list, or an empty one (far more
 * likely a mistake than "no account at all"), and then ignored. Entries Otter cannot use are
 * skipped and reported; a list none of whose entries is usable still restricts (to nothing):
 * the administrator asked for a restriction, and a mistake in it must not lift it.
 */
export function readIssuerList(raw: unknown): IssuerList | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const patterns = new Set<string>();
  const unusable: number[] = [];
  raw.slice(0, ISSUER_PATTERN_LIMITS.maxPatterns).forEach((p: unknown, i) => {
    if (typeof p === 'string' && p.length <= ISSUER_PATTERN_LIMITS.maxLength)
      patterns.add(normalise(p));
    else unusable.push(i + 1);
  });
  return {
    patterns: [...patterns],
    unusable,
    overLimit: Math.max(0, raw.length - ISSUER_PATTERN_LIMITS.maxPatterns),
  };
}

/** The patterns in force of a policy value, or null when it is ignored (readIssuerList). */
export function parseIssuerPatterns(raw: unknown): readonly string[] | null {
  return readIssuerList(raw)?.patterns ?? null;
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
