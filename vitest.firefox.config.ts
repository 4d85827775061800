import { defineConfig } from 'vitest/config';

/**
 * Browser tests in real Firefox ESR against its built test variant (test/e2e/firefox/). One file
 * at a time, each with one browser: a Firefox launch takes seconds on a busy 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/firefox/**/*.firefox.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
