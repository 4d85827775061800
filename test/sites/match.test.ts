import { describe, expect, it } from 'vitest';
import {
  bestMatch,
  isInsecureTwin,
  isSilentFillAllowed,
  matchRank,
  matchSite,
  registrableDomain,
  type SiteMatch,
} from '../../src/sites';

type Row = [account: string, page: string, match: SiteMatch | null];

const EXACT: Row[] = [
  ['https://github.com', 'https://github.com/settings/two_factor', 'exact'],
  ['https://github.com', 'https://github.com', 'exact'],
  ['https://github.com', 'https://GitHub.com/login', 'exact'],
  ['https://github.com', 'https://github.com:443/login', 'exact'],
  ['https://example.com:8443', 'https://example.com:8443/x', 'exact'],
  ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/setup.html', 'exact'],
  ['http://[::1]:3000', 'http://[::1]:3000/', 'exact'],
  ['http://localhost:5173', 'http://localhost:5173/login', 'exact'],
  ['https://xn--bcher-kva.de', 'https://bücher.de/konto', 'exact'],
  // Stored before normalisation existed: still read the same way.
  ['https://bank.com.', 'https://bank.com/login', 'exact'],
  ['https://bank.com', 'https://bank.com./login', 'exact'],
  ['https://GitHub.com/login', 'https://github.com', 'exact'],
];

const SUBDOMAIN: Row[] = [
  ['https://example.com', 'https://login.example.com/', 'subdomain'],
  ['https://example.com', 'https://a.b.example.com/', 'subdomain'],
  ['https://www.bank.com', 'https://secure.www.bank.com/', 'subdomain'],
  ['https://bbc.co.uk', 'https://account.bbc.co.uk/', 'subdomain'],
  ['https://alice.github.io', 'https://docs.alice.github.io/', 'subdomain'],
  ['https://example.com', 'https://login.example.com./', 'subdomain'],
  // Same port required.
  ['https://example.com:8443', 'https://login.example.com:8443/', 'subdomain'],
  ['https://example.com', 'https://login.example.com:8443/', null],
  ['https://example.com:8443', 'https://login.example.com/', null],
  // Same scheme required.
  ['https://example.com', 'http://login.example.com/', null],
  ['http://example.com', 'https://login.example.com/', null],
  // A suffix of the name is not a subdomain.
  ['https://example.com', 'https://badexample.com/', null],
  ['https://ample.com', 'https://example.com/', null],
  // Under a public suffix below the account's host, every name is someone else's.
  ['https://amazonaws.com', 'https://bucket.s3.amazonaws.com/', null],
  ['https://linode.com', 'https://evil.members.linode.com/', null],
  ['https://amazonaws.com', 'https://www.amazonaws.com/', 'subdomain'],
];

const SAME_SITE: Row[] = [
  // Google: set up on myaccount.google.com, sign in on accounts.google.com.
  ['https://myaccount.google.com', 'https://accounts.google.com/signin', 'same-site'],
  ['https://accounts.google.com', 'https://myaccount.google.com/', 'same-site'],
  ['https://login.example.com', 'https://example.com/', 'same-site'],
  ['https://www.bbc.co.uk', 'https://account.bbc.co.uk/', 'same-site'],
  ['https://login.example.com.au', 'https://www.example.com.au/', 'same-site'],
  // AWS: MFA set up in the console, sign-in on signin.aws.amazon.com.
  ['https://us-east-1.console.aws.amazon.com', 'https://signin.aws.amazon.com/', 'same-site'],
  // Yahoo signs in on login.yahoo.com for every regional page.
  ['https://login.yahoo.com', 'https://uk.yahoo.com/', 'same-site'],
  ['http://a.example.com', 'http://b.example.com/', 'same-site'],
  ['https://a.example.com:8443', 'https://b.example.com:8443/', 'same-site'],
  ['https://a.example.com:8443', 'https://b.example.com:9443/', null],
  ['https://a.example.com', 'https://b.example.com:8443/', null],
  // Different registrable domains.
  ['https://example.com', 'https://example.org/', null],
  ['https://a.co.uk', 'https://b.co.uk/', null],
  ['https://example.co.uk', 'https://example.com/', null],
  // Public suffixes of the private section: every customer is a site of their own.
  ['https://alice.github.io', 'https://bob.github.io/', null],
  ['https://alice.github.io', 'https://github.io/', null],
  ['https://github.io', 'https://alice.github.io/', null],
  ['https://a.blogspot.com', 'https://b.blogspot.com/', null],
  ['https://shop.myshopify.com', 'https://evil.myshopify.com/', null],
  ['https://a.herokuapp.com', 'https://b.herokuapp.com/', null],
  ['https://d-1234567890.awsapps.com', 'https://d-0987654321.awsapps.com/', null],
  // ICANN suffixes with names under them.
  ['https://co.uk', 'https://bank.co.uk/', null],
  ['https://me.uk', 'https://evil.me.uk/', null],
  ['https://victim.me.uk', 'https://me.uk/', null],
];

