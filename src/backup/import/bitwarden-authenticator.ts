/**
 * Bitwarden Authenticator (the separate authenticator app, not the password manager). Its
 * exports imitate the password manager's, so they are told apart by shape:
 *
 * - JSON (`ExportJsonData` on Android, `VaultLike` on iOS): `{"encrypted": false, "items": [...]}`
 *   and nothing else at the top level. The password manager always writes `folders` (personal
 *   vault) or `collections` (organisation) beside `items`; the authenticator never does. Items:
 *   `{id, name, folderId, organizationId, collectionIds, notes, type: 1, favorite, login: {totp}}`;
 *   newer Android builds add `login.issuer`, `period`, `digits`, iOS adds `login.username`
 *   (and iOS omits the null fields). `login.totp` is an otpauth URI, `steam://SECRET` or, from
 *   iOS, the key as the user typed it (possibly bare base32).
 * - CSV from Android: the header `folder,favorite,type,name,login_uri,login_totp`, which has no
 *   `notes` column (the password manager's always has), and rows of nine unquoted fields,
 *   `,,1,<name>,,<otpauth URI>,<issuer>,<period>,<digits>` (three more than the header names).
 * - CSV from iOS: the password manager's header, but one blank line after every record (each
 *   record ends in a line break and the records are joined by another). A one-item iOS file has
 *   no blank line and reads as a Bitwarden file: the same accounts, only the app's name differs.
 * - Password-protected JSON (Android): the password manager's envelope around the JSON above,
 *   opened by bitwarden.ts, which hands the plaintext to `readAuthenticatorJson`.
 */
import { err, ok, type Result } from '../../result';
import { csvHeader, csvRow, parseCsv } from './csv';
import { field, isObject } from './input';
import {
  ImportCollector,
  entryFromTotpValue,
  list,
  text,
  type BareSecretOptions,
} from './password-manager';
import type { ImportError, ImportResult, Importer } from './types';

const FORMAT = 'bitwarden_authenticator';

const PASSWORD_MANAGER_HEADER =
  'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp';

export function isAuthenticatorJson(json: unknown): boolean {
  return (
    isObject(json) &&
    json.encrypted === false &&
    Array.isArray(json.items) &&
    !Object.hasOwn(json, 'folders') &&
    !Object.hasOwn(json, 'collections') &&
    !Object.hasOwn(json, 'passwordProtected')
  );
}

/** iOS: every record line is followed by exactly one blank line (trailing blanks aside). */
function blankLineSeparated(textValue: string): boolean {
  const lines = textValue.split(/\r?\n/).slice(1);
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  if (lines.length < 3) return false;
  return lines.every((line, i) => (i % 2 === 0 ? line !== '' : line === ''));
}

function isAndroidCsv(header: readonly string[]): boolean {
  return header.includes('login_totp') && header.includes('name') && !header.includes('notes');
}

export function isAuthenticatorCsv(textValue: string | null): boolean {
  const header = csvHeader(textValue);
  if (header === null || textValue === null) return false;
  if (isAndroidCsv(header)) return true;
  return header.join(',') === PASSWORD_MANAGER_HEADER && blankLineSeparated(textValue);
}

function integer(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : undefined;
}

/**
 * The accounts of an export object; `encrypted` when it came out of a password-protected export
 * (the app seals the same object the way the password manager does, bitwarden-crypto.ts).
 */
export function readAuthenticatorJson(
  json: Record<string, unknown>,
  encrypted: boolean,
): Result<ImportResult, ImportError> {
  const items = list(json.items);
  const out = new ImportCollector();
  out.expect(
    items.filter((item) => text(field(field(item, 'login'), 'totp')).trim() !== '').length,
  );
  for (let i = 0; i < items.length && !out.full; i++) {
    const item = items[i];
    const login = field(item, 'login');
    const totp = field(login, 'totp');
    const names = {
      // `login.issuer` is the app's issuer field; `name` is what the list showed.
      name: text(field(login, 'issuer')) || text(field(item, 'name')),
      username: text(field(login, 'username')),
    };
    if (!isObject(item) || (totp !== undefined && totp !== null && typeof totp !== 'string')) {
      out.add(i + 1, names, err({ reason: 'entry_invalid' }));
      continue;
    }
    if (typeof totp !== 'string' || totp.trim() === '') continue;
    // Beside a bare key, the parameters the app kept. An iOS build wrote the period as `digits`:
    // a value outside 1..10 is not a digit count, and the default applies.
    const bare: BareSecretOptions = {
      algorithm: text(field(login, 'algorithm')) || undefined,
      digits: integer(field(login, 'digits'), 1, 10),
      period: integer(field(login, 'period'), 1, 86_400),
    };
    out.add(
      i + 1,
      names,
      entryFromTotpValue(
        htmlDecodedLabel(totp),
        names,
        { note: text(item.notes), pinned: item.favorite === true },
        bare,
      ),
    );
  }
  return out.result(FORMAT, encrypted);
}

