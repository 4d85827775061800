/**
 * One search for every list of accounts (the popup, the accounts page, the Trash): what people
 * type finds the account by its service, its account name or its site, whatever the case or the
 * accents, by initials ("aws" → Amazon Web Services, "gh" → GitHub) and by well-known short
 * names (src/search/aliases.ts). Each word typed must match; the best matches come first (a name
 * that begins with what was typed before one that only contains it), ties in the list's order.
 *
 * Fast by construction: the list is indexed once (folded text, words, initials, aliases), and a
 * keystroke only compares short strings: a thousand accounts take well under a millisecond.
 * Pure: no DOM, no extension API.
 */
import { aliasesFor, aliasesOfName } from './aliases';
import { fold, initials, siteHost, words } from './normalize';

export interface Searchable {
  readonly issuer: string;
  readonly account: string;
  readonly sites: readonly string[];
}

/** Longer queries are cut: nobody types more, and the work per keystroke stays bounded. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

interface Field {
  /** Folded, as written ("amazon web services"). */
  readonly text: string;
  /** Folded, letters and digits only ("amazonwebservices"). */
  readonly compact: string;
  readonly words: readonly string[];
  /** Added to a match in this field: the service counts most, then the account, then the site. */
  readonly bonus: number;
}

interface Entry<T> {
  readonly item: T;
  readonly fields: readonly Field[];
  readonly initials: readonly string[];
  readonly aliases: readonly string[];
  /** The aliases the service's own name has ("ms" for Microsoft), not those of its sites' hosts. */
  readonly serviceAliases: readonly string[];
}

/** A list prepared for searching; make it again when the list changes. */
export interface SearchIndex<T> {
  readonly items: readonly T[];
  readonly entries: readonly Entry<T>[];
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const compact = (text: string): string => text.replace(NOT_WORD, '');

function field(text: string, bonus: number): Field {
  const folded = fold(text.trim());
  return { text: folded, compact: compact(folded), words: words(text), bonus };
}

function entry<T extends Searchable>(item: T): Entry<T> {
  const hosts = item.sites.map(siteHost);
  const issuer = field(item.issuer, 3);
  return {
    item,
    fields: [issuer, field(item.account, 2), ...hosts.map((host) => field(host, 1))],
    initials: [initials(item.issuer, issuer.words)].filter((i) => i !== ''),
    aliases: aliasesFor(issuer.compact, hosts),
    serviceAliases: aliasesFor(issuer.compact, []),
  };
}

export function indexForSearch<T extends Searchable>(items: readonly T[]): SearchIndex<T> {
  return { items, entries: items.map(entry) };
}

interface Term {
  readonly text: string;
  readonly compact: string;
  /** Typed as a domain: the service's name in it (domainName), and the aliases of that name. */
  readonly domain: string | null;
  readonly domainAliases: readonly string[];
}

/** The words of a query, folded; none for a query of spaces. Worked out once per query. */
export function queryTerms(query: string): Term[] {
  return fold(query.slice(0, MAX_QUERY_LENGTH))
    .split(/\s+/)
    .filter((t) => t !== '')
    .slice(0, MAX_TERMS)
    .map((text) => {
      const domain = domainName(text);
      return {
        text,
        compact: compact(text),
        domain,
        domainAliases: domain === null ? [] : aliasesOfName(domain),
      };
    });
}

/** How well one typed word matches a field (0: not at all). */
function fieldScore(term: Term, f: Field): number {
  if (f.text === '') return 0;
  const c = term.compact;
  if (f.text === term.text || (c !== '' && f.compact === c)) return 100 + f.bonus;
  if (f.text.startsWith(term.text) || (c !== '' && f.compact.startsWith(c))) return 80 + f.bonus;
  if (f.words.some((w) => w.startsWith(term.text) || (c !== '' && w.startsWith(c)))) {
    return 60 + f.bonus;
  }
  if (f.text.includes(term.text) || (c.length >= 2 && f.compact.includes(c))) return 20 + f.bonus;
  return 0;
}

/** Initials and aliases: a whole match, or the start of one from two letters on. */
function shortScore(term: Term, names: readonly string[], whole: number, start: number): number {
  let best = 0;
  for (const name of names) {
    if (name === term.compact) return whole;
    if (term.compact.length >= 2 && name.startsWith(term.compact)) best = start;
  }
  return best;
}

/** Second-level labels under a country's domain: "amazon.co.uk" is Amazon, not "co". */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go']);

/**
 * A word typed as a domain ("github.com", "amazon.co.uk", "x.com."): the service's name in it,
 * which finds the service even when the account has no site. Not an IP address.
 */
function domainName(text: string): string | null {
  const labels = text.replace(/\.$/, '').split('.');
  if (labels.length < 2 || labels.includes('') || labels.every((l) => /^\d+$/.test(l))) return null;
  const last = labels.length - 1;
  const at = last >= 2 && SECOND_LEVEL.has(labels[last - 1]!) ? last - 2 : last - 1;
  const name = compact(labels[at]!);
  return name === '' ? null : name;
}

/**
 * The service named by a domain typed: its issuer is that name ("GitHub" for github.com), or its
 * first word is ("Amazon Web Services" for amazon.com), or the name is one of the service's
 * well-known names ("Microsoft" for login.microsoftonline.com, "X" for twitter.com); never a name
 * that only begins with it ("Mailchimp" is not mail.com), and never an account only because its
 * site is hosted there (acme.github.io is not GitHub).
 */
function domainScore<T>(term: Term, e: Entry<T>): number {
  const name = term.domain;
  const issuer = e.fields[0];
  if (name === null || issuer === undefined) return 0;
  if (issuer.compact === name) return 70 + issuer.bonus;
  if (issuer.words[0] === name) return 50 + issuer.bonus;
  const named = term.domainAliases.some((alias) => e.serviceAliases.includes(alias));
  return named ? 45 + issuer.bonus : 0;
}

function termScore<T>(term: Term, e: Entry<T>): number {
  let best = Math.max(shortScore(term, e.aliases, 75, 45), shortScore(term, e.initials, 70, 40));
  best = Math.max(best, domainScore(term, e));
  for (const f of e.fields) best = Math.max(best, fieldScore(term, f));
  return best;
}

/** How well an entry matches every term: 0 when one term matches nothing. */
function score<T>(terms: readonly Term[], e: Entry<T>): number {
  let total = 0;
  for (const term of terms) {
    const s = termScore(term, e);
    if (s === 0) return 0;
    total += s;
  }
  return total;
}

/**
 * The items that match `query`, best first (ties in the list's order); every item, in order,
 * for an empty query. Never throws.
 */
export function search<T>(index: SearchIndex<T>, query: string): T[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [...index.items];
  const found: { item: T; score: number; at: number }[] = [];
  index.entries.forEach((e, at) => {
    const s = score(terms, e);
    if (s > 0) found.push({ item: e.item, score: s, at });
  });
  found.sort((a, b) => b.score - a.score || a.at - b.at);
  return found.map((f) => f.item);
}

/** Whether one item matches (for a single check; a list is faster through an index). */
export function matchesSearch(item: Searchable, query: string): boolean {
  const terms = queryTerms(query);
  return terms.length === 0 || score(terms, entry(item)) > 0;
}
