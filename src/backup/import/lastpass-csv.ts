/**
 * LastPass's password manager CSV export (Account options → Advanced → Export → LastPass CSV
 * File): `url,username,password,totp,extra,name,grouping,fav`, as Bitwarden's and Proton Pass's
 * LastPass importers read it. Exports from before LastPass wrote its authenticator keys lack the
 * `totp` column; Passbolt's "csv (lastpass)" export writes the same header, every field quoted.
 * Not LastPass Authenticator's JSON (lastpass.ts).
 *
 * The `totp` column holds the bare base32 key (an otpauth link is read too); a row without one
 * (secure notes, `http://sn`, and logins without a key) is not an account. `grouping` is the
 * folder path, LastPass's parts separated by `\`; `(none)` is no folder. LastPass has been seen
 * ending records with CR CR LF: the blank line between them is no record (csv.ts); and writing a
 * multi-line note without quotes, which splits its record in several: they are joined again.
 *
 * The export from LastPass's browser extension is shown as a web page first, and has long come
 * out HTML-encoded (`AT&amp;T`, `R&amp;D`, an otpauth link's `&amp;issuer=`: Bitwarden's
 * clients#268 and web#40, pass-import#35); the web vault's is not. Every field is read decoded:
 * no one names an account `&amp;` on purpose, and an undecoded link would lose its parameters.
 */
import { csvLoginsImporter, type CsvLoginFormat } from './csv-logins';
import { decodeEntities } from './html-entities';
import { distinct } from './password-manager';

const COLUMNS = ['url', 'username', 'password', 'extra', 'name', 'grouping', 'fav'];
/** LastPass's web address for a secure note: not a site. */
const SECURE_NOTE_URL = 'http://sn';

/** `Work\Servers` as Otter writes folder paths (`Work / Servers`); `(none)` is no folder. */
function folderOf(grouping: string): string {
  const path = grouping
    .split('\\')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return path.length === 1 && path[0] === '(none)' ? '' : path.join(' / ');
}

export const LASTPASS_CSV: CsvLoginFormat = {
  format: 'lastpass_csv',
  isHeader: (header) => COLUMNS.every((c) => header.includes(c)),
  codeColumns: ['totp'],
  code: (code) => decodeEntities(code),
  // A multi-line note written unquoted splits its record (Proton Pass's test file).
  joinBrokenRecords: true,
  login: (raw) => {
    const get = (name: string) => decodeEntities(raw(name));
    const url = get('url').trim();
    return {
      names: { name: get('name'), username: get('username') },
      extras: {
        note: get('extra'),
        pinned: get('fav').trim() === '1',
        tags: distinct([folderOf(get('grouping'))]),
        sites: distinct([url === SECURE_NOTE_URL ? '' : url]),
      },
      drops: [get('password') !== '' && 'login_fields'],
    };
  },
};

export const lastpassCsvImporter = csvLoginsImporter(LASTPASS_CSV);
