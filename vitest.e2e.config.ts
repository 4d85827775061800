import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real Chromium against the built e2e variant. One file at a time (2 cores, and
 * each file starts its own browser); the build runs once in the global setup.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Most polls wait for the worker (a list, the code cache it writes 100 ms after one, a
    // re-render after a change): Vitest's default of 1 s is too short on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
