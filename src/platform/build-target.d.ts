/**
 * The browser a build is for, fixed at build time by vite.config.ts (`define`); the unit tests
 * build for Chrome (vitest.config.ts). Only src/platform/ reads it: everything else asks the
 * platform what it can do, never which browser it is.
 */
declare const __OTTER_BROWSER__: 'chrome' | 'firefox';
