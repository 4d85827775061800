/** Helpers shared by the browser tests. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { codeAt } from '../../src/otp/generate';
import { decodeBase32 } from '../../src/otp/secret';

/**
 * Screenshots for the README: written to docs/screenshots/ only when UPDATE_SCREENSHOTS=1
 * (`npm run screenshots`), so an ordinary test run leaves the work tree untouched.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
  const path = resolve(dir, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly nodes: unknown[];
}

/** Runs axe-core in the page; returns its serious and critical violations as "id (impact, nodes)". */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes})`);
}

/** The code a base32 secret makes at `at` with the usual settings (TOTP, SHA1, 6 digits, 30 s). */
export function totpAt(secret: string, at: number): string {
  const bytes = (decodeBase32(secret) as { value: Uint8Array }).value;
  return codeAt(
    { type: 'totp', secret: bytes, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    at,
  );
}

/** The codes valid around now: a test may straddle a period boundary. */
export function codesAround(secret: string): string[] {
  return [-30_000, 0, 30_000].map((d) => totpAt(secret, Date.now() + d));
}
