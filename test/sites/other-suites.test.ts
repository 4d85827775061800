/**
 * Site matching against the URL and domain tests of other projects: password managers,
 * browsers and Public Suffix List libraries, and reports of credentials or codes offered on the
 * wrong site. Their cases and expected values were read and turned into rows here; no code was
 * copied. Each row names its source (SOURCES below: a repository and path, or an issue).
 *
 * The expected value is what is safe for a 2FA code filler, not what the source expects. Where
 * Otter deliberately differs from a password manager, the row says so and why (`differs`):
 * a code goes to one origin, and anything looser is a ranking that the popup shows and the user
 * confirms with Enter; so Otter never crosses http and https, compares ports, keeps paths out
 * of it, and splits hosts that belong to different parties even where the PSL does not.
 */
import { describe, expect, it } from 'vitest';
import {
  isSilentFillAllowed,
  matchSite,
  normaliseSite,
  registrableDomain,
  type SiteError,
  type SiteMatch,
} from '../../src/sites';
import { parseWebUrl } from '../../src/sites/origin';

const SOURCES = {
  psl: 'publicsuffix/list tests/tests.txt',
  pslData: 'publicsuffix/list public_suffix_list.dat (private section)',
  bwUtils: 'bitwarden/clients libs/common/src/platform/misc/utils.spec.ts',
  bwUri: 'bitwarden/clients libs/common/src/vault/models/view/login-uri-view.spec.ts',
  bwBlacklist: 'bitwarden/clients libs/common/src/platform/misc/utils.ts (DomainMatchBlacklist)',
  kpxc: 'keepassxreboot/keepassxc tests/TestBrowser.cpp',
  chromium:
    'chromium/chromium components/password_manager/core/browser/psl_matching_helper_unittest.cc',
  chromiumGoogle:
    'chromium/chromium components/password_manager/core/browser/psl_matching_helper.h (ShouldPSLDomainMatchingApply)',
  ddg: 'duckduckgo/Android autofill/autofill-impl/src/test/java/com/duckduckgo/autofill/impl/urlmatcher/AutofillDomainNameUrlMatcherTest.kt',
  tldts: 'remusao/tldts packages/tldts-tests/src/tldts-tests.ts',
  okta: 'https://github.com/bitwarden/clients/issues/17284',
  wordpress: 'https://github.com/apple/password-manager-resources/issues/882',
  takeover: 'https://github.com/bitwarden/clients/issues/1239',
  protocols: 'https://github.com/bitwarden/clients/issues/1398',
  passffTld: 'https://github.com/passff/passff/issues/199',
  bitbucket: 'https://github.com/browserpass/browserpass-otp/issues/17',
  oneLabel: 'https://github.com/bitwarden/clients/issues/6590',
  noTld: 'https://github.com/bitwarden/clients/issues/15090',
  httpToHttps: 'https://github.com/keepassxreboot/keepassxc/issues/12350',
  sharedSub: 'https://github.com/bitwarden/clients/issues/18119',
  msForms: 'https://github.com/prowler-cloud/prowler/pull/12147',
} as const;
type Source = keyof typeof SOURCES;

interface MatchRow {
  account: string;
  page: string;
  want: SiteMatch | null;
  source: Source;
  /** Where Otter deliberately differs from the source, and why. */
  differs?: string;
}

const row = (
  account: string,
  page: string,
  want: SiteMatch | null,
  source: Source,
  differs?: string,
): MatchRow => ({ account, page, want, source, ...(differs === undefined ? {} : { differs }) });

const PORTS = 'a port is another server: Otter compares ports for every host, not only IPs';
const SIBLINGS =
  'the source matches a host and the hosts under it only; Otter also ranks siblings under one registrable domain (never filled without a key press)';
const ORIGINS = 'paths are not compared: a site is an origin, and a path is no security boundary';
const SCHEMES =
  'never across http and https, even upward: the popup offers to learn the https site once';

