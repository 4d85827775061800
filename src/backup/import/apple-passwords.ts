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

const FORMAT = 'apple_passwords';
const REQUIRED = ['title', 'url', 'username', 'password', 'otpauth'];
const APPLE_COLUMNS = new Set([...REQUIRED, 'notes']);

function isApplePasswordsCsv(text: string | null): text is string {
  const header = csvHeader(text);
  return (
    header !== null &&
    header[0] === 'title' &&
    REQUIRED.every((c) => header.includes(c)) &&
    header.every((c) => APPLE_COLUMNS.has(c))
  );
}

/** `github.com (octocat)` → `github.com` when `octocat` is the login's username. */
function titleOf(title: string, username: string): string {
  const suffix = ` (${username.trim()})`;
  return username.trim() !== '' && title.trim().endsWith(suffix)
    ? title.trim().slice(0, -suffix.length).trim()
    : title;
}

function read(textValue: string): Result<ImportResult, ImportError> {
  const rows = csvCodeRows(textValue, ['otpauth']);
  if (rows === null) return err({ code: 'import_damaged' });
  const out = new ImportCollector();
  out.expect(rows.length);
  for (const { position, get, code } of rows) {
    if (out.full) break;
    const username = get('username');
    const itemNames: ItemNames = { name: titleOf(get('title'), username), username };
    const entry = entryFromTotpValue(code, itemNames, {
      note: get('notes'),
      sites: distinct([get('url')]),
    });
    const password = get('password') !== '' && 'login_fields';
    out.add(
      position,
      itemNames,
      entry.ok ? ok(withDropped(entry.value, username, [password])) : entry,
    );
  }
  return out.result(FORMAT, false);
}

export const applePasswordsImporter: Importer = {
  format: FORMAT,
  detect: (input) => input.json === undefined && isApplePasswordsCsv(input.text),
  read(input) {
    const result = isApplePasswordsCsv(input.text)
      ? read(input.text)
      : err({ code: 'import_damaged' as const });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
