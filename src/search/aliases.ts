/**
 * Short names people type for well-known services, as data: "gh" finds GitHub, "ms" Microsoft.
 * Each alias finds an account whose issuer begins with one of the names, or whose site's host
 * has it as a label ("aws" finds an account of "https://console.aws.amazon.com"). Names are
 * written folded (src/search/normalize.ts), without spaces.
 *
 * Kept small: the popup loads it. Initials ("aws" for "Amazon Web Services") need no entry.
 */
export interface Alias {
  readonly alias: string;
  readonly names: readonly string[];
}

export const ALIASES: readonly Alias[] = [
  { alias: 'gh', names: ['github'] },
  { alias: 'gl', names: ['gitlab'] },
  { alias: 'bb', names: ['bitbucket'] },
  { alias: 'ms', names: ['microsoft', 'microsoftonline', 'outlook', 'azure', 'office365'] },
  { alias: 'msft', names: ['microsoft'] },
  { alias: 'o365', names: ['office365', 'microsoft'] },
  { alias: 'aws', names: ['amazonwebservices', 'aws'] },
  { alias: 'amzn', names: ['amazon'] },
  { alias: 'goog', names: ['google'] },
  { alias: 'gcp', names: ['googlecloud'] },
  { alias: 'fb', names: ['facebook'] },
  { alias: 'ig', names: ['instagram'] },
  { alias: 'tw', names: ['twitter', 'x'] },
  { alias: 'twitter', names: ['x'] },
  { alias: 'yt', names: ['youtube'] },
  { alias: 'cf', names: ['cloudflare'] },
  { alias: 'do', names: ['digitalocean'] },
  { alias: 'pp', names: ['paypal'] },
  { alias: 'li', names: ['linkedin'] },
  { alias: '1p', names: ['1password'] },
  { alias: 'bw', names: ['bitwarden'] },
];

/** Names this short ("x") must be the whole issuer, or the host's name: "x" is not "Xero". */
const SHORT_NAME = 3;

/**
 * Whether a site's host (folded, "login.microsoftonline.com") names `name`: one of its labels is
 * the name; a short name only as the host's own name before its top-level domain ("x.com", not
 * "x.acme.com").
 */
function hostNames(host: string, name: string): boolean {
  const labels = host.split('.');
  return name.length <= SHORT_NAME
    ? labels.length === 2 && labels[0] === name
    : labels.includes(name);
}

/**
 * The aliases that name an account: its issuer (folded, spaces and punctuation out) begins with
 * one of the alias's names (a short name must be the whole issuer), or its site's host names it.
 */
export function aliasesFor(compactIssuer: string, hosts: readonly string[]): string[] {
  const found: string[] = [];
  for (const { alias, names } of ALIASES) {
    const named = names.some(
      (name) =>
        (compactIssuer !== '' &&
          (name.length <= SHORT_NAME ? compactIssuer === name : compactIssuer.startsWith(name))) ||
        hosts.some((host) => hostNames(host, name)),
    );
    if (named) found.push(alias);
  }
  return found;
}

/**
 * The aliases one of whose names is exactly `name` (a domain's name, folded): "microsoftonline"
 * (login.microsoftonline.com) is one of Microsoft's, "twitter" one of X's.
 */
export function aliasesOfName(name: string): string[] {
  return ALIASES.filter((a) => a.names.includes(name)).map((a) => a.alias);
}
