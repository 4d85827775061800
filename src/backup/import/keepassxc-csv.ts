/**
 * KeePassXC's CSV export (Database → Export → CSV File; `keepassxc-cli export --format csv`), and
 * KeePassium's, which writes the same: `"Group","Title","Username","Password","URL","Notes",
 * "TOTP","Icon","Last Modified","Created"`, every field quoted (KeePassXC's CsvExporter). `TOTP`
 * is always an otpauth link (KeePassXC converts its older settings formats on the way out);
 * entries without one are not accounts. KeePassXC before 2.6.3 wrote the first six columns only,
 * with no key at all: that file holds no accounts (`import_empty`).
 *
 * `Group` is the path from the root group, `Root/Work/Servers`: the root is named after the
 * database, so, as for a .kdbx (keepass.ts), every group below it is a tag.
 */
import { csvLoginsImporter, type CsvLoginFormat } from './csv-logins';
import { withEntryNames } from './keepass-otp';
import { distinct } from './password-manager';

const COLUMNS = ['group', 'title', 'username', 'password', 'url', 'notes'];

export const KEEPASSXC_CSV: CsvLoginFormat = {
  format: 'keepassxc_csv',
  isHeader: (header) =>
    COLUMNS.every((c, i) => header[i] === c) &&
    (header.length === COLUMNS.length || header[COLUMNS.length] === 'totp'),
  codeColumns: ['totp'],
  login: (get) => ({
    names: { name: get('title'), username: get('username') },
    extras: {
      note: get('notes'),
      tags: distinct(get('group').split('/').slice(1)),
      sites: distinct([get('url')]),
    },
    drops: [get('password') !== '' && 'login_fields'],
  }),
  // Its link names the entry by "KeePassXC" and "none" where the title or user name is empty.
  code: (code, get) => withEntryNames(code, get('title'), get('username')),
};

export const keepassXcCsvImporter = csvLoginsImporter(KEEPASSXC_CSV);
