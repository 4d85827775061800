/**
 * Related sign-in domains: services whose accounts are set up on one domain and signed in to on
 * another (Microsoft: mysignins.microsoft.com → login.microsoftonline.com; personal Microsoft:
 * account.microsoft.com → login.live.com). An account scanned on one entry of a group is
 * `related` on a page of another entry of the same group, over https only. Related never fills
 * without the user's confirmation (see match.ts): this table orders the popup, it grants nothing.
 *
 * Sources. Written for Otter from the equivalent-domain lists that password managers publish, read
 * as references (no file copied), checked against vendors' own sign-in pages where we know them:
 * - Apple, password-manager-resources, `quirks/websites-with-shared-credential-backends.json` and
 *   `quirks/shared-credentials.json` (https://github.com/apple/password-manager-resources),
 *   MIT licence, Copyright 2020 - 2021 Apple Inc.;
 * - Bitwarden, "global equivalent domains" (bitwarden/server, `GlobalEquivalentDomainsType` and
 *   its static store), AGPL-3.0: consulted only, nothing taken beyond the facts themselves.
 * See docs/site-matching.md for the licence notice and the rules for changing this table.
 *
 * Each entry is either
 * - a registrable domain (by the Public Suffix List with its private section, as tldts computes
 *   it): every host under it belongs to the group; or
 * - an https origin (`https://login.windows.net`): that origin only, for a registrable domain
 *   where other people can run their own pages (azure.com has customers' VMs under
 *   cloudapp.azure.com), or one shared with another group (aws.amazon.com under amazon.com).
 * Never a public suffix, never a domain that serves other people's pages (github.io, awsapps.com,
 * myshopify.com, sharepoint.com, statuspage.io, force.com, atlassian.net, …). test/sites/related-domains.test.ts checks
 * every entry against tldts and that no entry appears twice.
 */

export interface RelatedGroup {
  /** Who runs the sign-in: for readers and test names, never shown to the user. */
  readonly service: string;
  readonly entries: readonly string[];
}

