// @vitest-environment happy-dom
/**
 * The Vite plugin's bundle of src/fill/inject.ts: one classic script (no import, no export) that
 * sets only `__otterFill`, which fills a page when called, as the worker calls it.
 */
import { runInThisContext } from 'node:vm';
import { beforeAll, expect, it } from 'vitest';
import { buildFillScript } from '../../scripts/vite/fill-script';
import { auditFile } from '../../scripts/audit-dist';
import { useFakeLayout } from '../fill/dom-fixture';

useFakeLayout();

let bundle: { code: string; modules: string[] };
beforeAll(async () => {
  bundle = await buildFillScript('src/fill/inject.ts', 'chrome116');
}, 60_000);

it('is one IIFE without module syntax, small, and passes the release audit', () => {
  const { code } = bundle;
  expect(code.trimStart().startsWith('(function')).toBe(true);
  expect(code).not.toMatch(/^\s*(?:import|export)\b/m);
  expect(code).not.toMatch(/\bimport\s*\(/);
  expect(code.length).toBeLessThan(40_000);
  expect(auditFile('fill.js', code)).toEqual([]);
  // Built from the fill modules, each one watched in `vite build --watch`.
  expect(bundle.modules.some((id) => id.endsWith('src/fill/fill-code.ts'))).toBe(true);
  expect(bundle.modules.some((id) => id.endsWith('src/fill/box-rows.ts'))).toBe(true);
});

it('sets only globalThis.__otterFill, which fills a page', async () => {
  const before = new Set(Object.keys(globalThis));
  runInThisContext(bundle.code);
  const added = Object.keys(globalThis).filter((key) => !before.has(key));
  expect(added).toEqual(['__otterFill']);
  const fill = (globalThis as { __otterFill?: (code: string) => Promise<unknown> }).__otterFill!;
  document.body.innerHTML = '<input id="v" autocomplete="one-time-code">';
  expect(await fill('123456')).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  expect(document.querySelector<HTMLInputElement>('#v')?.value).toBe('123456');
});