/** The reproduced attacks: none of these may match at all. */
const ATTACKS: Row[] = [
  ['https://accounts.google.com', 'http://docs.google.com/', null],
  ['https://accounts.google.com', 'http://accounts.google.com/', null],
  ['https://victim.me.uk', 'https://evil.me.uk/', null],
  ['https://bank.com.', 'https://attacker.com./', null],
  ['https://bank.com', 'https://attacker.com./', null],
  ['https://bank.com.', 'https://attacker.com/', null],
  ['https://bank.com', 'https://bank.com.attacker.com/', null],
  ['https://bank.com', 'https://bank.com@attacker.com/', null],
  ['https://bank.com', 'https://attacker.com/?https://bank.com', null],
  ['https://bank.com', 'https://attacker.com/#bank.com', null],
];

const SCHEME_AND_PORT: Row[] = [
  ['https://github.com', 'http://github.com/', null],
  ['http://github.com', 'https://github.com/', null],
  ['https://github.com', 'https://github.com:8443/', null],
  ['http://127.0.0.1:8080', 'http://127.0.0.1:9090/', null],
  ['http://127.0.0.1:8080', 'https://127.0.0.1:8080/', null],
  ['http://localhost:3000', 'http://localhost:3001/', null],
  ['http://localhost:3000', 'http://app.localhost:3000/', null],
];

const IPS: Row[] = [
  ['http://127.0.0.1', 'http://127.0.0.2/', null],
  ['http://10.0.0.1', 'http://1.10.0.0.1/', null],
  ['http://192.168.1.10', 'http://192.168.1.11/', null],
  ['http://[::1]', 'http://[::2]/', null],
  ['http://0.0.1', 'http://1.0.0.1/', null],
  ['https://example.com', 'https://93.184.215.14/', null],
];