export const RELATED_GROUPS: readonly RelatedGroup[] = [
  {
    // Work or school (Entra ID) and personal Microsoft accounts: one sign-in system.
    service: 'Microsoft',
    entries: [
      'microsoft.com',
      'microsoftonline.com',
      'live.com',
      'office.com',
      'office365.com',
      'microsoft365.com',
      'cloud.microsoft',
      'outlook.com',
      'hotmail.com',
      'msn.com',
      'xbox.com',
      'skype.com',
      'https://login.windows.net',
      'https://account.activedirectory.windowsazure.com',
      'https://portal.azure.com',
      'https://dev.azure.com',
    ],
  },
  { service: 'Google', entries: ['google.com', 'youtube.com', 'gmail.com'] },
  { service: 'Apple', entries: ['apple.com', 'icloud.com', 'icloud.com.cn'] },
  {
    service: 'Amazon',
    entries: [
      'amazon.com',
      'amazon.ca',
      'amazon.com.mx',
      'amazon.com.br',
      'amazon.co.uk',
      'amazon.de',
      'amazon.fr',
      'amazon.it',
      'amazon.es',
      'amazon.nl',
      'amazon.com.tr',
      'amazon.in',
      'amazon.com.au',
    ],
  },
  {
    // AWS root and IAM users sign in on amazon.com (console, signin: same-site); AWS Builder ID
    // and IAM Identity Center sign in on signin.aws. Customers' access portals (*.awsapps.com)
    // are each a site of their own by the Public Suffix List and cannot be listed here.
    service: 'Amazon Web Services',
    entries: [
      'signin.aws',
      'https://signin.aws.amazon.com',
      'https://console.aws.amazon.com',
      'https://profile.aws.amazon.com',
    ],
  },
  {
    // id.atlassian.com signs in to every Atlassian cloud product. Not atlassian.net or jira.com:
    // each customer's site is a host under them (acme.atlassian.net), with the customer's pages.
    service: 'Atlassian',
    entries: ['atlassian.com', 'bitbucket.org', 'trello.com'],
  },
  { service: 'Dropbox', entries: ['dropbox.com', 'getdropbox.com'] },
  { service: 'Adobe', entries: ['adobe.com', 'adobelogin.com', 'behance.net'] },
  { service: 'Facebook', entries: ['facebook.com', 'messenger.com'] },
  { service: 'Instagram', entries: ['instagram.com', 'threads.net', 'threads.com'] },
  { service: 'Steam', entries: ['steampowered.com', 'steamcommunity.com', 'steamgames.com'] },
  // No Salesforce group: orgs sign in on *.my.salesforce.com (same-site with login.salesforce.com
  // already) and set up on *.lightning.force.com, but force.com also serves customers' own
  // Visualforce pages and Sites (*.secure.force.com), scripts included.
  { service: 'Heroku', entries: ['heroku.com', 'https://verify.salesforce.com'] },
  {
    // accounts.zoho.com sends each account to its data centre's domain.
    service: 'Zoho',
    entries: [
      'zoho.com',
      'zoho.eu',
      'zoho.in',
      'zoho.com.au',
      'zoho.com.cn',
      'zoho.jp',
      'zohocloud.ca',
    ],
  },
  {
    service: 'Proton',
    entries: ['proton.me', 'protonmail.com', 'protonmail.ch', 'protonvpn.com'],
  },
  { service: 'X', entries: ['x.com', 'twitter.com'] },
  { service: 'Discord', entries: ['discord.com', 'discordapp.com'] },
  { service: 'OpenAI', entries: ['openai.com', 'chatgpt.com', 'chat.com'] },
  {
    service: 'Epic Games',
    entries: ['epicgames.com', 'unrealengine.com', 'fortnite.com', 'twinmotion.com'],
  },
  { service: 'Ubisoft', entries: ['ubisoft.com', 'ubi.com'] },
  {
    service: 'PlayStation',
    entries: ['playstation.com', 'sonyentertainmentnetwork.com', 'https://my.account.sony.com'],
  },
  { service: 'Blizzard', entries: ['battle.net', 'blizzard.com'] },
  { service: 'Ubiquiti', entries: ['ui.com', 'ubnt.com'] },
  { service: 'Wise', entries: ['wise.com', 'transferwise.com'] },
  { service: 'Tesla', entries: ['tesla.com', 'teslamotors.com'] },
  { service: 'DocuSign', entries: ['docusign.com', 'docusign.net'] },
  { service: 'Tuta', entries: ['tuta.com', 'tutanota.com'] },
  { service: 'Notion', entries: ['notion.so', 'notion.com'] },
  { service: 'Zoom', entries: ['zoom.us', 'zoom.com'] },
  { service: 'Basecamp', entries: ['basecamp.com', '37signals.com'] },
  { service: 'Hetzner', entries: ['hetzner.com', 'hetzner.cloud'] },
  { service: 'Alibaba', entries: ['alibaba.com', 'aliexpress.com', 'aliexpress.us'] },
  {
    service: 'eBay',
    entries: [
      'ebay.com',
      'ebay.ca',
      'ebay.co.uk',
      'ebay.ie',
      'ebay.de',
      'ebay.at',
      'ebay.ch',
      'ebay.fr',
      'ebay.be',
      'ebay.nl',
      'ebay.it',
      'ebay.es',
      'ebay.pl',
      'ebay.com.au',
    ],
  },
  {
    service: 'Pinterest',
    entries: [
      'pinterest.com',
      'pinterest.ca',
      'pinterest.co.uk',
      'pinterest.de',
      'pinterest.fr',
      'pinterest.es',
      'pinterest.it',
      'pinterest.se',
      'pinterest.com.au',
      'pinterest.com.mx',
      'pinterest.jp',
    ],
  },
  {
    service: 'Stack Exchange',
    entries: [
      'stackoverflow.com',
      'stackexchange.com',
      'superuser.com',
      'serverfault.com',
      'askubuntu.com',
      'mathoverflow.net',
    ],
  },
  {
    // One Wikimedia account on every project; wikimedia.org also serves uploaded files, so only
    // its sign-in and wiki origins are listed.
    service: 'Wikimedia',
    entries: [
      'wikipedia.org',
      'wiktionary.org',
      'wikidata.org',
      'wikibooks.org',
      'wikiquote.org',
      'wikisource.org',
      'wikiversity.org',
      'wikivoyage.org',
      'wikinews.org',
      'mediawiki.org',
      'https://auth.wikimedia.org',
      'https://meta.wikimedia.org',
      'https://commons.wikimedia.org',
    ],
  },
];
