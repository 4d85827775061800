/**
 * The release audit: fails when a built extension asks for more than DESIGN.md allows or carries
 * code that could run something not shipped inside it. `npm test` runs it on dist/ after the build.
 *
 *   npx tsx scripts/audit-dist.ts [dir] [chrome|firefox]     (default: dist, either browser)
 *
 * It knows both shapes: Chrome and Edge's (a service worker) and Firefox's (an event page, a Gecko
 * id, no offscreen documents). scripts/package.ts runs it again on each store package's files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GECKO_ID } from './vite/manifest.ts';

/** DESIGN.md "Permissions and CSP": none of these shows a warning at install. */
export const ALLOWED_PERMISSIONS = [
  'storage',
  'unlimitedStorage',
  'activeTab',
  'scripting',
  'alarms',
  'idle',
  'offscreen',
  'clipboardWrite',
];

export const REQUIRED_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

/** Manifest keys that would widen what the extension can reach or expose. */
const FORBIDDEN_KEYS = [
  'host_permissions',
  'optional_permissions',
  'optional_host_permissions',
  'content_scripts',
  'web_accessible_resources',
  'externally_connectable',
  'sandbox',
  'update_url',
];

/** Chromium's keys, which Firefox ignores or warns about (scripts/vite/manifest.ts). */
const CHROMIUM_ONLY_KEYS = ['key', 'minimum_chrome_version', 'storage'];

/** Traces of the dev server (`vite` serve) or its HMR client. */
// A dev server's address (`http://localhost:5173/…`), not the word: the Public Suffix List that
// site matching ships names `localhost` as a special-use name.
const DEV_LEFTOVERS = [
  /\/\/localhost\b/i,
  /\/\/127\.0\.0\.1\b/,
  /@vite\/client/,
  /@crx\/client/,
  /\/@fs\//,
];

