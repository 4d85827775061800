/**
 * The browser a build is for, fixed at build time by vite.config.ts (`define`); the unit tests
 * build for Chrome (vitest.config.ts). Only src/platform/ reads it: everything else asks the
 * platform what it can do, never which browser it is.
 */
declare const __OTTER_BROWSER__: 'chrome' | 'firefox';

/**
 * True only in the Chromium browser-test build (`vite build --mode e2e`): the vault derives its
 * keys at the cheapest Argon2id costs the vault accepts, so ~100 browser tests do not each spend
 * seconds in a 64 MiB derivation. Release builds, the Firefox test build and the benchmark (which
 * loads the release build) keep the real costs.
 */
declare const __OTTER_E2E_KDF_FLOOR__: boolean;