const MATCHES: MatchRow[] = [
  // The PSL's own vectors, as matches: wildcards, exceptions, private and unlisted suffixes.
  row('https://b.example.uk.com', 'https://a.b.example.uk.com/', 'subdomain', 'psl'),
  row('https://example.uk.com', 'https://evil.uk.com/', null, 'psl'),
  row('https://b.c.mm', 'https://a.b.c.mm/', 'subdomain', 'psl'),
  row('https://b.c.mm', 'https://x.c.mm/', null, 'psl'),
  row('https://b.test.ck', 'https://c.test.ck/', null, 'psl'),
  row('https://www.ck', 'https://www.www.ck/', 'subdomain', 'psl'),
  row('https://test.kyoto.jp', 'https://www.test.kyoto.jp/', 'subdomain', 'psl'),
  row('https://b.ide.kyoto.jp', 'https://c.ide.kyoto.jp/', null, 'psl'),
  row('https://city.kobe.jp', 'https://www.city.kobe.jp/', 'subdomain', 'psl'),
  row('https://b.c.kobe.jp', 'https://d.c.kobe.jp/', null, 'psl'),
  row('https://test.k12.ak.us', 'https://www.test.k12.ak.us/', 'subdomain', 'psl'),
  row('https://a.k12.ak.us', 'https://b.k12.ak.us/', null, 'psl'),
  row('https://食狮.公司.cn', 'https://www.xn--85x722f.xn--55qx5d.cn/', 'subdomain', 'psl'),
  row('https://shishi.公司.cn', 'https://xn--85x722f.xn--55qx5d.cn/', null, 'psl'),
  row('https://example.example', 'https://b.example.example/', 'subdomain', 'psl'),
  row('https://a.example', 'https://b.example/', null, 'psl'),
  // A private suffix under a registrable domain: the names under it are other people's.
  row('https://amazonaws.com', 'https://bucket.s3.amazonaws.com/', null, 'pslData'),
  row('https://linode.com', 'https://evil.members.linode.com/', null, 'pslData'),
  row('https://render.com', 'https://evil.app.render.com/', null, 'pslData'),
  row('https://typeform.com', 'https://evil.pro.typeform.com/', null, 'pslData'),

  // Bitwarden's URI matching ("base domain", host, exact), with equivalent domains and ports.
  row(
    'https://www.exampleapp.com.au:4000',
    'https://www.auth.exampleapp.com.au/',
    null,
    'bwUri',
    PORTS,
  ),
  row('https://www.exampleapp.com.au', 'https://www.auth.exampleapp.com.au/', 'same-site', 'bwUri'),
  row(
    'https://www.exampleapp.com.au:4000/userauth/login.html',
    'https://www.exampleapp.co.uk/subpage',
    null,
    'bwUri',
    'Bitwarden lets the user declare equivalent domains; Otter relates only its own reviewed table',
  ),
  row('https://google.com', 'https://script.google.com/', null, 'bwUri'),
  row('https://google.com', 'https://script.google.com/macros/s/x/exec', null, 'bwBlacklist'),
  row('http://10.0.0.5:9001', 'http://10.0.0.5:9001/login', 'exact', 'bwUri'),
  row('http://10.0.0.5:9696', 'http://10.0.0.5:9001/login', null, 'bwUri'),
  row('http://10.0.0.5', 'http://10.0.0.5:9001', null, 'bwUri'),
  row('http://10.0.0.5', 'http://10.0.0.5/path', 'exact', 'bwUri'),
  row('http://localhost:3000', 'http://localhost:3001', null, 'bwUri'),
  row('http://localhost:3000', 'http://localhost:3000/x', 'exact', 'bwUri'),
  row('http://[::1]:9001', 'http://[::1]:9696', null, 'bwUri'),
  row('http://[::1]:9001', 'http://[::1]:9001/x', 'exact', 'bwUri'),
  row('http://172.16.0.10:8080', 'http://172.16.0.10:8081', null, 'bwUri'),
  row('http://172.16.0.10:8080', 'http://172.16.0.10:8080/admin', 'exact', 'bwUri'),
  row('http://10.0.0.5:80', 'http://10.0.0.5/admin', 'exact', 'bwUri'),
  row('https://10.0.0.5:443', 'https://10.0.0.5/admin', 'exact', 'bwUri'),
  row('https://example.com:8443', 'https://example.com/login', null, 'bwUri', PORTS),
  row(
    'www.exampleapp.com.au:4000',
    'https://www.exampleapp.com.au:4000/userauth/login.html',
    'exact',
    'bwUri',
  ),
  row(
    'www.exampleapp.co.uk',
    'https://www.exampleapp.com.au:4000/userauth/login.html',
    null,
    'bwUri',
  ),

  // KeePassXC's BrowserService: sort priority, scheme matching, subdomains and paths.
  row('https://github.com/login', 'https://github.com/login', 'exact', 'kpxc'),
  row('github.com/login', 'https://github.com/login', 'exact', 'kpxc'),
  row('https://github.com/keepassxreboot', 'https://github.com/login', 'exact', 'kpxc', ORIGINS),
  row('https://github.com/login', 'https://sub.github.com/', 'subdomain', 'kpxc'),
  row('http://github.com', 'https://github.com/login', null, 'kpxc'),
  row('http://github', 'https://github.com/login', null, 'kpxc'),
  row('http://127.0.0.1:443', 'http://127.0.0.1:443', 'exact', 'kpxc'),
  row('http://127.0.0.1:80', 'http://127.0.0.1:443', null, 'kpxc'),
  row(
    'https:///github.com/',
    'https://github.com/session',
    'exact',
    'kpxc',
    'KeePassXC refuses the extra slash; the WHATWG parser, as the browser, reads https://github.com',
  ),
  row('//github.com', 'https://github.com/session', 'exact', 'kpxc'),
  row('github.com/{}<>', 'https://github.com/session', 'exact', 'kpxc', ORIGINS),
  row('http://github.com/**//*', 'https://github.com/session', null, 'kpxc'),
  row(
    'https://www.github.com/login/page.xml',
    'https://github.com/',
    'same-site',
    'kpxc',
    SIBLINGS,
  ),
  row('https://login.github.com/', 'https://github.com/', 'same-site', 'kpxc', SIBLINGS),
  row('https://github.com', 'https://www.github.com/', 'subdomain', 'kpxc'),
  row('http://www.github.com', 'https://www.github.com/', null, 'kpxc', SCHEMES),
  row('https://hub.com', 'https://github.com/', null, 'kpxc'),
  row('https://github', 'https://github.com/', null, 'kpxc'),
  row('https://example.com/', 'https://accounts.example.com/', 'subdomain', 'kpxc'),
  row(
    'https://subdomain.example.com/',
    'https://accounts.example.com/',
    'same-site',
    'kpxc',
    SIBLINGS,
  ),
  row('https://accounts.example.com', 'https://another.accounts.example.com/', 'subdomain', 'kpxc'),
  row('https://other.example.com', 'https://subdomain.example.com', 'same-site', 'kpxc', SIBLINGS),
  row('https://example.com/foo', 'https://example.com/bar', 'exact', 'kpxc', ORIGINS),

  // Chromium's password manager: exact, PSL match (same scheme and port), and Google.
  row('http://facebook.com/p', 'http://facebook.com/p1', 'exact', 'chromium'),
  row('http://www.example.com', 'https://www.example.com', null, 'chromium'),
  row('http://www.example.com', 'http://wwwexample.com', null, 'chromium'),
  row('http://www.example1.com', 'http://www.example2.com', null, 'chromium'),
  row('http://www.example.com:123/', 'http://www.example.com', null, 'chromium'),
  row('http://www.example.org/', 'http://www.example.com/', null, 'chromium'),
  row('http://localhost/', 'http://127.0.0.1/', null, 'chromium'),
  row('http://www.example.com/', 'http://', null, 'chromium'),
  row('', 'http://www.example.com/', null, 'chromium'),
  row('http://www.example.com', 'bad url', null, 'chromium'),
  row('http://www.example%00.com', 'http://www.example%00.com', null, 'chromium'),
  row('http://facebook.com/p1', 'http://m.facebook.com/p2', 'subdomain', 'chromium'),
  row('https://www.facebook.com/', 'https://m.facebook.com', 'same-site', 'chromium'),
  row('https://accounts.google.com/', 'https://myaccount.google.com/', 'same-site', 'chromium'),
  row('https://accounts.google.com/', 'https://maps.google.com/', null, 'chromium'),
  row('https://subdomain1.google.com/', 'https://maps.google.com/', null, 'chromium'),
  row('http://facebook.com/', 'https://m.facebook.com/', null, 'chromium'),
  row('https://facebook.com/', 'http://m.facebook.com/', null, 'chromium'),
  row('http://facebook.com/', 'https://m.facebook.com:8080/', null, 'chromium'),
  row('http://facebook.com:8080/p1', 'http://m.facebook.com:8080/p2', 'subdomain', 'chromium'),
  row('https://localhost:8080/p', 'https://localhost:8080/p2', 'exact', 'chromium'),
  row('https://localhost/', 'http://localhost:8080', null, 'chromium'),
  // Only accounts.google.com and myaccount.google.com take credentials under google.com: its
  // other hosts serve pages that anyone makes (Forms on docs, Sites, Apps Script web apps).
  row(
    'https://myaccount.google.com',
    'https://docs.google.com/forms/d/e/x/viewform',
    null,
    'chromiumGoogle',
  ),
  row('https://accounts.google.com', 'https://sites.google.com/view/x', null, 'chromiumGoogle'),
  row(
    'https://www.youtube.com',
    'https://docs.google.com/forms/d/e/x/viewform',
    null,
    'chromiumGoogle',
  ),
  row('https://google.com', 'https://accounts.google.com/signin', 'subdomain', 'chromiumGoogle'),
  row('https://www.youtube.com', 'https://accounts.google.com/signin', 'related', 'chromiumGoogle'),

  // DuckDuckGo's autofill matcher.
  row('https://example.com', 'https://EXAMPLE.com', 'exact', 'ddg'),
  row('https://EXAMPLE.com', 'https://example.com', 'exact', 'ddg'),
  row('test.example.com', 'https://test.example.com', 'exact', 'ddg'),
  row('foo.example.com', 'https://example.com', 'same-site', 'ddg'),
  row('example.com', 'https://foo.example.com', 'subdomain', 'ddg'),
  row('bar.example.com', 'https://foo.example.com', 'same-site', 'ddg'),
  row('WWW.example.com', 'https://example.com', 'same-site', 'ddg'),
  row('example.com', 'https://WWW.example.com', 'subdomain', 'ddg'),
  row('a.b.example.com', 'https://b.example.com', 'same-site', 'ddg'),
  row('b.example.com', 'https://a.b.example.com', 'subdomain', 'ddg'),
  row('example.com:8000', 'https://example.com:1000', null, 'ddg'),
  row('example.com:8000', 'https://example.com:8000', 'exact', 'ddg'),
  row('example.com', 'https://example.com:8000', null, 'ddg'),
  row('example.com:8000', 'https://example.com', null, 'ddg'),
  row('example.com', 'https://example.com.malicious.com', null, 'ddg'),
  row('example.com.malicious.com', 'https://example.com', null, 'ddg'),
  row('ça.com', 'https://xn--a-5fa.com/', 'exact', 'ddg'),

  // tldts: trailing dots, labels that are JavaScript keywords or Object members.
  row('https://server.dr.pt', 'http://server.dr.pt./', null, 'tldts', SCHEMES),
  row('https://www.google.co.uk', 'https://www.google.co.uk./maps', 'exact', 'tldts'),
  row('https://constructor.com', 'https://foo.constructor.com/', 'subdomain', 'tldts'),
  row('https://a.__proto__', 'https://b.__proto__/', null, 'tldts'),
  row('https://foo.hasOwnProperty.com', 'https://bar.hasownproperty.com/', 'same-site', 'tldts'),

  // Reports of credentials or codes offered on another party's site.
  row('https://company1.okta.com', 'https://company2.okta.com/', null, 'okta'),
  row('https://okta.com', 'https://company2.okta.com/', null, 'okta'),
  row('https://alice.wordpress.com', 'https://bob.wordpress.com/', null, 'wordpress'),
  row('https://wordpress.com', 'https://bob.wordpress.com/wp-login.php', null, 'wordpress'),
  row('https://wordpress.com', 'https://wordpress.com/log-in', 'exact', 'wordpress'),
  row('https://mysignins.microsoft.com', 'https://forms.office.com/r/abc', null, 'msForms'),
  row('https://login.microsoftonline.com', 'https://forms.microsoft.com/r/abc', null, 'msForms'),
  row('https://account.microsoft.com', 'https://forms.cloud.microsoft/r/abc', null, 'msForms'),
  row('https://admin.typeform.com', 'https://evil.typeform.com/to/abc', null, 'pslData'),
  // Ranked, never filled without a key press: a taken-over subdomain gets no silent code.
  row('https://example.com', 'https://abandoned.example.com/', 'subdomain', 'takeover'),
  row('https://example.com', 'http://sub.example.com/', null, 'protocols'),
  row('https://abc.com', 'https://def.com/', null, 'passffTld'),
  row('https://bitbucket.org', 'https://id.atlassian.com/login', 'related', 'bitbucket'),
  row('https://foo:8080', 'https://foo:8080/', 'exact', 'oneLabel'),
  row('https://foo.my-tailnet.ts.net:8080', 'https://foo:8080/', null, 'oneLabel'),
  row('http://connectbox', 'http://connectbox/', 'exact', 'noTld'),
  row('http://nuc8', 'http://connectbox/', null, 'noTld'),
  row('http://somesite.com', 'https://somesite.com/', null, 'httpToHttps', SCHEMES),
  row(
    'https://name-a.sub1.example.com',
    'https://name-b.sub1.example.com/',
    'same-site',
    'sharedSub',
    SIBLINGS,
  ),
];