const RELATED: Row[] = [
  // Microsoft work or school: set up on mysignins, sign in on microsoftonline.com.
  ['https://mysignins.microsoft.com', 'https://login.microsoftonline.com/common/oauth2', 'related'],
  ['https://login.microsoftonline.com', 'https://mysignins.microsoft.com/security-info', 'related'],
  ['https://account.activedirectory.windowsazure.com', 'https://login.windows.net/', 'related'],
  ['https://portal.azure.com', 'https://login.microsoftonline.com/', 'related'],
  // Personal Microsoft accounts.
  ['https://account.microsoft.com', 'https://login.live.com/login.srf', 'related'],
  ['https://account.live.com', 'https://outlook.live.com/mail', 'same-site'],
  ['https://account.microsoft.com', 'https://www.xbox.com/', 'related'],
  // Only the listed azure.com origins: customers' VMs live under cloudapp.azure.com.
  ['https://account.microsoft.com', 'https://evil.westeurope.cloudapp.azure.com/', null],
  ['https://login.microsoftonline.com', 'https://evil.azurewebsites.net/', null],
  ['https://login.microsoftonline.com', 'https://evil.blob.core.windows.net/', null],
  ['https://login.microsoftonline.com', 'https://evil.sharepoint.com/', null],
  // Google, Apple, AWS, Atlassian, and more.
  ['https://myaccount.google.com', 'https://www.youtube.com/', 'related'],
  ['https://appleid.apple.com', 'https://www.icloud.com/', 'related'],
  ['https://profile.aws.amazon.com', 'https://us-east-1.signin.aws/platform/login', 'related'],
  ['https://signin.aws.amazon.com', 'https://eu-north-1.signin.aws/', 'related'],
  ['https://www.amazon.de', 'https://www.amazon.co.uk/ap/signin', 'related'],
  // Customers' own sites are not in the table (atlassian.net, force.com): sign-in is on
  // id.atlassian.com and *.my.salesforce.com.
  ['https://id.atlassian.com', 'https://acme.atlassian.net/', null],
  ['https://acme.lightning.force.com', 'https://acme.my.salesforce.com/', null],
  ['https://bitbucket.org', 'https://id.atlassian.com/login', 'related'],
  ['https://www.dropbox.com', 'https://www.getdropbox.com/', 'related'],
  ['https://account.adobe.com', 'https://auth.services.adobelogin.com/', 'related'],
  ['https://www.facebook.com', 'https://www.messenger.com/', 'related'],
  ['https://www.instagram.com', 'https://www.threads.net/', 'related'],
  ['https://store.steampowered.com', 'https://steamcommunity.com/login', 'related'],
  ['https://accounts.zoho.com', 'https://accounts.zoho.eu/', 'related'],
  ['https://account.proton.me', 'https://account.protonvpn.com/', 'related'],
  ['https://twitter.com', 'https://x.com/i/flow/login', 'related'],
  // Related needs https on both sides and default ports.
  ['https://mysignins.microsoft.com', 'http://login.microsoftonline.com/', null],
  ['http://mysignins.microsoft.com', 'https://login.microsoftonline.com/', null],
  ['http://mysignins.microsoft.com', 'http://login.microsoftonline.com/', null],
  ['https://mysignins.microsoft.com', 'https://login.microsoftonline.com:8443/', null],
  // Different groups, or one side not in the table.
  ['https://accounts.google.com', 'https://login.microsoftonline.com/', null],
  ['https://www.facebook.com', 'https://www.instagram.com/', null],
  ['https://github.com', 'https://alice.github.io/', null],
  ['https://github.com', 'https://login.microsoftonline.com/', null],
  // An origin entry lists that origin only.
  ['https://login.microsoftonline.com', 'https://wiki.aws.amazon.com/', null],
  ['https://signin.aws', 'https://www.amazon.com/', null],
  ['https://heroku.com', 'https://verify.salesforce.com/', 'related'],
  ['https://dashboard.heroku.com', 'https://login.salesforce.com/', null],
];

const UNPARSABLE: Row[] = [
  ['', 'https://github.com/', null],
  ['https://github.com', '', null],
  ['https://github.com', 'chrome://extensions', null],
  ['https://github.com', 'about:blank', null],
  ['https://github.com', 'file:///tmp/github.com', null],
  ['not a site', 'https://github.com/', null],
  ['https://a..b.com', 'https://a..b.com/', null],
  ['https://github.com', 'https://github.com../', null],
];

describe.each([
  ['exact', EXACT],
  ['subdomain', SUBDOMAIN],
  ['same-site', SAME_SITE],
  ['attacks', ATTACKS],
  ['scheme and port', SCHEME_AND_PORT],
  ['IP addresses', IPS],
  ['related sign-in domains', RELATED],
  ['unparsable', UNPARSABLE],
])('matchSite: %s', (_, rows) => {
  it.each(rows)('account %s, page %s → %s', (account, page, match) => {
    expect(matchSite(account, page)).toBe(match);
    expect(isSilentFillAllowed(account, page)).toBe(match === 'exact');
  });
});

describe('the reproduced attacks', () => {
  it('fill nothing silently and do not even rank', () => {
    for (const [account, page] of ATTACKS) {
      expect(isSilentFillAllowed(account, page)).toBe(false);
      expect(matchRank(matchSite(account, page))).toBe(0);
    }
  });
});

