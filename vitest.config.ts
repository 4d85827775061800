import { realpathSync } from 'node:fs';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // src/platform/build-target.d.ts: unit tests build for Chrome; Firefox's modules are tested
  // directly (test/platform/).
  define: { __OTTER_BROWSER__: JSON.stringify('chrome'), __OTTER_E2E_KDF_FLOOR__: 'false' },
  server: {
    // Component tests (happy-dom, served as to a browser) read the strength word lists from
    // node_modules by URL; a worktree may link node_modules from outside its own folder.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules')] },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest leaves a core free by default: on CI's two cores that is one worker for CPU-bound
    // tests (Argon2, fuzzing), and the unit tests took twice as long.
    maxWorkers: 2,
    // Threads start a test file faster than forked processes (each file still gets a fresh,
    // isolated module graph): measured ~15 % less wall time on the import-heavy files.
    pool: 'threads',
  },
});
