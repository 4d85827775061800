import { describe, expect, it } from 'vitest';
import {
  bestMatch,
  isInsecureTwin,
  isSilentFillAllowed,
  matchSite,
  normaliseSite,
  registrableDomain,
  type SiteMatch,
} from '../../src/sites';
import { RELATED_GROUPS } from '../../src/sites/related-domains';
import { SHARED_HOSTS, servesOthers } from '../../src/sites/shared-hosts';

describe('shared hosts table', () => {
  it.each(SHARED_HOSTS)('$host is a canonical host that the PSL does not split', (entry) => {
    expect(normaliseSite(entry.host)).toEqual({ ok: true, value: `https://${entry.host}` });
    // Not itself a public suffix, and the names under it share one registrable domain: were the
    // PSL to split them (as it does github.io), the entry would add nothing and can go.
    expect(registrableDomain(entry.host)).not.toBeNull();
    expect(registrableDomain(`a.${entry.host}`)).toBe(registrableDomain(`b.${entry.host}`));
    for (const host of entry.signIn ?? []) {
      expect(normaliseSite(host)).toEqual({ ok: true, value: `https://${host}` });
      expect(host === entry.host || host.endsWith(`.${entry.host}`), host).toBe(true);
    }
  });

  it('lists no host twice', () => {
    const hosts = SHARED_HOSTS.map((e) => e.host);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('leaves every related-table domain a page that can still match', () => {
    // A related entry wholly inside a shared host, with no sign-in host listed, would relate
    // nothing: the group would be dead weight, or the entry was added by mistake.
    for (const group of RELATED_GROUPS) {
      for (const entry of group.entries) {
        const host = entry.includes('://') ? new URL(entry).hostname : entry;
        const shared = SHARED_HOSTS.find((e) => host === e.host || host.endsWith(`.${e.host}`));
        if (shared !== undefined) expect(shared.signIn ?? [], entry).not.toHaveLength(0);
      }
    }
  });
});

describe('servesOthers', () => {
  it.each([
    ['docs.google.com', true],
    ['sites.google.com', true],
    ['www.google.com', true],
    ['google.com', true],
    ['accounts.google.com', false],
    ['myaccount.google.com', false],
    // A sign-in host stands for itself, not for names under it.
    ['x.accounts.google.com', true],
    ['google.co.uk', false],
    ['notgoogle.com', false],
    ['google.com.evil.example', false],
    ['forms.office.com', true],
    ['www.office.com', false],
    ['acme.okta.com', true],
    ['acme.us.auth0.com', true],
    ['acme.my.salesforce.com', true],
    ['login.salesforce.com', false],
    ['wordpress.com', false],
    ['alice.wordpress.com', true],
    ['admin.typeform.com', false],
    ['acme.typeform.com', true],
    ['github.com', false],
    ['acme.lightning.force.com', true],
    ['acme--c.vf.force.com', true],
    ['evil.my.site.com', true],
    ['www.site.com', false],
    ['evil.zendesk.com', true],
    ['tumblr.com', false],
    ['www.tumblr.com', false],
    ['evil.tumblr.com', true],
    ['manage.statuspage.io', false],
    ['evil.statuspage.io', true],
  ])('%s → %s', (host, shared) => expect(servesOthers(host)).toBe(shared));
});

describe('a page on a shared host matches only its exact origin', () => {
  it.each<[account: string, page: string, match: SiteMatch | null]>([
    // Another company's tenant is another party; one's own tenant still matches exactly.
    ['https://acme.okta.com', 'https://evil.okta.com/', null],
    ['https://acme.okta.com', 'https://acme.okta.com/app/x/sso/saml', 'exact'],
    ['https://acme.oktapreview.com', 'https://evil.oktapreview.com/', null],
    ['https://acme.okta-emea.com', 'https://evil.okta-emea.com/', null],
    ['https://acme.us.auth0.com', 'https://evil.us.auth0.com/', null],
    ['https://acme.my.salesforce.com', 'https://evil.my.salesforce.com/', null],
    // The cost: the tenant's admin host is learnt once ("Use … on … from now on?").
    ['https://acme.okta.com', 'https://acme-admin.okta.com/', null],
    // Only pages are restricted: an account whose site is on a shared host still finds the
    // service's own sign-in page.
    ['https://acme.my.salesforce.com', 'https://login.salesforce.com/', 'same-site'],
    ['https://docs.google.com', 'https://accounts.google.com/', 'same-site'],
    ['https://docs.google.com', 'https://docs.google.com/forms/d/x/edit', 'exact'],
    // Google: sign-in and setup pages as before; everything else under google.com by origin.
    [
      'https://myaccount.google.com',
      'https://accounts.google.com/v3/signin/challenge/totp',
      'same-site',
    ],
    [
      'https://accounts.google.com',
      'https://myaccount.google.com/two-step-verification',
      'same-site',
    ],
    ['https://www.youtube.com', 'https://myaccount.google.com/', 'related'],
    ['https://gmail.com', 'https://accounts.google.com/', 'related'],
    ['https://accounts.google.com', 'https://mail.google.com/', null],
    ['https://accounts.google.com', 'https://script.google.com/macros/s/x/exec', null],
    ['https://accounts.google.com', 'https://calendar.google.com/calendar/appointments/x', null],
    ['https://accounts.google.com', 'https://x.accounts.google.com/', null],
    // Microsoft: forms and Sway pages are nobody's sign-in.
    ['https://mysignins.microsoft.com', 'https://sway.office.com/x', null],
    ['https://mysignins.microsoft.com', 'https://sway.cloud.microsoft/x', null],
    ['https://account.microsoft.com', 'https://login.live.com/', 'related'],
    ['https://mysignins.microsoft.com', 'https://www.office.com/', 'related'],
    // Blogs and forms on their own names; the service's sign-in host still matches.
    ['https://typeform.com', 'https://admin.typeform.com/login', 'subdomain'],
    ['https://admin.typeform.com', 'https://acme.typeform.com/to/x', null],
    ['https://www.wordpress.com', 'https://wordpress.com/log-in', 'same-site'],
    ['https://wordpress.com', 'https://alice.wordpress.com/', null],
    // Customers' own scripts under a domain the PSL keeps whole: Salesforce orgs' Lightning
    // components, Visualforce pages and Sites; Zendesk help centres' theme JavaScript; Tumblr
    // blogs' theme HTML; each tenant's SharePoint, Jira and Confluence; Glitch's apps.
    ['https://acme.lightning.force.com', 'https://evil.secure.force.com/', null],
    ['https://acme.lightning.force.com', 'https://evil--c.vf.force.com/', null],
    ['https://acme.lightning.force.com', 'https://evil.lightning.force.com/', null],
    ['https://acme.lightning.force.com', 'https://acme.lightning.force.com/lightning/', 'exact'],
    ['https://acme.my.site.com', 'https://evil.my.site.com/s/login', null],
    ['https://acme.my.salesforce-sites.com', 'https://evil.my.salesforce-sites.com/', null],
    ['https://acme.zendesk.com', 'https://evil.zendesk.com/hc/en-us', null],
    ['https://acme.zendesk.com', 'https://acme.zendesk.com/agent', 'exact'],
    ['https://www.tumblr.com', 'https://evil.tumblr.com/', null],
    ['https://evil.tumblr.com', 'https://www.tumblr.com/login', 'same-site'],
    ['https://acme.sharepoint.com', 'https://evil.sharepoint.com/', null],
    ['https://acme.atlassian.net', 'https://evil.atlassian.net/', null],
    ['https://acme.jira.com', 'https://evil.jira.com/', null],
    ['https://manage.statuspage.io', 'https://evil.statuspage.io/', null],
    ['https://evil.statuspage.io', 'https://manage.statuspage.io/login', 'same-site'],
    ['https://alice.glitch.me', 'https://bob.glitch.me/', null],
    // Tenants anyone can have, whose pages run their owner's scripts.
    ['https://acme.b2clogin.com', 'https://evil.b2clogin.com/evil.onmicrosoft.com/', null],
    ['https://acme.ciamlogin.com', 'https://evil.ciamlogin.com/', null],
    ['https://acme.service-now.com', 'https://dev12345.service-now.com/login.do', null],
    ['https://acme.service-now.com', 'https://acme.service-now.com/login.do', 'exact'],
    ['https://acme.odoo.com', 'https://evil.odoo.com/web/login', null],
    ['https://acme.odoo.com', 'https://www.odoo.com/web/login', 'same-site'],
    ['https://acme.retool.com', 'https://evil.retool.com/apps/x', null],
    ['https://login.retool.com', 'https://evil.retool.com/', null],
    ['https://acme.onelogin.com', 'https://evil.onelogin.com/login2', null],
    ['https://acme.cloudflareaccess.com', 'https://evil.cloudflareaccess.com/', null],
    ['https://acme.freshdesk.com', 'https://evil.freshdesk.com/support/login', null],
    ['https://acme.myfreshworks.com', 'https://evil.myfreshworks.com/login', null],
    ['https://acme.freshservice.com', 'https://evil.freshservice.com/', null],
    // Customers' sites under a site builder's or a host's own domain.
    ['https://account.squarespace.com', 'https://evil.squarespace.com/', null],
    ['https://evil.squarespace.com', 'https://login.squarespace.com/', 'same-site'],
    ['https://www.weebly.com', 'https://evil.weebly.com/', null],
    ['https://acme.ghost.io', 'https://evil.ghost.io/ghost/', null],
    ['https://neocities.org', 'https://evil.neocities.org/', null],
    ['https://my.wpengine.com', 'https://evil.wpengine.com/wp-login.php', null],
    ['https://my.wpengine.com', 'https://identity.wpengine.com/', 'same-site'],
    ['https://acme.kinsta.cloud', 'https://evil.kinsta.cloud/wp-login.php', null],
    ['https://acme.cloudwaysapps.com', 'https://evil.cloudwaysapps.com/', null],
    ['https://acme.acquia-sites.com', 'https://evil.acquia-sites.com/user/login', null],
    ['https://acme.000webhostapp.com', 'https://evil.000webhostapp.com/', null],
  ])('account %s, page %s → %s', (account, page, match) => {
    expect(matchSite(account, page)).toBe(match);
    expect(isSilentFillAllowed(account, page)).toBe(match === 'exact');
  });

  it('an account with the page among its sites still matches it exactly', () => {
    const sites = ['https://accounts.google.com', 'https://docs.google.com'];
    expect(bestMatch(sites, 'https://docs.google.com/forms/d/x/edit')).toBe('exact');
    expect(bestMatch(sites.slice(0, 1), 'https://docs.google.com/forms/d/x/edit')).toBeNull();
  });

  it('still refuses to learn the http twin of a shared host near an https site', () => {
    // Learning http://docs.google.com would make a page anyone on the network can forge an
    // exact match, which the keyboard command fills without asking.
    expect(isInsecureTwin(['https://accounts.google.com'], 'http://docs.google.com/')).toBe(true);
    expect(isInsecureTwin(['https://acme.okta.com'], 'http://evil.okta.com/')).toBe(true);
    expect(isInsecureTwin(['https://github.com'], 'http://docs.google.com/')).toBe(false);
  });
});
