import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fold,
  indexForSearch,
  initials,
  matchesSearch,
  MAX_QUERY_LENGTH,
  queryTerms,
  search,
  siteHost,
  words,
  type Searchable,
} from '../../src/search';

const account = (issuer: string, name = '', ...sites: string[]): Searchable => ({
  issuer,
  account: name,
  sites,
});

const LIST: Searchable[] = [
  account('GitHub', 'alice', 'https://github.com'),
  account('Microsoft', 'alice@outlook.com', 'https://login.live.com'),
  account('Amazon Web Services', 'root', 'https://console.aws.amazon.com'),
  account('Google', 'alice@gmail.com', 'https://accounts.google.com'),
  account('Åland Bank', 'åsa', ''),
  account('Café Crème', 'rené', ''),
  account('Straße Versicherung', 'jörg', ''),
  account('Light Hub', 'bob', ''),
  account('', 'lonely@example.com', ''),
  account('PayPal', 'alice', 'https://www.paypal.com'),
  account('GitLab', 'alice', 'https://gitlab.com'),
  account('Dropbox', 'carol', 'https://www.dropbox.com:8443/login'),
];

const names = (query: string, list = LIST) =>
  search(indexForSearch(list), query).map((a) => a.issuer || a.account);

describe('folding and words', () => {
  it.each([
    ['Åland', 'aland'],
    ['CAFÉ', 'cafe'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Ærø', 'aero'],
    ['Łódź', 'lodz'],
    ['ﬁle', 'file'],
    ['Ｇｉｔ', 'git'],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it.each([
    ['GitHub', ['git', 'hub']],
    ['Amazon Web Services', ['amazon', 'web', 'services']],
    ['proton-mail', ['proton', 'mail']],
    ['alice.smith@example.com', ['alice', 'smith', 'example', 'com']],
    ['iCloud', ['i', 'cloud']],
    ['AWS', ['aws']],
    ['Office365', ['office', '365']],
    ['', []],
  ])('words of %s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    ['Amazon Web Services', 'aws'],
    ['GitHub', 'gh'],
    ['PayPal', 'pp'],
    ['Google', ''],
    ['Straße Versicherung', 'sv'],
  ])('initials of %s: %s', (text, expected) => {
    expect(initials(text)).toBe(expected);
  });

  it.each([
    ['https://www.github.com', 'github.com'],
    ['https://console.aws.amazon.com', 'console.aws.amazon.com'],
    ['https://www.dropbox.com:8443/login', 'dropbox.com'],
    ['http://192.168.1.1', '192.168.1.1'],
    ['', ''],
  ])('host of %s', (site, host) => {
    expect(siteHost(site)).toBe(host);
  });
});

describe('what people type finds the account', () => {
  it.each<[string, string]>([
    ['github', 'GitHub'],
    ['GITHUB', 'GitHub'],
    ['git', 'GitHub'],
    ['gh', 'GitHub'],
    ['ms', 'Microsoft'],
    ['msft', 'Microsoft'],
    ['aws', 'Amazon Web Services'],
    ['goog', 'Google'],
    ['amazon web', 'Amazon Web Services'],
    ['amazonweb', 'Amazon Web Services'],
    ['aland', 'Åland Bank'],
    ['åland', 'Åland Bank'],
    ['asa', 'Åland Bank'],
    ['creme', 'Café Crème'],
    ['rene', 'Café Crème'],
    ['strasse', 'Straße Versicherung'],
    ['straße', 'Straße Versicherung'],
    ['jorg', 'Straße Versicherung'],
    ['lonely', 'lonely@example.com'],
    ['paypal.com', 'PayPal'],
    ['pp', 'PayPal'],
    ['dropbox.com', 'Dropbox'],
    ['gitlab', 'GitLab'],
    ['gl', 'GitLab'],
  ])('%s → %s first', (query, first) => {
    expect(names(query)[0]).toBe(first);
  });

  it('ranks a name that begins with the query before one that only contains it', () => {
    const list = [account('Light Hub'), account('GitHub'), account('Hubspot')];
    expect(names('hub', list)).toEqual(['Hubspot', 'Light Hub', 'GitHub']);
    // Initials and the alias beat a letter pair inside a word ("Light").
    expect(names('gh', list)).toEqual(['GitHub', 'Light Hub']);
  });

  it('needs every word typed to match, in any field', () => {
    expect(names('alice git')).toEqual(['GitHub', 'GitLab']);
    expect(names('alice lab')).toEqual(['GitLab']);
    expect(names('alice nowhere')).toEqual([]);
  });

  it('ranks the service above the account name above the site', () => {
    const list = [
      account('Other', '', 'https://mail.example'),
      account('Other', 'mail-user'),
      account('Mail'),
    ];
    expect(names('mail', list.slice().reverse())).toEqual(['Mail', 'Other', 'Other']);
    const found = search(indexForSearch(list), 'mail');
    expect(found.map((a) => a.account || (a.sites[0] ?? ''))).toEqual([
      '',
      'mail-user',
      'https://mail.example',
    ]);
  });

  it('keeps the list order for ties and for an empty query', () => {
    const list = [account('Bank', 'b'), account('Bank', 'a'), account('Bank', 'c')];
    expect(search(indexForSearch(list), 'bank').map((a) => a.account)).toEqual(['b', 'a', 'c']);
    expect(search(indexForSearch(list), '   ').map((a) => a.account)).toEqual(['b', 'a', 'c']);
    expect(search(indexForSearch(list), '')).not.toBe(list);
  });

  it('finds an account by any of its sites, and by an alias of any of them', () => {
    const list = [
      account('Work', 'me', 'https://mysignins.microsoft.com', 'https://login.microsoftonline.com'),
      account('Bank', 'me', 'https://bank.example'),
    ];
    expect(names('microsoftonline', list)).toEqual(['Work']);
    expect(names('mysignins', list)).toEqual(['Work']);
    expect(names('ms', list)).toEqual(['Work']);
  });

  it('finds a service by a label its sign-in host begins with, and X as Twitter', () => {
    const list = [
      account('Entra ID', 'kim', 'https://login.microsoftonline.com'),
      account('X', 'kim', 'https://x.com'),
      account('Xero', 'kim'),
      account('Xbox', 'kim'),
    ];
    expect(names('ms', list)).toEqual(['Entra ID']);
    expect(names('twitter', list)).toEqual(['X']);
    expect(names('tw', list)).toEqual(['X']);
  });

  it('finds a service by its domain typed, with or without a site', () => {
    const list = [
      account('GitHub', 'alice'),
      account('Amazon', 'kim'),
      account('Comcast', 'kim'),
      account('X', 'kim'),
      account('Meta', 'kim'),
      account('Mailchimp', 'kim'),
      account('123-reg', 'kim'),
      account('Bank', 'me', 'https://bank.example'),
    ];
    expect(names('github.com', list)).toEqual(['GitHub']);
    expect(names('github.com.', list)).toEqual(['GitHub']);
    expect(names('amazon.co.uk', list)).toEqual(['Amazon']);
    expect(names('amazon.com.au', list)).toEqual(['Amazon']);
    expect(names('x.com', list)).toEqual(['X']);
    // Only the service the domain names: not one whose name begins or ends with it, not a
    // top-level domain, not an IP address.
    expect(names('metamask.io', list)).toEqual([]);
    expect(names('mail.com', list)).toEqual([]);
    expect(names('example.com', list)).toEqual([]);
    expect(names('10.0.123.4', list)).toEqual([]);
    expect(names('bank.example', list)).toEqual(['Bank']);
  });

  it('finds a service by a domain it is known to sign in on, without a site', () => {
    const list = [
      account('Microsoft', 'kim@contoso.com'),
      account('X', 'kim'),
      account('Xero', 'kim'),
      account('Mailchimp', 'kim'),
    ];
    expect(names('login.microsoftonline.com', list)).toEqual(['Microsoft']);
    expect(names('outlook.com', list)).toEqual(['Microsoft']);
    expect(names('twitter.com', list)).toEqual(['X']);
    expect(names('microsoftonline.com kim', list)).toEqual(['Microsoft']);
    expect(names('xero.com', list)).toEqual(['Xero']);
  });

  it('does not take an account hosted on a service’s domain for the service', () => {
    const list = [
      account('GitHub', 'kim'),
      account('Acme Docs', 'kim', 'https://acme.github.io'),
      account('Intranet', 'kim', 'https://hr.azure.com'),
      account('Microsoft', 'kim'),
    ];
    expect(names('github.com', list)).toEqual(['GitHub']);
    expect(names('login.microsoftonline.com', list)).toEqual(['Microsoft']);
  });

  it('names aliases by a host’s labels, a short one only as the host’s own name', () => {
    const list = [
      account('Contoso', 'kim', 'https://acme.azurewebsites.net'),
      account('Intranet', 'kim', 'https://x.acme.com'),
      account('Work', 'kim', 'https://login.microsoftonline.com'),
    ];
    expect(names('ms', list)).toEqual(['Work']);
    expect(names('twitter', list)).toEqual([]);
  });

  it('does not find by the scheme or www of a site', () => {
    expect(names('https')).toEqual([]);
    expect(names('www')).toEqual([]);
  });

  it('checks one item without an index', () => {
    expect(matchesSearch(LIST[0]!, 'gh')).toBe(true);
    expect(matchesSearch(LIST[0]!, 'zz')).toBe(false);
    expect(matchesSearch(LIST[0]!, '')).toBe(true);
  });

  it('bounds the query', () => {
    expect(queryTerms('a '.repeat(1000))).toHaveLength(12);
    expect(queryTerms('x'.repeat(10_000))[0]!.text).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('robust and fast', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('ß', 'ẞ', 'İ', '\u0301', '\ud800', 'https://', '.', '@', 'gh', 'aws'),
  );

  it('never throws, and every result is an item of the list', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ issuer: text, account: text, sites: fc.array(text, { maxLength: 3 }) }),
          { maxLength: 20 },
        ),
        text,
        (items, query) => {
          const found = search(indexForSearch(items), query);
          expect(found.length).toBeLessThanOrEqual(items.length);
          for (const item of found) expect(items).toContain(item);
          expect(new Set(found).size).toBe(found.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an item always finds itself by its service name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (issuer) => {
        fc.pre(issuer.trim() !== '' && fold(issuer).trim() !== '');
        const items = [account(issuer), account('zzz unrelated')];
        expect(search(indexForSearch(items), issuer)).toContain(items[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('searches a thousand accounts per keystroke well under a frame', () => {
    const services = ['GitHub', 'Google', 'Amazon Web Services', 'Åland Bank', 'Microsoft'];
    const items = Array.from({ length: 1000 }, (_, i) =>
      account(
        `${services[i % services.length]!} ${i}`,
        `user${i}@example.com`,
        `https://s${i}.example.com`,
      ),
    );
    const index = indexForSearch(items);
    const typed = ['g', 'gi', 'git', 'gith', 'githu', 'github', 'aws', 'user12', 'ålan'];
    // The best of a few rounds: this machine is shared, and a frame (16 ms) is the bound.
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      for (const query of typed) search(index, query);
      best = Math.min(best, (performance.now() - started) / typed.length);
    }
    expect(best).toBeLessThan(16);
    expect(search(index, 'github 12')[0]).toBe(items[120]);
  });
});
