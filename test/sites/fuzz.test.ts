import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchSite, normaliseSite, siteOf } from '../../src/sites';
import { MAX_PAGE_URL } from '../../src/sites/origin';

/** Host-like pieces, including the awkward ones: dots, IPs, IDN, ports, user parts. */
const piece = fc.constantFrom(
  'example.com',
  'github.io',
  'alice.github.io',
  'me.uk',
  'co.uk',
  'bücher.de',
  'xn--bcher-kva.de',
  'localhost',
  '127.0.0.1',
  '[::1]',
  '.',
  '..',
  '',
  ':8080',
  ':443',
  '@',
  'user:pw@',
  '/',
  '?',
  '#',
  '\\',
  '%2e',
  '\t',
  ' ',
  '\u00ad',
  'ｇ',
  'login.microsoftonline.com',
  'mysignins.microsoft.com',
);
const scheme = fc.constantFrom(
  '',
  'https://',
  'http://',
  'HTTPS://',
  'ftp://',
  'javascript:',
  '//',
);
const siteLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.webUrl(),
  fc.domain(),
  fc.tuple(scheme, fc.array(piece, { maxLength: 6 })).map(([s, p]) => s + p.join('')),
  fc
    .tuple(scheme, fc.domain(), fc.constantFrom('', '.', '..', ':8443', '.:80'))
    .map((t) => t.join('')),
);

describe('site matching under random input', () => {
  it('normaliseSite never throws, and its result normalises to itself and is its own origin', () => {
    fc.assert(
      fc.property(siteLike, (text) => {
        const once = normaliseSite(text);
        if (!once.ok) return;
        expect(normaliseSite(once.value)).toEqual(once);
        expect(siteOf(once.value)).toBe(once.value);
        expect(matchSite(once.value, once.value)).toBe('exact');
      }),
      { numRuns: 3000 },
    );
  });

  it('matchSite never throws, and never matches across http and https', () => {
    fc.assert(
      fc.property(siteLike, siteLike, (account, page) => {
        const match = matchSite(account, page);
        if (match === null) return;
        expect(new URL(normaliseSiteOrThrow(account)).protocol).toBe(new URL(page).protocol);
      }),
      { numRuns: 3000 },
    );
  });

  it('a trailing dot on the page host changes nothing', () => {
    fc.assert(
      fc.property(fc.domain(), fc.domain(), fc.boolean(), (a, b, secure) => {
        const s = secure ? 'https' : 'http';
        expect(matchSite(`${s}://${a}`, `${s}://${b}./x`)).toBe(
          matchSite(`${s}://${a}`, `${s}://${b}/x`),
        );
        expect(matchSite(`${s}://${a}.`, `${s}://${b}/x`)).toBe(
          matchSite(`${s}://${a}`, `${s}://${b}/x`),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('answers quickly on the longest inputs', () => {
    const start = performance.now();
    const page = `https://login.microsoftonline.com/?q=${'a'.repeat(MAX_PAGE_URL - 50)}`;
    expect(matchSite('https://mysignins.microsoft.com', page)).toBe('related');
    expect(matchSite('https://mysignins.microsoft.com', `${page}${'a'.repeat(100)}`)).toBeNull();
    expect(normaliseSite(`${'a.'.repeat(1023)}com`).ok).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

function normaliseSiteOrThrow(text: string): string {
  const site = normaliseSite(text);
  if (!site.ok) throw new Error('a matched account site must normalise');
  return site.value;
}

describe('tldts bundles the Public Suffix List', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('answers from its own data with fetch and XMLHttpRequest gone', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in tests')));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('XMLHttpRequest', undefined);
    vi.resetModules();
    const { registrableDomain } = await import('../../src/sites/registrable-domain');
    // Private section entries, which only the full list knows.
    expect(registrableDomain('docs.alice.github.io')).toBe('alice.github.io');
    expect(registrableDomain('x.s3.amazonaws.com')).toBe('x.s3.amazonaws.com');
    expect(registrableDomain('www.victim.me.uk')).toBe('victim.me.uk');
    expect(fetch).not.toHaveBeenCalled();
  });
});
