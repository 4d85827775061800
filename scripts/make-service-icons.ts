/**
 * Writes the icons of well-known services that people protect with two-factor codes, taken from
 * the `simple-icons` package (CC0 1.0; the brands are their owners' trademarks, see
 * docs/service-icons.md). Run by hand after changing the list or updating the package
 * (`npx tsx scripts/make-service-icons.ts`); what it writes is committed:
 *
 * - ui/service-icons/names.json: slug → [brand colour (hex, no #), the names it is known by], which
 *   the popup loads after its first paint to find each account's icon;
 * - public/service-icons/<slug>.svg: the icon itself, one 24×24 path in black or white, whichever
 *   reads better on the brand colour; each row in view loads its own, from the extension package,
 *   never from the network.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import * as simpleIcons from 'simple-icons';
import { inkOn } from '../ui/service-icons/monogram';

/** simple-icons slugs. Microsoft, Amazon/AWS, LinkedIn and Slack are not in the set (removed at their owners' request): they get a monogram. */
const SLUGS = [
  '1password',
  'airbnb',
  'anthropic',
  'archlinux',
  'asana',
  'atlassian',
  'auth0',
  'basecamp',
  'binance',
  'bitbucket',
  'bitwarden',
  'bluesky',
  'box',
  'buymeacoffee',
  'clickup',
  'cloudflare',
  'codeberg',
  'coinbase',
  'dashlane',
  'datadog',
  'digitalocean',
  'discord',
  'docker',
  'dropbox',
  'ebay',
  'elastic',
  'epicgames',
  'etsy',
  'evernote',
  'expressvpn',
  'facebook',
  'figma',
  'firebase',
  'gandi',
  'gitea',
  'github',
  'gitlab',
  'godaddy',
  'google',
  'googlecloud',
  'grafana',
  'gusto',
  'hetzner',
  'hostinger',
  'hubspot',
  'huggingface',
  'humblebundle',
  'icloud',
  'instagram',
  'intercom',
  'intuit',
  'itchdotio',
  'jetbrains',
  'jira',
  'kaggle',
  'kofi',
  'kucoin',
  'lastpass',
  'mailchimp',
  'mastodon',
  'medium',
  'mega',
  'meta',
  'miro',
  'mongodb',
  'monzo',
  'mozilla',
  'mullvad',
  'n26',
  'namecheap',
  'netflix',
  'netlify',
  'newrelic',
  'nextcloud',
  'nordvpn',
  'notion',
  'npm',
  'nuget',
  'okta',
  'okx',
  'ovh',
  'patreon',
  'paypal',
  'pinterest',
  'playstation',
  'porkbun',
  'proton',
  'protonmail',
  'protonvpn',
  'pypi',
  'quickbooks',
  'reddit',
  'redis',
  'revolut',
  'riotgames',
  'roblox',
  'robinhood',
  'rubygems',
  'samsung',
  'sentry',
  'shopify',
  'signal',
  'snapchat',
  'sourceforge',
  'spotify',
  'squarespace',
  'steam',
  'stripe',
  'substack',
  'supabase',
  'synology',
  'tailscale',
  'telegram',
  'tiktok',
  'todoist',
  'trello',
  'tumblr',
  'twitch',
  'uber',
  'ubisoft',
  'ubuntu',
  'vercel',
  'vultr',
  'whatsapp',
  'wise',
  'wix',
  'wordpress',
  'x',
  'xero',
  'zendesk',
  'zoho',
  'zoom',
];

/** More names an issuer or a site may use for an icon of the set. */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  google: ['gmail', 'googleworkspace', 'youtube'],
  meta: ['metaplatforms'],
  x: ['twitter'],
  proton: ['protonag'],
  protonmail: ['protonmailch'],
  epicgames: ['epic'],
  riotgames: ['riot'],
  playstation: ['psn', 'sonyentertainmentnetwork'],
  atlassian: ['atlassianid'],
  digitalocean: ['digitaloceancom'],
  icloud: ['apple', 'appleid'],
};

const compact = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

interface Icon {
  readonly slug: string;
  readonly title: string;
  readonly hex: string;
  readonly path: string;
}

const bySlug = new Map<string, Icon>(
  Object.values(simpleIcons as unknown as Record<string, Icon>)
    .filter((icon) => typeof icon === 'object' && icon !== null && 'slug' in icon)
    .map((icon) => [icon.slug, icon]),
);

const ICON_DIR = 'public/service-icons';
const out: Record<string, [string, string[]]> = {};
mkdirSync(ICON_DIR, { recursive: true });
for (const file of readdirSync(ICON_DIR)) rmSync(`${ICON_DIR}/${file}`);
for (const slug of SLUGS) {
  const icon = bySlug.get(slug);
  if (icon === undefined) throw new Error(`simple-icons has no ${slug}`);
  const names = [...new Set([slug, compact(icon.title), ...(EXTRA_NAMES[slug] ?? [])])];
  out[slug] = [icon.hex, names];
  writeFileSync(
    `${ICON_DIR}/${slug}.svg`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="${inkOn(icon.hex)}" d="${icon.path}"/></svg>\n`,
  );
}
// As the repository's formatter writes it, so that running this again changes nothing else.
writeFileSync('ui/service-icons/names.json', await format(JSON.stringify(out), { parser: 'json' }));
console.log(
  `${SLUGS.length} icons written to ${ICON_DIR}, their names to ui/service-icons/names.json`,
);
