/**
 * The one import of the extension API. Unit tests replace this module (vi.mock) because the
 * polyfill refuses to load outside an extension.
 */
import browser from 'webextension-polyfill';

export default browser;
