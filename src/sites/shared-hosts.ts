/**
 * Hosts where a service serves pages that other people make, under its own registrable domain,
 * which the Public Suffix List does not split: Google Forms on docs.google.com, Microsoft Forms,
 * each company's Okta or Salesforce sign-in, each blog on wordpress.com. A page on such a host
 * matches an account only by its exact origin (match.ts): never as a subdomain, a sibling or a
 * related domain. Otherwise the popup would put, say, the Google account first on a form that
 * asks for "your verification code", and Enter would type the code into it.
 *
 * Each entry is a host and every host under it. `signIn` names hosts under it that are the
 * service's own sign-in pages: those (themselves, not the names under them) match as before.
 *
 * Sources, for the entries that other projects already treat so:
 * - Chromium's password manager matches no two hosts under google.com but accounts.google.com
 *   and myaccount.google.com (psl_matching_helper.h, ShouldPSLDomainMatchingApply); Bitwarden
 *   never matches script.google.com from google.com (Utils.DomainMatchBlacklist);
 * - company1.okta.com and company2.okta.com: https://github.com/bitwarden/clients/issues/17284;
 * - alice.wordpress.com and bob.wordpress.com:
 *   https://github.com/apple/password-manager-resources/issues/882.
 * test/sites/shared-hosts.test.ts checks the table; docs/site-matching.md says how to add to it.
 */

export interface SharedHost {
  /** Lower case, punycode, no trailing dot: this host and every host under it. */
  readonly host: string;
  /** The service's own sign-in hosts under `host`, which keep their looser matches. */
  readonly signIn?: readonly string[];
}

export const SHARED_HOSTS: readonly SharedHost[] = [
  // Forms (docs.google.com/forms), Sites, Apps Script web apps, Calendar booking pages, Groups:
  // anyone's pages. Google asks for the code on accounts.google.com, and on myaccount.google.com
  // when an authenticator is set up.
  { host: 'google.com', signIn: ['accounts.google.com', 'myaccount.google.com'] },
  // Microsoft Forms and Sway: anyone's forms and pages; Microsoft signs in elsewhere
  // (login.microsoftonline.com, login.live.com).
  { host: 'forms.office.com' },
  { host: 'forms.microsoft.com' },
  { host: 'forms.cloud.microsoft' },
  { host: 'sway.office.com' },
  { host: 'sway.cloud.microsoft' },
  // Each customer's sign-in, with that customer's branding and settings: another company's
  // tenant is another party.
  { host: 'okta.com' },
  { host: 'oktapreview.com' },
  { host: 'okta-emea.com' },
  { host: 'auth0.com' },
  { host: 'my.salesforce.com' },
  // Each customer's own pages and scripts, where the Public Suffix List keeps the domain whole
  // (related-domains.ts leaves these out for the same reason): a Salesforce org's Lightning
  // components and Visualforce pages (acme.lightning.force.com, acme--c.vf.force.com) and its
  // public Sites (acme.secure.force.com, acme.my.salesforce-sites.com, acme.my.site.com);
  // a Zendesk help centre's theme, JavaScript included; each tenant's SharePoint, Jira and
  // Confluence; a status page's own HTML.
  { host: 'force.com' },
  { host: 'my.salesforce-sites.com' },
  { host: 'my.site.com' },
  { host: 'zendesk.com' },
  { host: 'sharepoint.com' },
  { host: 'atlassian.net' },
  { host: 'jira.com' },
  { host: 'statuspage.io', signIn: ['manage.statuspage.io'] },
  // Anyone's blog or form on a name of its own; the service signs in on one host.
  { host: 'wordpress.com', signIn: ['wordpress.com'] },
  { host: 'typeform.com', signIn: ['admin.typeform.com'] },
  // A Tumblr blog's theme is its owner's HTML, scripts included.
  { host: 'tumblr.com', signIn: ['tumblr.com', 'www.tumblr.com'] },
  // Glitch's projects: anyone's app, server code included (its sign-in is on glitch.com).
  { host: 'glitch.me' },
  // More tenants whose pages run their owner's scripts, and anyone can have one: an Azure AD
  // B2C or Entra External ID tenant's page layouts (JavaScript allowed), a ServiceNow instance
  // (free developer instances), an Odoo database's website, a Retool organisation's apps.
  { host: 'b2clogin.com' },
  { host: 'ciamlogin.com' },
  { host: 'service-now.com' },
  { host: 'odoo.com', signIn: ['odoo.com', 'www.odoo.com'] },
  { host: 'retool.com', signIn: ['login.retool.com'] },
  // More tenants' sign-in pages, as Okta's above.
  { host: 'onelogin.com' },
  { host: 'cloudflareaccess.com' },
  // Help-desk portals with their owner's theme scripts, and the tenants that sign in to them.
  { host: 'freshdesk.com' },
  { host: 'freshservice.com' },
  { host: 'myfreshworks.com' },
  // Site builders and hosts whose customers' sites (code injection, custom HTML, whole PHP
  // sites) live under the service's own domain; the service signs in on the hosts named.
  { host: 'squarespace.com', signIn: ['login.squarespace.com', 'account.squarespace.com'] },
  { host: 'weebly.com', signIn: ['weebly.com', 'www.weebly.com'] },
  { host: 'ghost.io' },
  { host: 'neocities.org', signIn: ['neocities.org', 'www.neocities.org'] },
  { host: 'wpengine.com', signIn: ['my.wpengine.com', 'identity.wpengine.com'] },
  { host: 'kinsta.cloud' },
  { host: 'cloudwaysapps.com' },
  { host: 'acquia-sites.com' },
  { host: '000webhostapp.com' },
];

let index: ReadonlyMap<string, ReadonlySet<string>> | null = null;

/** Entry host → its sign-in hosts. Built once, on first use. */
function sharedIndex(): ReadonlyMap<string, ReadonlySet<string>> {
  index ??= new Map(SHARED_HOSTS.map((entry) => [entry.host, new Set(entry.signIn ?? [])]));
  return index;
}

/**
 * Whether a page on `host` (as origin.ts gives it: lower case, punycode, no trailing dot) serves
 * other people's pages, so that it matches an account only by its exact origin. The most
 * specific entry that `host` is, or is under, decides.
 */
export function servesOthers(host: string): boolean {
  const shared = sharedIndex();
  for (let suffix = host; ;) {
    const signIn = shared.get(suffix);
    if (signIn !== undefined) return !signIn.has(host);
    const dot = suffix.indexOf('.');
    if (dot === -1) return false;
    suffix = suffix.slice(dot + 1);
  }
}