/** TextUtils.htmlEncode's entities, as Android's `Uri.Builder.appendPath` escapes them. */
const HTML_ENTITIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/%26amp%3B/gi, '%26'],
  [/%26%2339%3B/gi, '%27'],
  [/%26quot%3B/gi, '%22'],
  [/%26lt%3B/gi, '%3C'],
  [/%26gt%3B/gi, '%3E'],
];

/**
 * The Android app HTML-encodes a link's label before writing it (`label.htmlEncode()` in
 * AuthenticatorItemEntity.toOtpAuthUriString), so `O'Brien` arrives as `O&#39;Brien`: undone in
 * the label only (the query is written as it is).
 */
function htmlDecodedLabel(value: string): string {
  if (!/^otpauth:\/\//i.test(value.trim())) return value;
  const q = value.indexOf('?');
  let label = q < 0 ? value : value.slice(0, q);
  for (const [entity, plain] of HTML_ENTITIES) label = label.replace(entity, plain);
  return q < 0 ? label : label + value.slice(q);
}

const KEY_VALUE = /^(otpauth|steam):\/\//i;

/**
 * An Android row: the name and issuer are written unquoted, so a comma in them shifts the
 * columns; the URI is found by its scheme, and the name is what lies between the third field
 * and the empty `login_uri` before it. The trailing issuer repeats the name (as many commas).
 */
function androidRow(record: readonly string[]): { name: string; totp: string } {
  const at = record.findIndex((value, i) => i >= 3 && KEY_VALUE.test(value));
  if (at < 0) return { name: record[3] ?? '', totp: record[5] ?? '' };
  const nameFields = record.slice(3, Math.max(3, at - 1));
  const end = record.length - 2 - nameFields.length;
  const totp = end > at ? record.slice(at, end).join(',') : (record[at] ?? '');
  return { name: nameFields.join(','), totp };
}

function readCsv(textValue: string): Result<ImportResult, ImportError> {
  const records = parseCsv(textValue);
  if (!records.ok) return err({ code: 'import_damaged' });
  const [header = [], ...rows] = records.value;
  const names = header.map((h) => h.trim().toLowerCase());
  const android = isAndroidCsv(names);
  const out = new ImportCollector();
  out.expect(rows.filter((r) => r.some((value) => KEY_VALUE.test(value))).length);
  for (let i = 0; i < rows.length && !out.full; i++) {
    const record = rows[i] ?? [];
    const get = csvRow(names, record);
    const row = android ? androidRow(record) : { name: get('name'), totp: get('login_totp') };
    if (row.totp.trim() === '') continue;
    const itemNames = { name: row.name, username: android ? '' : get('login_username') };
    out.add(
      i + 1,
      itemNames,
      entryFromTotpValue(htmlDecodedLabel(row.totp), itemNames, {
        note: android ? '' : get('notes'),
        pinned: get('favorite') === '1' || get('favorite').toLowerCase() === 'true',
      }),
    );
  }
  return out.result(FORMAT, false);
}

export const bitwardenAuthenticatorImporter: Importer = {
  format: FORMAT,
  detect(input) {
    if (input.json !== undefined) return isAuthenticatorJson(input.json);
    return isAuthenticatorCsv(input.text);
  },
  read(input) {
    let result: Result<ImportResult, ImportError>;
    if (isObject(input.json) && isAuthenticatorJson(input.json))
      result = readAuthenticatorJson(input.json, false);
    else if (input.text !== null && isAuthenticatorCsv(input.text)) result = readCsv(input.text);
    else result = err({ code: 'import_unrecognised' });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
