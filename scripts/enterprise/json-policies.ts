/**
 * JSON policy files: the managed-policy folders of Chrome, Chromium and Edge on Linux, and
 * Firefox's policies.json (every platform). Each force-installs Otter and sets its policy to the
 * examples, with JSON types straight from the schema.
 */
import type { PolicyValue } from './examples';
import type { ExtensionIds } from './ids';
import type { PolicyKey } from './schema';

export interface LinuxTarget {
  readonly slug: 'chrome' | 'chromium' | 'edge';
  readonly product: string;
  readonly folder: string;
  readonly id: (ids: ExtensionIds) => string;
  readonly updateUrl: (ids: ExtensionIds) => string;
}

export const LINUX_TARGETS: readonly LinuxTarget[] = [
  {
    slug: 'chrome',
    product: 'Google Chrome',
    folder: '/etc/opt/chrome/policies/managed/',
    id: (ids) => ids.chrome,
    updateUrl: (ids) => ids.chromeUpdateUrl,
  },
  {
    slug: 'chromium',
    product: 'Chromium',
    folder: '/etc/chromium/policies/managed/',
    id: (ids) => ids.chrome,
    updateUrl: (ids) => ids.chromeUpdateUrl,
  },
  {
    slug: 'edge',
    product: 'Microsoft Edge',
    folder: '/etc/opt/edge/policies/managed/',
    id: (ids) => ids.edge,
    updateUrl: (ids) => ids.edgeUpdateUrl,
  },
];

/** Where Firefox reads policies.json from. */
export const FIREFOX_LOCATIONS = [
  ['Windows', 'C:\\Program Files\\Mozilla Firefox\\distribution\\policies.json'],
  ['macOS', '/Applications/Firefox.app/Contents/Resources/distribution/policies.json'],
  ['Linux', '/etc/firefox/policies/policies.json'],
  ['Debian firefox-esr', '/usr/lib/firefox-esr/distribution/policies.json'],
] as const;

function policyValues(
  keys: readonly PolicyKey[],
  examples: ReadonlyMap<string, PolicyValue>,
): Record<string, PolicyValue> {
  const values: Record<string, PolicyValue> = {};
  for (const key of keys) {
    const value = examples.get(key.name);
    if (value !== undefined) values[key.name] = value;
  }
  return values;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function renderLinuxPolicy(
  keys: readonly PolicyKey[],
  examples: ReadonlyMap<string, PolicyValue>,
  target: LinuxTarget,
  ids: ExtensionIds,
): string {
  const id = target.id(ids);
  return json({
    ExtensionSettings: {
      [id]: { installation_mode: 'force_installed', update_url: target.updateUrl(ids) },
    },
    '3rdparty': { extensions: { [id]: policyValues(keys, examples) } },
  });
}

export function renderFirefoxPolicies(
  keys: readonly PolicyKey[],
  examples: ReadonlyMap<string, PolicyValue>,
  ids: ExtensionIds,
): string {
  return json({
    policies: {
      ExtensionSettings: {
        [ids.firefox]: { installation_mode: 'force_installed', install_url: ids.firefoxInstallUrl },
      },
      '3rdparty': { Extensions: { [ids.firefox]: policyValues(keys, examples) } },
    },
  });
}
