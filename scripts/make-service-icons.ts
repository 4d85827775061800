/**
 * Writes ui/service-icons/icons.json: the icons of well-known services that people protect with
 * two-factor codes, taken from the `simple-icons` package (CC0 1.0; the brands are their owners'
 * trademarks, see docs/service-icons.md). Run by hand after changing the list or updating the
 * package (`npx tsx scripts/make-service-icons.ts`); the JSON is committed, and the popup loads it
 * after its first paint, from the extension itself, never from the network.
 *
 * Each entry: slug → [brand colour (hex, no #), the 24×24 SVG path, the names it is known by].
 */
import { writeFileSync } from 'node:fs';
import * as simpleIcons from 'simple-icons';

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

const out: Record<string, [string, string, string[]]> = {};
for (const slug of SLUGS) {
  const icon = bySlug.get(slug);
  if (icon === undefined) throw new Error(`simple-icons has no ${slug}`);
  const names = [...new Set([slug, compact(icon.title), ...(EXTRA_NAMES[slug] ?? [])])];
  out[slug] = [icon.hex, icon.path, names];
}
writeFileSync('ui/service-icons/icons.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(`${SLUGS.length} icons written to ui/service-icons/icons.json`);
