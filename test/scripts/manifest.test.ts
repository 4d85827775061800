import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditManifest } from '../../scripts/audit-dist';
import { DEFAULT_GECKO_ID } from '../../scripts/enterprise/ids';
import {
  FIREFOX_TEST_ENTRY,
  GECKO_ID,
  manifestFor,
  outDirOf,
  variantOf,
} from '../../scripts/vite/manifest';

const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
const chrome = manifestFor({ target: 'chrome', e2e: false }) as unknown as Record<string, unknown>;
const firefox = manifestFor({ target: 'firefox', e2e: false }) as unknown as Record<
  string,
  unknown
>;

/** As the crx plugin writes it: the background entry becomes its loader. */
function built(manifest: Record<string, unknown>): Record<string, unknown> {
  const background = manifest.background as Record<string, unknown>;
  return {
    ...manifest,
    background:
      'scripts' in background
        ? { ...background, scripts: ['service-worker-loader.js'] }
        : { ...background, service_worker: 'service-worker-loader.js' },
  };
}

describe('one manifest, two browsers', () => {
  it('Chrome and Edge get manifest.json as it is', () => {
    expect(chrome).toEqual(source);
  });

  it('Firefox differs only where it must', () => {
    const changed = Object.keys({ ...source, ...firefox }).filter(
      (key) => JSON.stringify(source[key]) !== JSON.stringify(firefox[key]),
    );
    expect(changed.sort()).toEqual(
      [
        'background',
        'browser_specific_settings',
        'key',
        'minimum_chrome_version',
        'permissions',
        'storage',
      ].sort(),
    );
    expect(firefox.key).toBeUndefined();
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.storage).toBeUndefined();
    expect(firefox.background).toEqual({ scripts: ['background/index.ts'], type: 'module' });
    expect(firefox.permissions).toEqual(
      (source.permissions as string[]).filter((p) => p !== 'offscreen'),
    );
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'otter@otter-authenticator.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    // The CSP lets zxing's WebAssembly run in both.
    expect(firefox.content_security_policy).toEqual(source.content_security_policy);
    expect(JSON.stringify(firefox.content_security_policy)).toContain("'wasm-unsafe-eval'");
  });

  it('names the Gecko id the enterprise templates use', () => {
    expect(GECKO_ID).toBe(DEFAULT_GECKO_ID);
  });

  it('the test variants add <all_urls>, and Firefox’s a way in for the test pages', () => {
    expect(manifestFor({ target: 'chrome', e2e: true })).toEqual({
      ...chrome,
      host_permissions: ['<all_urls>'],
    });
    expect(manifestFor({ target: 'firefox', e2e: true })).toEqual({
      ...firefox,
      host_permissions: ['<all_urls>'],
      web_accessible_resources: [
        { resources: [FIREFOX_TEST_ENTRY], matches: ['http://127.0.0.1/*'] },
      ],
    });
  });

  it('both release manifests, as built, pass the release audit; the test ones do not', () => {
    expect(auditManifest(built(chrome))).toEqual([]);
    expect(auditManifest(built(firefox))).toEqual([]);
    for (const target of ['chrome', 'firefox'] as const) {
      const tested = built(manifestFor({ target, e2e: true }) as unknown as typeof chrome);
      expect(auditManifest(tested)).toContain('manifest has host_permissions');
    }
  });

  it.each([
    ['production', { target: 'chrome', e2e: false }, 'dist'],
    ['e2e', { target: 'chrome', e2e: true }, 'dist-e2e'],
    ['firefox', { target: 'firefox', e2e: false }, 'dist-firefox'],
    ['firefox-e2e', { target: 'firefox', e2e: true }, 'dist-firefox-e2e'],
  ] as const)('the Vite mode %s builds %o into %s', (mode, variant, dir) => {
    expect(variantOf(mode)).toEqual(variant);
    expect(outDirOf(variant, {})).toBe(dir);
  });
});
