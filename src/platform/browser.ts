/**
 * The extension API, for the modules of src/platform/ only: everything else calls the small
 * functions here, so that the browser differences (Chromium, Firefox) live in one folder and unit
 * tests can replace one module (vi.mock) instead of a global. The polyfill refuses to load outside
 * an extension.
 */
import browser from 'webextension-polyfill';

export default browser;
