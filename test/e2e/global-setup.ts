/**
 * Builds the e2e variant once before the browser tests, and the code-input test pages
 * (scripts/build-otp-pages.ts). OTTER_E2E_NO_BUILD=1 skips both.
 */
import { execFileSync } from 'node:child_process';
import { buildOtpPages } from '../../scripts/build-otp-pages';
import { assertChromium } from '../../scripts/chromium';

export default async function setup(): Promise<void> {
  assertChromium();
  if (process.env.OTTER_E2E_NO_BUILD === '1') return;
  execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  await buildOtpPages();
}