describe('bestMatch', () => {
  it.each<[string[], string, SiteMatch | null]>([
    [[], 'https://github.com/', null],
    [['https://github.com'], 'https://github.com/', 'exact'],
    [
      ['https://google.com', 'https://accounts.google.com'],
      'https://accounts.google.com/',
      'exact',
    ],
    [
      ['https://myaccount.google.com', 'https://google.com'],
      'https://accounts.google.com/',
      'subdomain',
    ],
    [
      ['https://youtube.com', 'https://myaccount.google.com'],
      'https://accounts.google.com/',
      'same-site',
    ],
    [['https://youtube.com', 'https://example.com'], 'https://accounts.google.com/', 'related'],
    [['', 'not a site', 'https://github.com'], 'https://github.com/', 'exact'],
    [['https://github.com'], 'not a url', null],
  ])('%j at %s → %s', (sites, page, match) => {
    expect(bestMatch(sites, page)).toBe(match);
    expect(isSilentFillAllowed(sites, page)).toBe(match === 'exact');
  });
});

describe('isInsecureTwin', () => {
  it('finds the https twin on the port of the account’s site, not only on the default one', () => {
    // https://b.example.com:8443 is same-site to the account's https://a.example.com:8443:
    // learnt over http, b would be an exact match that anyone on the network can forge.
    const sites = ['https://a.example.com:8443'];
    expect(matchSite(sites[0]!, 'https://b.example.com:8443/')).toBe('same-site');
    expect(isInsecureTwin(sites, 'http://b.example.com:8443/')).toBe(true);
    expect(isInsecureTwin(sites, 'http://b.example.com/')).toBe(true);
    expect(isInsecureTwin(['https://a.example.com'], 'http://b.example.com:8080/')).toBe(true);
    // Still only where the https twin would match at all.
    expect(isInsecureTwin(sites, 'http://b.example.org:8443/')).toBe(false);
    expect(isInsecureTwin(['http://a.example.com:8443'], 'http://b.example.com:8443/')).toBe(false);
    expect(isInsecureTwin(sites, 'https://b.example.com:8443/')).toBe(false);
  });

  it('keeps an http twin in the list from matching, however it got there', () => {
    // Typed in the edit view, imported from a password manager's old http:// address, merged
    // on replace: beside https://github.com, http://github.com would be an exact match, filled
    // by the keyboard command without asking into a page anyone on the network can forge.
    const sites = ['https://github.com', 'http://github.com'];
    for (const page of [
      'http://github.com/login',
      'http://www.github.com/',
      'http://github.com:8080/',
    ]) {
      expect(bestMatch(sites, page), page).toBeNull();
      expect(isSilentFillAllowed(sites, page), page).toBe(false);
    }
    expect(bestMatch(['http://github.com', 'https://github.com'], 'http://github.com/')).toBeNull();
    expect(
      bestMatch(['https://a.example.com', 'http://b.example.com'], 'http://b.example.com/'),
    ).toBeNull();
    // The https page still matches; an http site with no https twin (a device at home) too.
    expect(bestMatch(sites, 'https://github.com/login')).toBe('exact');
    expect(bestMatch(['http://192.168.1.1', 'https://nas.example'], 'http://192.168.1.1/')).toBe(
      'exact',
    );
    expect(bestMatch(['http://router.example'], 'http://router.example/')).toBe('exact');
  });
});

describe('matchRank', () => {
  it('orders exact > subdomain > same-site > related > none', () => {
    const order: (SiteMatch | null)[] = ['exact', 'subdomain', 'same-site', 'related', null];
    const ranks = order.map(matchRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(ranks).size).toBe(order.length);
    expect(matchRank(null)).toBe(0);
  });
});

describe('registrableDomain (Public Suffix List, private section included)', () => {
  it.each([
    ['accounts.google.com', 'google.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['login.example.com.au', 'example.com.au'],
    ['victim.me.uk', 'victim.me.uk'],
    ['alice.github.io', 'alice.github.io'],
    ['docs.alice.github.io', 'alice.github.io'],
    ['bucket.s3.amazonaws.com', 'bucket.s3.amazonaws.com'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['github.io', null],
    ['me.uk', null],
    ['co.uk', null],
    ['com', null],
    ['localhost', null],
    ['127.0.0.1', null],
    ['[::1]', null],
  ])('%s → %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));
});
