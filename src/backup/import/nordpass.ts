/**
 * NordPass's CSV export (Settings → Export items): `name,url,…,username,password,note,
 * cardholdername,cardnumber,cvc,…,expirydate,zipcode,folder,full_name,…,type[,custom_fields]`, as
 * Bitwarden's, Proton Pass's and Keeper's NordPass importers read it. It holds no authenticator
 * keys (the codes NordPass makes for a login are not exported), so it is recognised only to say
 * so and what to do instead, rather than "not an export Otter knows".
 *
 * Last in the registry: a NordPass file with otpauth:// links in its notes is read by the generic
 * list of links before this sees it.
 */
import { err } from '../../result';
import { csvHeader } from './csv';
import type { Importer } from './types';

/** Columns no other export Otter knows has together: NordPass's card and identity fields. */
const COLUMNS = ['name', 'url', 'username', 'password', 'note', 'cardholdername', 'cvc', 'type'];
/** A column that might hold a key one day: then the file is not claimed as keyless. */
const KEY_COLUMN = /otp|totp|2fa|authenticator/;

function isNordPassCsv(text: string | null): boolean {
  const header = csvHeader(text);
  return (
    header !== null &&
    COLUMNS.every((c) => header.includes(c)) &&
    !header.some((c) => KEY_COLUMN.test(c))
  );
}

export const nordpassImporter: Importer = {
  format: 'nordpass',
  detect: (input) => input.json === undefined && isNordPassCsv(input.text),
  read: () => Promise.resolve(err({ code: 'import_nordpass_no_keys' })),
};