/** Code that evaluates strings or loads code from the network. */
const CODE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\w$])eval\s*\(/, 'calls eval('],
  // Minifiers drop the `new`: `Function(`return this`)` is the same constructor.
  [/(?<![\w$.])(?:new\s+)?Function\s*\(/, 'calls the Function constructor'],
  [/\bimportScripts\s*\(\s*['"`]https?:/, 'imports scripts from an http(s) URL'],
  [/\bimport\s*\(\s*['"`]https?:/, 'imports a module from an http(s) URL'],
  [/\bimport\s[^;]*?from\s*['"`]https?:/, 'imports a module from an http(s) URL'],
  [/<script[^>]*\ssrc\s*=\s*['"]?https?:/i, 'loads a script from an http(s) URL'],
  [
    /https?:\/\/[^\s'"`)]+\.(?:m?js|wasm)\b/,
    'names a script or WebAssembly file at an http(s) URL',
  ],
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Which browser a build is for: Firefox's has an event page (`background.scripts`). */
export type Browser = 'chrome' | 'firefox';

export function browserOf(manifest: Record<string, unknown>): Browser {
  const background = manifest.background as { scripts?: unknown } | undefined;
  return background?.scripts === undefined ? 'chrome' : 'firefox';
}

/** Chrome and Edge: a module service worker, and the oldest Chrome the code is built for. */
function auditChromeShape(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const background = manifest.background as { service_worker?: unknown } | undefined;
  if (typeof background?.service_worker !== 'string') problems.push('no background service worker');
  if (typeof manifest.minimum_chrome_version !== 'string') {
    problems.push('no minimum_chrome_version');
  }
  if ('browser_specific_settings' in manifest)
    problems.push('Chrome manifest has Firefox settings');
  return problems;
}

/**
 * Firefox: an event page (no MV3 service worker there), Otter's Gecko id, the oldest Firefox it
 * runs in, the declaration that it collects nothing, and none of Chromium's own keys.
 */
function auditFirefoxShape(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const background = manifest.background as { scripts?: unknown; service_worker?: unknown };
  const scripts = background.scripts;
  if (!Array.isArray(scripts) || scripts.length !== 1 || typeof scripts[0] !== 'string') {
    problems.push('background.scripts is not one script');
  }
  if ('service_worker' in background) problems.push('Firefox manifest has a service worker');
  const gecko = (manifest.browser_specific_settings as { gecko?: Record<string, unknown> })?.gecko;
  if (gecko?.id !== GECKO_ID) problems.push(`gecko id is not ${GECKO_ID}`);
  if (typeof gecko?.strict_min_version !== 'string') problems.push('no gecko strict_min_version');
  const collection = JSON.stringify(gecko?.data_collection_permissions);
  if (collection !== '{"required":["none"]}') {
    problems.push('data_collection_permissions is not {"required":["none"]}');
  }
  for (const key of CHROMIUM_ONLY_KEYS) {
    if (key in manifest) problems.push(`Firefox manifest has ${key}`);
  }
  if (Array.isArray(manifest.permissions) && manifest.permissions.includes('offscreen')) {
    problems.push('Firefox manifest asks for offscreen');
  }
  return problems;
}

export function auditManifest(
  manifest: Record<string, unknown>,
  browser: Browser = browserOf(manifest),
): string[] {
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  for (const key of FORBIDDEN_KEYS) {
    if (key in manifest) problems.push(`manifest has ${key}`);
  }
  const text = JSON.stringify(manifest);
  if (text.includes('<all_urls>')) problems.push('manifest names <all_urls>');
  if (/"(?:https?|\*):\/\//.test(text)) problems.push('manifest names a URL pattern');
  const permissions = manifest.permissions;
  if (!Array.isArray(permissions)) {
    problems.push('manifest has no permissions list');
  } else {
    for (const p of permissions) {
      if (typeof p !== 'string' || !ALLOWED_PERMISSIONS.includes(p)) {
        problems.push(`permission outside DESIGN.md's set: ${String(p)}`);
      }
    }
  }
  const csp = (manifest.content_security_policy as { extension_pages?: unknown } | undefined)
    ?.extension_pages;
  if (csp !== REQUIRED_CSP) problems.push(`CSP is not "${REQUIRED_CSP}"`);
  problems.push(
    ...(browser === 'firefox' ? auditFirefoxShape(manifest) : auditChromeShape(manifest)),
  );
  for (const pattern of DEV_LEFTOVERS) {
    if (pattern.test(text)) problems.push(`manifest has a dev-server leftover (${pattern.source})`);
  }
  return problems;
}

const TEXT_FILE = /\.(?:m?js|html|css|json)$/;

export function auditFile(name: string, content: string): string[] {
  const problems: string[] = [];
  if (!TEXT_FILE.test(name) || name.endsWith('manifest.json')) return problems;
  for (const [pattern, what] of CODE_RULES) {
    if (pattern.test(content)) problems.push(`${name} ${what}`);
  }
  for (const pattern of DEV_LEFTOVERS) {
    if (pattern.test(content))
      problems.push(`${name} has a dev-server leftover (${pattern.source})`);
  }
  return problems;
}

export interface AuditOptions {
  /** The browser the build must be for (by default, whichever its manifest says). */
  readonly browser?: Browser;
  /** A store package: also no `key` (stores assign the id) and no source maps. */
  readonly store?: boolean;
}

/** Audits a build given as its files (path relative to the build's root → content). */
export function auditFiles(
  files: ReadonlyMap<string, string | Uint8Array>,
  options: AuditOptions = {},
): string[] {
  const raw = files.get('manifest.json');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw)) as Record<
      string,
      unknown
    >;
  } catch {
    return ['manifest.json is missing or not JSON'];
  }
  const browser = browserOf(manifest);
  const problems: string[] = [];
  if (options.browser !== undefined && options.browser !== browser) {
    problems.push(`built for ${browser}, not ${options.browser}`);
  }
  problems.push(...auditManifest(manifest, browser));
  if (options.store === true && 'key' in manifest) problems.push('store package has a key');
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name.endsWith('.map')) problems.push(`${name} is a source map`);
    if (browser === 'firefox' && name.startsWith('offscreen/')) {
      problems.push(`${name}: Firefox has no offscreen documents`);
    }
    if (!TEXT_FILE.test(name)) continue;
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    problems.push(...auditFile(name, text));
    // src/platform/ keeps only the build's browser: Chromium's offscreen code would throw there.
    if (browser === 'firefox' && /\boffscreen\.createDocument\b/.test(text)) {
      problems.push(`${name} calls Chromium's offscreen API`);
    }
  }
  return problems;
}

export function readBuild(dir: string): Map<string, Uint8Array> {
  return new Map(walk(dir).map((path) => [relative(dir, path), readFileSync(path)]));
}

export function auditDist(dir: string, options: AuditOptions = {}): string[] {
  if (!existsSync(join(dir, 'manifest.json')))
    return [`${dir}/manifest.json is missing or not JSON`];
  const problems = auditFiles(readBuild(dir), options);
  return problems.map((p) => (p === 'manifest.json is missing or not JSON' ? `${dir}/${p}` : p));
}

/** npx tsx scripts/audit-dist.ts [dir] [chrome|firefox] */
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const browser = process.argv[3];
  if (browser !== undefined && browser !== 'chrome' && browser !== 'firefox') {
    console.error('The browser is chrome or firefox.');
    process.exit(2);
  }
  const problems = auditDist(dir, browser === undefined ? {} : { browser });
  if (problems.length > 0) {
    console.error(
      `Release audit of ${dir}/ failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  const files = walk(dir).length;
  console.log(`Release audit of ${dir}/ passed (${files} files).`);
}
