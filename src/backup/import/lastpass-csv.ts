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
 * ending records with CR CR LF: the blank line between them is no record (csv.ts).
 */
import { err, ok, type Result } from '../../result';
import { csvCodeRows, csvHeader } from './csv';
import {
  ImportCollector,
  distinct,
  entryFromTotpValue,
  withDropped,
  type ItemNames,
} from './password-manager';
import type { ImportError, ImportResult, Importer } from './types';

const FORMAT = 'lastpass_csv';
const COLUMNS = ['url', 'username', 'password', 'extra', 'name', 'grouping', 'fav'];
/** LastPass's web address for a secure note: not a site. */
const SECURE_NOTE_URL = 'http://sn';

function isLastPassCsv(text: string | null): text is string {
  const header = csvHeader(text);
  return header !== null && COLUMNS.every((c) => header.includes(c));
}

/** `Work\Servers` as Otter writes folder paths (`Work / Servers`); `(none)` is no folder. */
function folderOf(grouping: string): string {
  const path = grouping
    .split('\\')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return path.length === 1 && path[0] === '(none)' ? '' : path.join(' / ');
}

function read(textValue: string): Result<ImportResult, ImportError> {
  const rows = csvCodeRows(textValue, ['totp']);
  if (rows === null) return err({ code: 'import_damaged' });
  const out = new ImportCollector();
  out.expect(rows.length);
  for (const { position, get, code } of rows) {
    if (out.full) break;
    const itemNames: ItemNames = { name: get('name'), username: get('username') };
    const url = get('url').trim();
    const entry = entryFromTotpValue(code, itemNames, {
      note: get('extra'),
      pinned: get('fav').trim() === '1',
      tags: distinct([folderOf(get('grouping'))]),
      sites: distinct([url === SECURE_NOTE_URL ? '' : url]),
    });
    if (!entry.ok) {
      out.add(position, itemNames, entry);
      continue;
    }
    // The password, and a username that an otpauth link's own account name replaced.
    const password = get('password') !== '' && 'login_fields';
    out.add(position, itemNames, ok(withDropped(entry.value, itemNames.username, [password])));
  }
  return out.result(FORMAT, false);
}

export const lastpassCsvImporter: Importer = {
  format: FORMAT,
  detect: (input) => input.json === undefined && isLastPassCsv(input.text),
  read(input) {
    const result = isLastPassCsv(input.text)
      ? read(input.text)
      : err({ code: 'import_damaged' as const });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
