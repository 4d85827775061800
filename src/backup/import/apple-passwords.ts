/**
 * Apple's Passwords app (macOS 15, iOS 18) and Safari before it export a CSV
 * (File → Export All Passwords): `Title,URL,Username,Password,Notes,OTPAuth`; older Safari wrote
 * `Title,Url,Username,Password,OTPAuth`. A login's verification code setup is an otpauth URI in
 * `OTPAuth`; rows without one are not accounts. Apple titles a login by its site and username,
 * `github.com (octocat)`: the username is shown beside the service already, so that suffix goes.
 *
 * 1Password's CSV has the same first columns and `Favorite`/`Archived` beside them
 * (onepassword-csv.ts): a header with any column Apple does not write is not Apple's.
 */
import { csvLoginsImporter } from './csv-logins';
import { distinct } from './password-manager';

const REQUIRED = ['title', 'url', 'username', 'password', 'otpauth'];
const APPLE_COLUMNS = new Set([...REQUIRED, 'notes']);

/** `github.com (octocat)` → `github.com` when `octocat` is the login's username. */
function titleOf(title: string, username: string): string {
  const suffix = ` (${username.trim()})`;
  return username.trim() !== '' && title.trim().endsWith(suffix)
    ? title.trim().slice(0, -suffix.length).trim()
    : title;
}

export const applePasswordsImporter = csvLoginsImporter({
  format: 'apple_passwords',
  isHeader: (header) =>
    header[0] === 'title' &&
    REQUIRED.every((c) => header.includes(c)) &&
    header.every((c) => APPLE_COLUMNS.has(c)),
  codeColumns: ['otpauth'],
  login: (get) => ({
    names: { name: titleOf(get('title'), get('username')), username: get('username') },
    extras: { note: get('notes'), sites: distinct([get('url')]) },
    drops: [get('password') !== '' && 'login_fields'],
  }),
});
