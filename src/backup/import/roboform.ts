/**
 * RoboForm's CSV export (`Name,Url,MatchUrl,Login,Pwd,Note,Folder,RfFieldsV2`), as Bitwarden's
 * and Proton Pass's RoboForm importers read it. `RfFieldsV2` is not one column: each of the
 * login's form fields is one more quoted column from there on, itself `Label$,,,type,value`
 * (`User ID$,,,txt,jane`). The one-time password is the field `TOTP KEY$`: a bare key, or an
 * otpauth link. RoboForm puts a `'` before a value that starts with `@` or `'`.
 */
import { err, ok, type Result } from '../../result';
import { csvHeader, parseCsv } from './csv';
import {
  ImportCollector,
  distinct,
  entryFromTotpValue,
  withDropped,
  type ItemNames,
} from './password-manager';
import type { DroppedField, ImportError, ImportResult, Importer } from './types';

const FORMAT = 'roboform';
const COLUMNS = ['name', 'url', 'matchurl', 'login', 'pwd', 'note', 'folder'];
const CODE_FIELD = 'TOTP KEY$';
/** Form fields that repeat the login's own columns, or are RoboForm's own machinery. */
const LOGIN_FIELDS = new Set(['User ID$', 'Password$']);
const OWN_FIELDS = new Set(['Script$']);

function isRoboFormCsv(text: string | null): text is string {
  const header = csvHeader(text);
  return (
    header !== null &&
    COLUMNS.every((c) => header.includes(c)) &&
    (header.includes('rffieldsv2') || header.includes('rf_fields'))
  );
}

function unquoted(value: string): string {
  return value.replace(/^'(?=[@'])/, '');
}

/** A form field `Label$,,,type,value`: its label and value (which may itself hold commas). */
function formField(text: string): { label: string; value: string } | null {
  const parts = text.split(',');
  if (parts.length < 5) return null;
  return { label: parts[0] ?? '', value: unquoted(parts.slice(4).join(',')) };
}

function read(textValue: string): Result<ImportResult, ImportError> {
  const records = parseCsv(textValue);
  if (!records.ok) return err({ code: 'import_damaged' });
  const [header = [], ...rows] = records.value;
  const names = header.map((h) => h.trim().toLowerCase());
  const col = (row: readonly string[], name: string): string => {
    const i = names.indexOf(name);
    return i < 0 ? '' : unquoted(row[i] ?? '');
  };
  const fieldsAt = Math.max(names.indexOf('rffieldsv2'), names.indexOf('rf_fields'));
  const fieldsOf = (row: readonly string[]) =>
    row.slice(fieldsAt).flatMap((text) => formField(text) ?? []);
  const codesOf = (row: readonly string[]) =>
    fieldsOf(row).filter((f) => f.label === CODE_FIELD && f.value.trim() !== '');
  const out = new ImportCollector();
  out.expect(rows.reduce((n, row) => n + codesOf(row).length, 0));
  for (let i = 0; i < rows.length && !out.full; i++) {
    const row = rows[i] ?? [];
    const fields = fieldsOf(row);
    const itemNames: ItemNames = { name: col(row, 'name'), username: col(row, 'login') };
    const drops = new Set<DroppedField>();
    if (col(row, 'pwd') !== '') drops.add('login_fields');
    for (const f of fields) {
      if (f.label === CODE_FIELD || OWN_FIELDS.has(f.label) || f.value.trim() === '') continue;
      const repeats = f.value === itemNames.username || f.value === col(row, 'pwd');
      if (!(LOGIN_FIELDS.has(f.label) && repeats)) {
        drops.add(LOGIN_FIELDS.has(f.label) ? 'login_fields' : 'custom_fields');
      }
    }
    for (const code of codesOf(row)) {
      const entry = entryFromTotpValue(code.value, itemNames, {
        note: col(row, 'note'),
        // RoboForm writes folders as paths from the root (`/Work/Mail`).
        tags: distinct([col(row, 'folder').replace(/^\/+/, '').split('/').join(' / ')]),
        sites: distinct([col(row, 'url')]),
      });
      if (!entry.ok) {
        out.add(i + 1, itemNames, entry);
        continue;
      }
      out.add(i + 1, itemNames, ok(withDropped(entry.value, itemNames.username, [...drops])));
    }
  }
  return out.result(FORMAT, false);
}

export const roboformImporter: Importer = {
  format: FORMAT,
  detect: (input) => input.json === undefined && isRoboFormCsv(input.text),
  read(input) {
    const result = isRoboFormCsv(input.text)
      ? read(input.text)
      : err({ code: 'import_damaged' as const });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
