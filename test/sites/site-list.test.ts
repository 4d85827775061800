/** An account's list of sites as every write path builds it (src/sites/site-list.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSite } from '../../src/sites/origin';
import {
  acceptedSites,
  learnsInsecurely,
  mergeSites,
  normaliseSites,
  withPageSite,
} from '../../src/sites/site-list';
import { MAX_SITES } from '../../src/text-limits';

const many = (n: number) => Array.from({ length: n }, (_, i) => `https://s${i}.example`);

describe('normaliseSites (typed)', () => {
  it('normalises each, drops blanks, merges spellings of one origin, keeps the order', () => {
    expect(
      normaliseSites([
        'GitHub.com/login',
        ' ',
        'https://github.com',
        'bücher.de',
        'http://[::1]:8080',
      ]),
    ).toEqual({
      ok: true,
      value: ['https://github.com', 'https://xn--bcher-kva.de', 'http://[::1]:8080'],
    });
    expect(normaliseSites([])).toEqual({ ok: true, value: [] });
  });

  it.each([['localhost'], ['javascript:alert(1)'], ['github.com@evil.example'], ['bank.com..']])(
    'refuses the whole list for %s',
    (bad) => {
      expect(normaliseSites(['github.com', bad])).toEqual({ ok: false, error: 'site_invalid' });
    },
  );

  it('refuses more than MAX_SITES distinct sites, but counts a repeat once', () => {
    expect(normaliseSites(many(MAX_SITES)).ok).toBe(true);
    expect(normaliseSites([...many(MAX_SITES), 'https://s0.example']).ok).toBe(true);
    expect(normaliseSites(many(MAX_SITES + 1))).toEqual({ ok: false, error: 'site_too_many' });
  });
});

describe('acceptedSites and mergeSites (imports, replace)', () => {
  it('keeps what normalises, once, the first MAX_SITES', () => {
    expect(
      acceptedSites(['androidapp://x', 'a.example', 'https://A.example/', 'b.example']),
    ).toEqual(['https://a.example', 'https://b.example']);
    expect(acceptedSites(many(MAX_SITES + 3))).toHaveLength(MAX_SITES);
    expect(mergeSites(['https://a.example'], ['https://b.example', 'https://a.example'])).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});

describe('withPageSite (learn a site from a page)', () => {
  it('never adds the http twin of an https site (any port), and says why', () => {
    for (const page of ['http://github.com/login', 'http://GitHub.com.:8080/x']) {
      expect(learnsInsecurely(['https://a.example', 'https://github.com'], page)).toBe(true);
      expect(withPageSite(['https://github.com'], page)).toEqual({
        ok: false,
        error: 'site_not_secure',
      });
    }
    // A host under or above the https one's is its twin too.
    expect(learnsInsecurely(['https://github.com'], 'http://www.github.com/')).toBe(true);
    expect(learnsInsecurely(['https://www.example.com'], 'http://example.com/')).toBe(true);
    // https pages, other hosts, and http sites of their own are fine.
    expect(learnsInsecurely(['https://github.com'], 'https://github.com/login')).toBe(false);
    expect(learnsInsecurely(['https://github.com'], 'http://notgithub.com/')).toBe(false);
    expect(learnsInsecurely(['http://router.example'], 'http://router.example:81/')).toBe(false);
    expect(learnsInsecurely(['https://github.com'], 'chrome://extensions')).toBe(false);
  });

  it('adds the page’s origin, once', () => {
    expect(withPageSite(['https://a.example'], 'https://Login.Example.com./x?y#z')).toEqual({
      ok: true,
      value: ['https://a.example', 'https://login.example.com'],
    });
    expect(withPageSite(['https://a.example'], 'https://a.example/other')).toEqual({
      ok: true,
      value: ['https://a.example'],
    });
    // The user part of a URL is not where the page is: the origin is.
    expect(withPageSite([], 'https://github.com@evil.example/')).toEqual({
      ok: true,
      value: ['https://evil.example'],
    });
  });

  it('refuses anything but an http(s) page, and a full list', () => {
    for (const page of ['chrome://newtab', 'file:///x', 'about:blank', '', 'data:text/html,x']) {
      expect(withPageSite([], page)).toEqual({ ok: false, error: 'site_not_web_page' });
    }
    expect(withPageSite(many(MAX_SITES), 'https://new.example')).toEqual({
      ok: false,
      error: 'site_too_many',
    });
  });

  it('gives only sites that normalise to themselves (fuzzed)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string()), (page) => {
        const result = withPageSite([], page);
        if (!result.ok) return;
        for (const site of result.value)
          expect(normaliseSite(site)).toEqual({ ok: true, value: site });
      }),
      { numRuns: 300 },
    );
  });
});