const MATCH_SOURCES = (Object.keys(SOURCES) as Source[]).filter((source) =>
  MATCHES.some((r) => r.source === source),
);

describe.each(MATCH_SOURCES)('matching: %s', (source) => {
  it.each(MATCHES.filter((r) => r.source === source))(
    `$account at $page → $want (${SOURCES[source]})`,
    ({ account, page, want }) => {
      expect(matchSite(account, page)).toBe(want);
      expect(isSilentFillAllowed(account, page)).toBe(want === 'exact');
    },
  );
});

/** Typed or imported sites: the canonical origin, or why not. */
type Origin = `http${'' | 's'}://${string}`;
const SITES: [text: string, want: Origin | SiteError, source: Source, differs?: string][] = [
  ['bitwarden.com', 'https://bitwarden.com', 'bwUtils'],
  [
    'bitwarden.com',
    'https://bitwarden.com',
    'bwUri',
    'never guesses http: Bitwarden launches http://bitwarden.com',
  ],
  ['http://bitwarden.com', 'http://bitwarden.com', 'bwUtils'],
  ['https://www.vault.bitwarden.com', 'https://www.vault.bitwarden.com', 'bwUtils'],
  ['bitwarden.unknown', 'https://bitwarden.unknown', 'bwUtils'],
  ['my_vault.bitwarden.com/', 'https://my_vault.bitwarden.com', 'bwUtils'],
  ['bütwarden.com', 'https://xn--btwarden-65a.com', 'bwUtils'],
  ['https://subdomain.bütwarden.com', 'https://subdomain.xn--btwarden-65a.com', 'bwUtils'],
  ['xn--btwarden-65a.com', 'https://xn--btwarden-65a.com', 'bwUtils'],
  ['http://localhost', 'http://localhost', 'bwUtils'],
  ['http://192.168.1.1', 'http://192.168.1.1', 'bwUtils'],
  ['https://[2620:fe::fe]', 'https://[2620:fe::fe]', 'bwUtils'],
  [' ', 'site_empty', 'bwUtils'],
  ['bitwarden', 'site_needs_scheme', 'bwUtils'],
  ['localhost', 'site_needs_scheme', 'bwUtils', 'a local server: http or https is not guessed'],
  ['192.168.1.1', 'site_needs_scheme', 'bwUtils', 'an IP: http or https is not guessed'],
  ['[2620:fe::fe]', 'site_needs_scheme', 'bwUtils', 'an IP: http or https is not guessed'],
  ['localhost:3000', 'site_needs_scheme', 'bwUri', 'a local server: http or https is not guessed'],
  ['[::1]:9001', 'site_needs_scheme', 'bwUri', 'an IP: http or https is not guessed'],
  ['https://bit!:"_&ward.com', 'site_not_web_address', 'bwUtils'],
  ['bit!:_&ward.com', 'site_not_web_address', 'bwUri'],
  ['https://mywebsite.com$.mywebsite.com', 'site_bad_host', 'bwUtils'],
  ['https://mywebsite.com!.mywebsite.com', 'site_bad_host', 'bwUtils'],
  ['data:image/jpeg;base64,AAA', 'site_not_http', 'bwUtils'],
  ['about:', 'site_not_http', 'bwUtils'],
  ['about:blank', 'site_not_http', 'bwUtils'],
  ['file:///C://somefolder/form.pdf', 'site_not_http', 'bwUtils'],
  ['wrong://bitwarden.com', 'site_not_http', 'bwUtils', 'only http(s) pages take codes'],
  [
    'https://user:password@bitwarden.com:8080/password/sites?and&query#hash',
    'site_credentials',
    'bwUtils',
    'a user part is refused: github.com@evil.example would hide the real host',
  ],
  [
    'user:password@bitwarden.com:8080/password/sites',
    'site_not_http',
    'bwUtils',
    '"user:" reads as a scheme; refused either way',
  ],
  ['someprotocol://bitwarden.com', 'site_not_http', 'bwUri'],
  ['http://*.github.com/login', 'site_bad_host', 'kpxc'],
  ['.github.com', 'site_bad_host', 'kpxc'],
  ['http:/example.com', 'site_not_http', 'kpxc'],
  ['http://278.21.2.0', 'site_not_web_address', 'kpxc'],
  ['http://[2001:0db8:85y3:0000:0000:8a2e:0370:7334]', 'site_not_web_address', 'kpxc'],
  [
    'http://[2001:0db8:85a3:0000:0000:8a2e:0370:7334]',
    'http://[2001:db8:85a3::8a2e:370:7334]',
    'kpxc',
  ],
  ['duckduckgo', 'site_needs_scheme', 'ddg'],
  ['Pelé@example.com', 'site_credentials', 'tldts', 'a user part is refused'],
  ['http://.example.co.uk./some/path', 'site_bad_host', 'tldts', 'a leading dot is refused'],
];

