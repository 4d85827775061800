import { describe, expect, it } from 'vitest';
import { matchSite, normaliseSite, registrableDomain } from '../../src/sites';
import { RELATED_GROUPS } from '../../src/sites/related-domains';

const ENTRIES = RELATED_GROUPS.flatMap((group) =>
  group.entries.map((entry) => ({ service: group.service, entry })),
);
const isOrigin = (entry: string) => entry.includes('://');

describe('related sign-in domains table', () => {
  it('covers the services people set up on one domain and sign in to on another', () => {
    const services = RELATED_GROUPS.map((g) => g.service);
    for (const service of [
      'Microsoft',
      'Google',
      'Apple',
      'Amazon',
      'Amazon Web Services',
      'Atlassian',
      'Dropbox',
      'Adobe',
      'Facebook',
      'Instagram',
      'Steam',
      'Zoho',
    ]) {
      expect(services).toContain(service);
    }
  });

  it.each(ENTRIES)('$service: $entry is a registrable domain or an https origin', ({ entry }) => {
    if (isOrigin(entry)) {
      // Canonical (normalises to itself), https, default port, on a real registrable domain.
      expect(normaliseSite(entry)).toEqual({ ok: true, value: entry });
      const host = new URL(entry).hostname;
      expect(entry).toBe(`https://${host}`);
      expect(registrableDomain(host)).not.toBeNull();
    } else {
      // Exactly its own registrable domain: not a public suffix (ICANN or private), not a
      // subdomain, lower case, no trailing dot.
      expect(registrableDomain(entry)).toBe(entry);
      expect(normaliseSite(entry)).toEqual({ ok: true, value: `https://${entry}` });
    }
  });

  it('lists no entry twice, in one group or across groups', () => {
    const seen = new Map<string, string>();
    for (const { service, entry } of ENTRIES) {
      expect(seen.get(entry), `${entry} in ${service} and ${seen.get(entry)}`).toBeUndefined();
      seen.set(entry, service);
    }
    expect(new Set(RELATED_GROUPS.map((g) => g.service)).size).toBe(RELATED_GROUPS.length);
  });

  it('has no origin that its own group already covers by domain, and no group of one', () => {
    for (const group of RELATED_GROUPS) {
      expect(group.entries.length, group.service).toBeGreaterThanOrEqual(2);
      for (const entry of group.entries.filter(isOrigin)) {
        const domain = registrableDomain(new URL(entry).hostname);
        expect(group.entries, `${group.service}: ${entry}`).not.toContain(domain);
      }
    }
  });

  it('never lists hosts that serve other people’s pages', () => {
    // Each of these has customers' own pages under it: relating them to a service's sign-in
    // would rank a stranger's page next to the real one.
    const forbidden = [
      'github.io',
      'githubusercontent.com',
      'googleusercontent.com',
      'blogspot.com',
      'awsapps.com',
      'amazonaws.com',
      'cloudfront.net',
      'azure.com',
      'azurewebsites.net',
      'windows.net',
      'sharepoint.com',
      'myshopify.com',
      'herokuapp.com',
      'statuspage.io',
      'wikimedia.org',
      'vercel.app',
      'netlify.app',
      'pages.dev',
      'workers.dev',
      // Customers' own sites: Salesforce Sites and Visualforce pages, Jira and Confluence sites.
      'force.com',
      'atlassian.net',
      'jira.com',
    ];
    for (const { entry } of ENTRIES) expect(forbidden).not.toContain(entry);
  });

  it('relates every pair of entries within a group, over https only', () => {
    // www.google.com serves others' pages (shared-hosts.ts): Google's sign-in page stands in.
    const page = (e: string) =>
      e === 'google.com' ? 'https://accounts.google.com' : `https://www.${e}`;
    for (const group of RELATED_GROUPS) {
      const sites = group.entries.map((e) => (isOrigin(e) ? e : page(e)));
      for (const a of sites) {
        for (const b of sites) {
          if (a === b) continue;
          const sameDomain =
            registrableDomain(new URL(a).hostname) === registrableDomain(new URL(b).hostname);
          expect(matchSite(a, `${b}/`), `${a} → ${b}`).toBe(sameDomain ? 'same-site' : 'related');
          expect(matchSite(a, `${b.replace('https:', 'http:')}/`), `${a} → http`).toBeNull();
        }
      }
    }
  });

  it('Microsoft: an account scanned at mysignins.microsoft.com is related at login.microsoftonline.com', () => {
    expect(matchSite('https://mysignins.microsoft.com', 'https://login.microsoftonline.com/')).toBe(
      'related',
    );
  });

  it.each([
    // A listed origin is its own group's only: AWS's sign-in pages sit under amazon.com, whose
    // Amazon group must not come with them (an AWS root account on Amazon's shop in Germany).
    ['https://www.amazon.de', 'https://signin.aws.amazon.com/'],
    ['https://console.aws.amazon.com', 'https://www.amazon.de/ap/signin'],
    ['https://profile.aws.amazon.com', 'https://www.amazon.co.uk/'],
    // Customers' own pages under a service's domain.
    ['https://login.salesforce.com', 'https://evil.secure.force.com/'],
    ['https://id.atlassian.com', 'https://evil.atlassian.net/'],
    ['https://id.atlassian.com', 'https://evil.jira.com/'],
  ])('does not relate %s to %s', (account, page) => {
    expect(matchSite(account, page)).toBeNull();
  });

  it('still relates AWS sign-in pages to each other and Amazon shops to each other', () => {
    expect(matchSite('https://profile.aws.amazon.com', 'https://us-east-1.signin.aws/')).toBe(
      'related',
    );
    expect(matchSite('https://www.amazon.com', 'https://www.amazon.de/ap/signin')).toBe('related');
  });
});
