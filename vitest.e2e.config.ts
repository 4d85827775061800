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
  },
});
