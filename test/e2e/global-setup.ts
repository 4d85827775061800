/** Builds the e2e variant once before the browser tests (skip with OTTER_E2E_NO_BUILD=1). */
import { execFileSync } from 'node:child_process';
import { assertChromium } from '../../scripts/chromium';

export default function setup(): void {
  assertChromium();
  if (process.env.OTTER_E2E_NO_BUILD === '1') return;
  execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
