/**
 * Which extension the templates configure: its id in each browser and where the browser installs it
 * from. The Chromium id of the development build follows from the `key` in manifest.json; a store
 * assigns its own id, so every id (and URL) can be overridden on the command line.
 */
import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../src/result';

export const DEFAULT_GECKO_ID = 'otter@otter-authenticator.org';
export const CHROME_WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const EDGE_ADDONS_UPDATE_URL = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';

/** Mozilla's documented form for a force-installed add-on hosted on addons.mozilla.org. */
export function amoInstallUrl(geckoId: string): string {
  return `https://addons.mozilla.org/firefox/downloads/latest/${geckoId}/latest.xpi`;
}

export interface ExtensionIds {
  readonly chrome: string;
  readonly edge: string;
  readonly firefox: string;
  readonly chromeUpdateUrl: string;
  readonly edgeUpdateUrl: string;
  readonly firefoxInstallUrl: string;
}

/**
 * Chromium's id for an extension with a `key`: the first 128 bits of SHA-256 over the DER public
 * key, written with the letters a–p for the hex digits 0–f.
 */
export function chromiumIdFromKey(base64Key: string): Result<string, 'manifest_key_invalid'> {
  if (!/^[A-Za-z0-9+/]{64,}={0,2}$/.test(base64Key)) return err('manifest_key_invalid');
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  const a = 'a'.charCodeAt(0);
  return ok([...hex.slice(0, 32)].map((d) => String.fromCharCode(a + parseInt(d, 16))).join(''));
}

export function isChromiumId(id: string): boolean {
  return /^[a-p]{32}$/.test(id);
}

/** A Gecko add-on id: an email-like string or a braced UUID (80 characters at most). */
export function isGeckoId(id: string): boolean {
  return (
    id.length <= 80 &&
    (/^[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$/.test(id) ||
      /^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/.test(id))
  );
}

/** Update and install URLs go into registry strings, plists and JSON: https (or file for a local
 *  Firefox package), no whitespace or quotes, so no template needs more than its usual escaping. */
export function isInstallUrl(url: string, allowFile: boolean): boolean {
  if (/[\s"'<>\\]/.test(url) || !URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || (allowFile && protocol === 'file:');
}