describe('normaliseSite', () => {
  it.each(SITES)('%j → %s (%s)', (text, want, source) => {
    expect(SOURCES[source]).toBeDefined();
    const result = normaliseSite(text);
    expect(result).toEqual(
      want.includes('://') ? { ok: true, value: want } : { ok: false, error: want },
    );
  });
});

/** A host as a page shows it, to its registrable domain: the PSL's vectors and others'. */
const DOMAINS: [host: string, want: string | null, source: Source, differs?: string][] = [
  ['COM', null, 'psl'],
  ['example.COM', 'example.com', 'psl'],
  ['WwW.example.COM', 'example.com', 'psl'],
  ['.com', null, 'psl'],
  ['.example', null, 'psl'],
  ['.example.com', null, 'psl'],
  ['.example.example', null, 'psl'],
  ['example', null, 'psl'],
  ['example.example', 'example.example', 'psl'],
  ['b.example.example', 'example.example', 'psl'],
  ['a.b.example.example', 'example.example', 'psl'],
  ['biz', null, 'psl'],
  ['domain.biz', 'domain.biz', 'psl'],
  ['b.domain.biz', 'domain.biz', 'psl'],
  ['a.b.domain.biz', 'domain.biz', 'psl'],
  ['com', null, 'psl'],
  ['example.com', 'example.com', 'psl'],
  ['b.example.com', 'example.com', 'psl'],
  ['a.b.example.com', 'example.com', 'psl'],
  ['uk.com', null, 'psl'],
  ['example.uk.com', 'example.uk.com', 'psl'],
  ['b.example.uk.com', 'example.uk.com', 'psl'],
  ['a.b.example.uk.com', 'example.uk.com', 'psl'],
  ['test.ac', 'test.ac', 'psl'],
  ['mm', null, 'psl'],
  ['c.mm', null, 'psl'],
  ['b.c.mm', 'b.c.mm', 'psl'],
  ['a.b.c.mm', 'b.c.mm', 'psl'],
  ['jp', null, 'psl'],
  ['test.jp', 'test.jp', 'psl'],
  ['www.test.jp', 'test.jp', 'psl'],
  ['ac.jp', null, 'psl'],
  ['test.ac.jp', 'test.ac.jp', 'psl'],
  ['www.test.ac.jp', 'test.ac.jp', 'psl'],
  ['kyoto.jp', null, 'psl'],
  ['test.kyoto.jp', 'test.kyoto.jp', 'psl'],
  ['ide.kyoto.jp', null, 'psl'],
  ['b.ide.kyoto.jp', 'b.ide.kyoto.jp', 'psl'],
  ['a.b.ide.kyoto.jp', 'b.ide.kyoto.jp', 'psl'],
  ['c.kobe.jp', null, 'psl'],
  ['b.c.kobe.jp', 'b.c.kobe.jp', 'psl'],
  ['a.b.c.kobe.jp', 'b.c.kobe.jp', 'psl'],
  ['city.kobe.jp', 'city.kobe.jp', 'psl'],
  ['www.city.kobe.jp', 'city.kobe.jp', 'psl'],
  ['ck', null, 'psl'],
  ['test.ck', null, 'psl'],
  ['b.test.ck', 'b.test.ck', 'psl'],
  ['a.b.test.ck', 'b.test.ck', 'psl'],
  ['www.ck', 'www.ck', 'psl'],
  ['www.www.ck', 'www.ck', 'psl'],
  ['us', null, 'psl'],
  ['test.us', 'test.us', 'psl'],
  ['www.test.us', 'test.us', 'psl'],
  ['ak.us', null, 'psl'],
  ['test.ak.us', 'test.ak.us', 'psl'],
  ['www.test.ak.us', 'test.ak.us', 'psl'],
  ['k12.ak.us', null, 'psl'],
  ['test.k12.ak.us', 'test.k12.ak.us', 'psl'],
  ['www.test.k12.ak.us', 'test.k12.ak.us', 'psl'],
  // IDN labels: the PSL's Unicode vectors, compared in punycode as the browser shows hosts.
  ['食狮.com.cn', 'xn--85x722f.com.cn', 'psl'],
  ['食狮.公司.cn', 'xn--85x722f.xn--55qx5d.cn', 'psl'],
  ['www.食狮.公司.cn', 'xn--85x722f.xn--55qx5d.cn', 'psl'],
  ['shishi.公司.cn', 'shishi.xn--55qx5d.cn', 'psl'],
  ['公司.cn', null, 'psl'],
  ['食狮.中国', 'xn--85x722f.xn--fiqs8s', 'psl'],
  ['www.食狮.中国', 'xn--85x722f.xn--fiqs8s', 'psl'],
  ['shishi.中国', 'shishi.xn--fiqs8s', 'psl'],
  ['中国', null, 'psl'],
  ['xn--85x722f.com.cn', 'xn--85x722f.com.cn', 'psl'],
  ['xn--85x722f.xn--55qx5d.cn', 'xn--85x722f.xn--55qx5d.cn', 'psl'],
  ['www.xn--85x722f.xn--55qx5d.cn', 'xn--85x722f.xn--55qx5d.cn', 'psl'],
  ['shishi.xn--55qx5d.cn', 'shishi.xn--55qx5d.cn', 'psl'],
  ['xn--55qx5d.cn', null, 'psl'],
  ['xn--85x722f.xn--fiqs8s', 'xn--85x722f.xn--fiqs8s', 'psl'],
  ['www.xn--85x722f.xn--fiqs8s', 'xn--85x722f.xn--fiqs8s', 'psl'],
  ['shishi.xn--fiqs8s', 'shishi.xn--fiqs8s', 'psl'],
  ['xn--fiqs8s', null, 'psl'],
  // Bitwarden's getDomain.
  ['www.vault.bitwarden.com', 'bitwarden.com', 'bwUtils'],
  ['my_vault.bitwarden.com', 'bitwarden.com', 'bwUtils'],
  ['subdomain.bütwarden.com', 'xn--btwarden-65a.com', 'bwUtils'],
  ['bitwarden.unknown', 'bitwarden.unknown', 'bwUtils'],
  ['localhost', null, 'bwUtils', 'one label: no registrable domain, so only its exact origin'],
  ['192.168.1.1', null, 'bwUtils', 'an IP has no domain: only its exact origin matches'],
  ['[2620:fe::fe]', null, 'bwUtils', 'an IP has no domain: only its exact origin matches'],
  // KeePassXC's getTopLevelDomainFromUrl.
  ['another.example.co.uk', 'example.co.uk', 'kpxc'],
  ['www.example.com', 'example.com', 'kpxc'],
  ['test.net', 'test.net', 'kpxc'],
  ['so.many.subdomains.co.jp', 'subdomains.co.jp', 'kpxc'],
  ['192.168.0.1', null, 'kpxc', 'an IP has no domain: only its exact origin matches'],
  // tldts.
  ['server.dr.pt.', 'dr.pt', 'tldts'],
  ['www.google.co.uk.', 'google.co.uk', 'tldts'],
  ['1.2.3.4', null, 'tldts'],
  ['google.com', 'google.com', 'tldts'],
  ['t.co', 't.co', 'tldts'],
  ['fr.t.co', 't.co', 'tldts'],
  ['foo.google.co.uk', 'google.co.uk', 'tldts'],
  ['www.bl.uk', 'bl.uk', 'tldts'],
  ['www.majestic12.co.uk', 'majestic12.co.uk', 'tldts'],
  ['y399.3466633.be', '3466633.be', 'tldts'],
  ['s3.amazonaws.com', null, 'tldts'],
  ['www.s3.amazonaws.com', 'www.s3.amazonaws.com', 'tldts'],
  ['spf_.google.com', 'google.com', 'tldts'],
  ['_bsg-1418.bryanjswift.com', 'bryanjswift.com', 'tldts'],
  ['_bryanjswift.com', '_bryanjswift.com', 'tldts'],
  ['foo.constructor.com', 'constructor.com', 'tldts'],
  ['foo.__proto__', 'foo.__proto__', 'tldts'],
  ['.example.co.uk.', null, 'tldts', 'a leading dot is refused, not ignored'],
  // DuckDuckGo's eTLD+1.
  ['duckduckgo.co.uk', 'duckduckgo.co.uk', 'ddg'],
  ['foo.bar.duckduckgo.co.uk', 'duckduckgo.co.uk', 'ddg'],
  ['ça.com', 'xn--a-5fa.com', 'ddg'],
];

describe('registrable domain of a page host', () => {
  it.each(DOMAINS)('%s → %s (%s)', (host, want, source) => {
    expect(SOURCES[source]).toBeDefined();
    // As Otter sees a host: through the URL parser and its host rules (origin.ts).
    const page = parseWebUrl(`https://${host}/`);
    const domain = page.ok ? registrableDomain(page.value.host) : null;
    expect(domain).toBe(want);
  });
});
