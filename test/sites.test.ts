import { describe, expect, it } from 'vitest';
import { registrableDomain, sameSite, siteOf } from '../src/sites';

describe('sites', () => {
  it.each([
    ['https://github.com/settings/two_factor', 'https://github.com'],
    ['http://127.0.0.1:8080/setup.html', 'http://127.0.0.1:8080'],
    ['chrome://extensions', ''],
    ['about:blank', ''],
    ['file:///tmp/x.html', ''],
    ['not a url', ''],
    [undefined, ''],
  ])('siteOf(%s) = %s', (url, site) => expect(siteOf(url)).toBe(site));

  it.each([
    ['accounts.google.com', 'google.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['login.example.com.au', 'example.com.au'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
  ])('registrableDomain(%s) = %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));

  it.each([
    ['https://github.com', 'https://github.com', true],
    ['https://accounts.example.com', 'https://www.example.com', true],
    ['https://example.com', 'https://example.org', false],
    ['https://a.co.uk', 'https://b.co.uk', false],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:9090', true],
    ['', 'https://github.com', false],
    ['https://github.com', '', false],
  ])('sameSite(%s, %s) = %s', (a, b, same) => expect(sameSite(a, b)).toBe(same));
});
