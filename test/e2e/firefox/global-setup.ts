/** Builds Firefox's test variant once before its browser tests (skip with OTTER_E2E_NO_BUILD=1). */
import { execFileSync } from 'node:child_process';
import { assertFirefox } from '../../../scripts/firefox';

export default function setup(): void {
  assertFirefox();
  if (process.env.OTTER_E2E_NO_BUILD === '1') return;
  execFileSync('npx', ['vite', 'build', '--mode', 'firefox-e2e', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
