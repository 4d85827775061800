import { describe, expect, it } from 'vitest';
import { MAX_SITE_TEXT, normaliseSite, SITE_ERRORS, siteOf, type SiteError } from '../../src/sites';

describe('normaliseSite: accepted, to the canonical origin', () => {
  it.each([
    // Bare names get https://, paths and queries go, case folds.
    ['github.com', 'https://github.com'],
    ['  github.com  ', 'https://github.com'],
    ['GitHub.COM', 'https://github.com'],
    ['https://GitHub.com/login', 'https://github.com'],
    ['HTTPS://github.com/login?next=/settings#2fa', 'https://github.com'],
    ['github.com/settings/security', 'https://github.com'],
    ['accounts.google.com', 'https://accounts.google.com'],
    // Ports: default ones go, others stay; a bare host with a port is still a host.
    ['https://github.com:443', 'https://github.com'],
    ['http://example.com:80/x', 'http://example.com'],
    ['https://example.com:8443', 'https://example.com:8443'],
    ['example.com:8443', 'https://example.com:8443'],
    ['example.com:8443/login', 'https://example.com:8443'],
    // http is kept when typed.
    ['http://intranet.example', 'http://intranet.example'],
    // IP addresses and one-label names with an explicit scheme.
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/setup.html', 'http://127.0.0.1:8080'],
    ['https://192.168.1.1', 'https://192.168.1.1'],
    ['http://0x7f.1', 'http://127.0.0.1'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://intranet:8080', 'http://intranet:8080'],
    // A trailing dot is the same host.
    ['bank.com.', 'https://bank.com'],
    ['https://bank.com./login', 'https://bank.com'],
    ['https://bank.com.:8443', 'https://bank.com:8443'],
    ['http://127.0.0.1.:8080', 'http://127.0.0.1:8080'],
    // IDN to punycode, as the browser shows origins.
    ['bücher.de', 'https://xn--bcher-kva.de'],
    ['https://BÜCHER.de/', 'https://xn--bcher-kva.de'],
    ['https://xn--bcher-kva.de', 'https://xn--bcher-kva.de'],
    ['münchen.example.com', 'https://xn--mnchen-3ya.example.com'],
    ['ｇｉｔｈｕｂ.com', 'https://github.com'],
    // Underscores occur in real host names.
    ['https://my_host.example.com', 'https://my_host.example.com'],
    // A public suffix is accepted (it matches only itself).
    ['github.io', 'https://github.io'],
  ])('%j → %s', (text, origin) => {
    expect(normaliseSite(text)).toEqual({ ok: true, value: origin });
  });
});

describe('normaliseSite: refused, with a code', () => {
  it.each<[string, SiteError]>([
    ['', 'site_empty'],
    ['   ', 'site_empty'],
    ['x'.repeat(MAX_SITE_TEXT + 1), 'site_too_long'],
    [`https://example.com/${'a'.repeat(MAX_SITE_TEXT)}`, 'site_too_long'],
    ['not a site', 'site_not_web_address'],
    ['git hub.com', 'site_not_web_address'],
    ['github.com\n.evil.com', 'site_not_web_address'],
    ['gith\tub.com', 'site_not_web_address'],
    ['https://', 'site_not_web_address'],
    ['https://1.2.3.4.5', 'site_not_web_address'],
    ['https://xn--zz.com', 'site_not_web_address'],
    ['ftp://example.com', 'site_not_http'],
    ['file:///etc/passwd', 'site_not_http'],
    ['chrome://extensions', 'site_not_http'],
    ['javascript:alert(1)', 'site_not_http'],
    ['mailto:alice@example.com', 'site_not_http'],
    ['about:blank', 'site_not_http'],
    ['data:text/html,hi', 'site_not_http'],
    ['example.com:abc', 'site_not_http'],
    // IPs and one-label names need the scheme typed.
    ['127.0.0.1', 'site_needs_scheme'],
    ['127.0.0.1:8080', 'site_needs_scheme'],
    ['[::1]', 'site_needs_scheme'],
    ['localhost', 'site_needs_scheme'],
    ['localhost:8080', 'site_needs_scheme'],
    ['github', 'site_needs_scheme'],
    // A user part hides the real host.
    ['github.com@evil.example', 'site_credentials'],
    ['https://github.com@evil.example/login', 'site_credentials'],
    ['https://user:pass@example.com', 'site_credentials'],
    ['https://@example.com', 'site_credentials'],
    // Lone dots and empty labels.
    ['.', 'site_bad_host'],
    ['https://./', 'site_bad_host'],
    ['https://../', 'site_bad_host'],
    ['bank.com..', 'site_bad_host'],
    ['https://a..b.com', 'site_bad_host'],
    ['https://.bank.com', 'site_bad_host'],
    // Characters the URL parser allows in a host but DNS names do not have.
    ['https://a*b.com', 'site_bad_host'],
    ["https://a'b.com", 'site_bad_host'],
    [`https://${'a'.repeat(64)}.com`, 'site_bad_host'],
    [`https://${Array.from({ length: 64 }, () => 'abc').join('.')}`, 'site_bad_host'],
  ])('%j → %s', (text, code) => {
    expect(normaliseSite(text)).toEqual({ ok: false, error: code });
    expect(SITE_ERRORS).toContain(code);
  });

  it('accepts the longest DNS name (253 characters)', () => {
    const host = `${Array.from({ length: 63 }, () => 'abc').join('.')}.c`; // 253
    expect(host).toHaveLength(253);
    expect(normaliseSite(host)).toEqual({ ok: true, value: `https://${host}` });
  });
});

describe('siteOf (a tab URL to its origin)', () => {
  it.each([
    ['https://github.com/settings/two_factor', 'https://github.com'],
    ['http://127.0.0.1:8080/setup.html', 'http://127.0.0.1:8080'],
    ['https://bank.com./login', 'https://bank.com'],
    ['https://xn--bcher-kva.de/konto', 'https://xn--bcher-kva.de'],
    // A page may carry a user name; its origin is still where it is.
    ['https://user@example.com/', 'https://example.com'],
    [`https://example.com/callback?state=${'a'.repeat(8000)}`, 'https://example.com'],
    ['chrome://extensions', ''],
    ['about:blank', ''],
    ['file:///tmp/x.html', ''],
    ['not a url', ''],
    ['https://./', ''],
    [undefined, ''],
  ])('siteOf(%s) = %s', (url, site) => expect(siteOf(url)).toBe(site));
});
