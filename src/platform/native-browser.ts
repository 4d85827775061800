/**
 * The browser's own extension API object, for the popup's first script only
 * (scripts/vite/classic-script.ts builds it with this module in place of webextension-polyfill).
 * That script runs before the first code shows and makes three kinds of call (tabs.get/query,
 * storage.session.get, i18n.getMessage) that Chromium's MV3 `chrome.*` and Firefox's `browser.*`
 * already answer natively (promises, or synchronously for i18n); the polyfill would be 10 KB more
 * to parse and set up first.
 */
import type Browser from 'webextension-polyfill';

const globals = globalThis as unknown as { chrome: typeof Browser; browser: typeof Browser };

export default __OTTER_BROWSER__ === 'firefox' ? globals.browser : globals.chrome;
