/**
 * The release audit: fails when a built extension asks for more than DESIGN.md allows or carries
 * code that could run something not shipped inside it. `npm test` runs it on dist/ after the build.
 *
 *   npx tsx scripts/audit-dist.ts [dir]     (default: dist)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
  [/\bnew\s+Function\s*\(/, 'calls new Function'],
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

export function auditManifest(manifest: Record<string, unknown>): string[] {
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
  const background = manifest.background as
    { service_worker?: unknown; type?: unknown } | undefined;
  if (typeof background?.service_worker !== 'string') problems.push('no background service worker');
  for (const pattern of DEV_LEFTOVERS) {
    if (pattern.test(text)) problems.push(`manifest has a dev-server leftover (${pattern.source})`);
  }
  return problems;
}

export function auditFile(name: string, content: string): string[] {
  const problems: string[] = [];
  if (!/\.(?:m?js|html|css|json)$/.test(name) || name.endsWith('manifest.json')) return problems;
  for (const [pattern, what] of CODE_RULES) {
    if (pattern.test(content)) problems.push(`${name} ${what}`);
  }
  for (const pattern of DEV_LEFTOVERS) {
    if (pattern.test(content))
      problems.push(`${name} has a dev-server leftover (${pattern.source})`);
  }
  return problems;
}

export function auditDist(dir: string): string[] {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return [`${dir}/manifest.json is missing or not JSON`];
  }
  const problems = auditManifest(manifest);
  for (const path of walk(dir)) {
    problems.push(...auditFile(relative(dir, path), readFileSync(path, 'utf8')));
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const problems = auditDist(dir);
  if (problems.length > 0) {
    console.error(
      `Release audit of ${dir}/ failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  const files = walk(dir).length;
  console.log(`Release audit of ${dir}/ passed (${files} files).`);
}
