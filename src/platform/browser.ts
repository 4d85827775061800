/**
 * The extension API, for the modules of src/platform/ only: everything else calls the small
 * functions here, so that the browser differences (Chromium, Firefox) live in one folder and unit
 * tests can replace one module (vi.mock) instead of a global.
 *
 * The browser's own object: Firefox's `browser.*`, Chromium's `chrome.*`. Every call Otter makes
 * returns a promise natively in both (Chromium since before its minimum version, 116), and the one
 * difference that matters, how an `onMessage` listener answers later, is bridged in runtime.ts. webextension-polyfill did both before, at 10 KB (3 KB gzipped) more to load and set
 * up in every page and at every start of the worker, 10 % of the popup's budget at open.
 */
import type Browser from 'webextension-polyfill';

const globals = globalThis as unknown as { chrome: typeof Browser; browser: typeof Browser };

export default __OTTER_BROWSER__ === 'firefox' ? globals.browser : globals.chrome;
