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

const FORMAT = 'keepassxc_csv';
const COLUMNS = ['group', 'title', 'username', 'password', 'url', 'notes'];

function isKeePassXcCsv(text: string | null): text is string {
  const header = csvHeader(text);
  return (
    header !== null &&
    COLUMNS.every((c, i) => header[i] === c) &&
    (header.length === COLUMNS.length || header[COLUMNS.length] === 'totp')
  );
}

function read(textValue: string): Result<ImportResult, ImportError> {
  const rows = csvCodeRows(textValue, ['totp']);
  if (rows === null) return err({ code: 'import_damaged' });
  const out = new ImportCollector();
  out.expect(rows.length);
  for (const { position, get, code } of rows) {
    if (out.full) break;
    const itemNames: ItemNames = { name: get('title'), username: get('username') };
    const entry = entryFromTotpValue(code, itemNames, {
      note: get('notes'),
      tags: distinct(get('group').split('/').slice(1)),
      sites: distinct([get('url')]),
    });
    const password = get('password') !== '' && 'login_fields';
    out.add(
      position,
      itemNames,
      entry.ok ? ok(withDropped(entry.value, itemNames.username, [password])) : entry,
    );
  }
  return out.result(FORMAT, false);
}

export const keepassXcCsvImporter: Importer = {
  format: FORMAT,
  detect: (input) => input.json === undefined && isKeePassXcCsv(input.text),
  read(input) {
    const result = isKeePassXcCsv(input.text)
      ? read(input.text)
      : err({ code: 'import_damaged' as const });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
