import { defineConfig } from 'vitest/config';

export default defineConfig({
  // src/platform/build-target.d.ts: unit tests build for Chrome; Firefox's modules are tested
  // directly (test/platform/).
  define: { __OTTER_BROWSER__: JSON.stringify('chrome') },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
