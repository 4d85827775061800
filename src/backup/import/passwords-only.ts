/**
 * Exports that hold passwords but no authenticator keys, recognised only to say so and what to
 * do instead, rather than "not an export Otter knows":
 *
 * - NordPass's CSV (Settings → Export items): `name,url,…,username,password,note,cardholdername,
 *   cardnumber,cvc,…,expirydate,zipcode,folder,full_name,…,type[,custom_fields]`, as Bitwarden's,
 *   Proton Pass's and Keeper's NordPass importers read it; the codes NordPass makes for a login
 *   are not exported.
 * - A browser's saved passwords: Chrome's, Edge's and other Chromium browsers'
 *   `name,url,username,password[,note]`, and Firefox's `url,username,password,httpRealm,
 *   formActionOrigin,guid,timeCreated,timeLastUsed,timePasswordChanged`.
 *
 * Last in the registry: such a file with otpauth:// links in its notes is read by the generic
 * list of links before these see it.
 */
import { err } from '../../result';
import { csvHeader } from './csv';
import type { ImportErrorCode, ImportFormat, Importer } from './types';

/** Columns no other export Otter knows has together: NordPass's card and identity fields. */
const NORDPASS = ['name', 'url', 'username', 'password', 'note', 'cardholdername', 'cvc', 'type'];
/** A column that might hold a key one day: then the file is not claimed as keyless. */
export const KEY_COLUMN = /otp|totp|2fa|authenticator/;
const CHROMIUM = ['name', 'url', 'username', 'password'];
const FIREFOX = ['url', 'username', 'password', 'httprealm', 'formactionorigin', 'guid'];

function isNordPass(header: readonly string[]): boolean {
  return NORDPASS.every((c) => header.includes(c)) && !header.some((c) => KEY_COLUMN.test(c));
}

/** Exactly the browsers' columns, in their order: a wider CSV may be another app's. */
function isBrowser(header: readonly string[]): boolean {
  const is = (columns: readonly string[]) =>
    header.length === columns.length && columns.every((c, i) => header[i] === c);
  return (
    is(CHROMIUM) ||
    is([...CHROMIUM, 'note']) ||
    (FIREFOX.every((c, i) => header[i] === c) && !header.some((c) => KEY_COLUMN.test(c)))
  );
}

/**
 * An importer that knows a CSV by its header and reads nothing from it: `code` says why (no keys
 * in such an export). Placed after the list of links in the registry.
 */
export function keyless(
  format: ImportFormat,
  matches: (header: readonly string[]) => boolean,
  code: ImportErrorCode,
): Importer {
  return {
    format,
    detect: (input) => {
      const header = input.json === undefined ? csvHeader(input.text) : null;
      return header !== null && matches(header);
    },
    read: () => Promise.resolve(err({ code })),
  };
}

export const nordpassImporter = keyless('nordpass', isNordPass, 'import_nordpass_no_keys');
export const browserPasswordsImporter = keyless(
  'browser_passwords',
  isBrowser,
  'import_browser_passwords_no_keys',
);
