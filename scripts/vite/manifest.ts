/**
 * The one manifest (manifest.json, Chromium's shape) and what each browser's build changes in it.
 * Only what must differ differs:
 *
 * - Firefox has no MV3 service worker: its background is an event page (`background.scripts`,
 *   which the crx plugin fills with its loader), it has no offscreen documents (the event page
 *   has a DOM and writes the clipboard itself), it needs a Gecko id (AMO and enterprise policy
 *   name the add-on by it), and it ignores or warns about Chromium's `key`,
 *   `minimum_chrome_version` and `storage.managed_schema` (Firefox reads policy without a schema).
 * - The e2e variants add `<all_urls>` (see forTests). scripts/audit-dist.ts proves no release
 *   build has it.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import base from '../../manifest.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

/** Firefox's id for Otter (the enterprise templates name the same: scripts/enterprise/ids.ts). */
export const GECKO_ID = 'otter@otter-authenticator.org';

/**
 * Firefox 140 (an ESR) is the first to know `data_collection_permissions`, which AMO asks every
 * new add-on to declare; it also has all else Otter uses (storage.session, scripting with
 * `func`, captureVisibleTab under activeTab in MV3, OffscreenCanvas, `wasm-unsafe-eval`).
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

export interface BuildVariant {
  readonly target: Target;
  readonly e2e: boolean;
}

/** The build variant a Vite mode names: production, e2e, firefox, firefox-e2e. */
export function variantOf(mode: string): BuildVariant {
  return {
    target: mode.startsWith('firefox') ? 'firefox' : 'chrome',
    e2e: mode === 'e2e' || mode.endsWith('-e2e'),
  };
}

/** Where each variant is built (OTTER_E2E_DIST lets two test runs build into separate folders). */
export function outDirOf({ target, e2e }: BuildVariant, env = process.env): string {
  if (target === 'chrome') return e2e ? (env.OTTER_E2E_DIST ?? 'dist-e2e') : 'dist';
  return e2e ? (env.OTTER_FIREFOX_E2E_DIST ?? 'dist-firefox-e2e') : 'dist-firefox';
}

type Manifest = typeof base & Record<string, unknown>;

function forFirefox(manifest: Manifest): Record<string, unknown> {
  const {
    key: _key,
    minimum_chrome_version: _minimum,
    storage: _storage,
    background,
    permissions,
    ...common
  } = manifest;
  return {
    ...common,
    permissions: permissions.filter((p) => p !== 'offscreen'),
    // The crx plugin reads the entry from scripts[0] and replaces it with its module loader.
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Otter collects nothing and sends nothing anywhere (docs/stores.md, privacy).
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android knows data_collection_permissions from 142 (web-ext lint warns
      // otherwise). AMO offers Otter for desktop only (docs/stores.md); this only keeps the
      // manifest honest if it is ever installed there.
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}

/**
 * The browser-test variants. Both get `<all_urls>`: a headless browser has no toolbar click to
 * grant activeTab (Firefox grants an MV3 add-on's host permissions at install, a temporary
 * install's too, so no prompt or pref is needed). Firefox's also lets the test pages on 127.0.0.1 open the settings page: WebDriver
 * BiDi refuses to navigate to moz-extension:// itself, so a test page links there, and the
 * extension's own pages open the others (test/e2e/firefox/harness.ts).
 */
function forTests(manifest: Record<string, unknown>, target: Target): Record<string, unknown> {
  const tested = { ...manifest, host_permissions: ['<all_urls>'] };
  if (target === 'chrome') return tested;
  return {
    ...tested,
    web_accessible_resources: [
      { resources: [FIREFOX_TEST_ENTRY], matches: ['http://127.0.0.1/*'] },
    ],
  };
}

/** The page Firefox's browser tests enter the extension by. */
export const FIREFOX_TEST_ENTRY = 'options/index.html';

export function manifestFor({ target, e2e }: BuildVariant): ManifestV3Export {
  const manifest: Record<string, unknown> = target === 'firefox' ? forFirefox(base) : { ...base };
  return (e2e ? forTests(manifest, target) : manifest) as unknown as ManifestV3Export;
}
