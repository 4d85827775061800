/**
 * Keeper's exports (Keeper Commander's `importer/json` and `importer/csv`, which the web vault's
 * export follows; Bitwarden's and Proton Pass's Keeper importers read the same):
 *
 * JSON: `{shared_folders?: [{path, uid, ...}], records: [{uid, title, $type?, login, password,
 * login_url, notes, last_modified, custom_fields?: {<key>: value | [values]}, folders?:
 * [{shared_folder?, folder?, can_edit?, can_share?}], attachments?}]}`, bare or as `export.json`
 * in a ZIP with the attachments under `files/`. A custom field's key is `$<type>:<label>` (the web
 * vault adds `:1`), `$<type>`, or a plain label. The one-time password is the `$oneTimeCode`
 * field of typed records and `TFC:Keeper` of older ones: an otpauth link, one or a list of them.
 *
 * CSV: no header; each row is `folder, title, login, password, url, notes, shared folder`, then
 * custom fields as name, value pairs, the code under the name `TFC:Keeper`. Only a CSV that holds
 * such a pair is recognised: Keeper's CSV without codes looks like any list of passwords.
 *
 * Folder paths are joined by `\` (a `\` in a name is doubled): they become tags `A / B`.
 */
import { err, ok, type Result } from '../../result';
import { parseCsv } from './csv';
import { field, isObject } from './input';
import {
  ImportCollector,
  distinct,
  entryFromTotpValue,
  jsonOfBytes,
  list,
  text,
  withDropped,
  type ItemNames,
} from './password-manager';
import type { ImportError, ImportInput, ImportResult, Importer } from './types';

const FORMAT = 'keeper';
const ZIP_JSON = 'export.json';
/** Keeper Commander's column of the first custom field name in the CSV. */
const CSV_FIELDS_AT = 7;

function isCodeKey(key: string): boolean {
  return key === 'TFC:Keeper' || /^\$oneTimeCode(?::|$)/.test(key);
}

function isUrlKey(key: string): boolean {
  return /^\$url(?::|$)/.test(key);
}

function isKeeperRecord(record: unknown): boolean {
  return (
    isObject(record) &&
    typeof record.title === 'string' &&
    ['$type', 'login', 'login_url', 'custom_fields', 'folders'].some((k) =>
      Object.hasOwn(record, k),
    )
  );
}

function isKeeperJson(json: unknown): json is Record<string, unknown> {
  if (!isObject(json) || !Array.isArray(json.records)) return false;
  return json.records.length === 0
    ? Array.isArray(json.shared_folders)
    : json.records.some(isKeeperRecord);
}

/** A folder path's names: split at single `\`, a doubled one kept as one `\` in the name. */
function pathTag(path: string): string {
  const names = path.match(/(?:\\\\|[^\\])+/g) ?? [];
  return names
    .map((n) => n.replaceAll('\\\\', '\\').trim())
    .filter((n) => n !== '')
    .join(' / ');
}

/** A field's values: a string, or a list of them (anything else is kept, to be refused). */
function values(value: unknown): unknown[] {
  return (Array.isArray(value) ? value : [value]).filter(
    (v) => v !== '' && v !== null && v !== undefined,
  );
}

interface Row {
  readonly names: ItemNames;
  readonly codes: readonly unknown[];
  readonly note: string;
  readonly password: string;
  readonly sites: readonly string[];
  readonly tags: readonly string[];
  readonly otherFields: boolean;
  readonly attachments: boolean;
}

/** Rows in file order: null is an entry of the wrong shape, undefined no entry at all. */
function collect(rows: ReadonlyArray<Row | null | undefined>): Result<ImportResult, ImportError> {
  const out = new ImportCollector();
  out.expect(rows.reduce<number>((n, row) => n + (row === null ? 1 : (row?.codes.length ?? 0)), 0));
  for (let i = 0; i < rows.length && !out.full; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    if (row === null) {
      out.add(i + 1, { name: '', username: '' }, err({ reason: 'entry_invalid' }));
      continue;
    }
    for (const code of row.codes) {
      if (typeof code !== 'string') {
        out.add(i + 1, row.names, err({ reason: 'entry_invalid' }));
        continue;
      }
      const entry = entryFromTotpValue(code, row.names, {
        note: row.note,
        sites: row.sites,
        tags: row.tags,
      });
      out.add(
        i + 1,
        row.names,
        entry.ok
          ? ok(
              withDropped(entry.value, row.names.username, [
                row.password !== '' && 'login_fields',
                row.otherFields && 'custom_fields',
                row.attachments && 'attachments',
              ]),
            )
          : entry,
      );
    }
  }
  return out.result(FORMAT, false);
}

function jsonRow(record: unknown): Row | null {
  if (!isObject(record)) return null;
  const custom = isObject(record.custom_fields) ? record.custom_fields : {};
  const codes: unknown[] = [];
  const urls: string[] = [text(record.login_url)];
  let otherFields = false;
  for (const [key, value] of Object.entries(custom)) {
    if (isCodeKey(key)) codes.push(...values(value));
    else if (isUrlKey(key)) urls.push(...values(value).map(text));
    else if (values(value).length > 0) otherFields = true;
  }
  const tags = list(record.folders).map((f) =>
    pathTag([text(field(f, 'shared_folder')), text(field(f, 'folder'))].join('\\')),
  );
  return {
    names: { name: text(record.title), username: text(record.login) },
    codes,
    note: text(record.notes),
    password: text(record.password),
    sites: distinct(urls),
    tags: distinct(tags),
    otherFields,
    attachments: list(record.attachments).length > 0,
  };
}

function readJson(json: Record<string, unknown>): Result<ImportResult, ImportError> {
  return collect(list(json.records).map(jsonRow));
}

/** Where a CSV row's custom fields hold a code: the value beside each `TFC:Keeper` name. */
function csvCodes(record: readonly string[]): string[] {
  const codes: string[] = [];
  for (let i = CSV_FIELDS_AT; i + 1 < record.length; i += 2) {
    const value = (record[i + 1] ?? '').trim();
    if (isCodeKey((record[i] ?? '').trim()) && value !== '') codes.push(value);
  }
  return codes;
}

/** The CSV's records, parsed once for `detect` and `read`; null when it holds no code. */
const csvRecords = new WeakMap<ImportInput, string[][] | null>();

function keeperCsv(input: ImportInput): string[][] | null {
  if (csvRecords.has(input)) return csvRecords.get(input) ?? null;
  let records: string[][] | null = null;
  if (input.json === undefined && input.zip === null && input.text !== null) {
    // Cheap first: only a text naming Keeper's code field is parsed.
    if (/TFC:Keeper|\$oneTimeCode/.test(input.text)) {
      const parsed = parseCsv(input.text);
      if (parsed.ok && parsed.value.some((r) => csvCodes(r).length > 0)) records = parsed.value;
    }
  }
  csvRecords.set(input, records);
  return records;
}

function csvRow(record: readonly string[]): Row | undefined {
  // Keeper Commander reads a row with fewer than six columns as no record.
  if (record.length < 6) return undefined;
  const at = (i: number): string => (record[i] ?? '').trim();
  const shared = at(6).replace(/(?:#edit|#reshare)+$/, '');
  const names: string[] = [];
  for (let i = CSV_FIELDS_AT; i + 1 < record.length; i += 2) {
    if (!isCodeKey(at(i)) && at(i + 1) !== '') names.push(at(i));
  }
  return {
    names: { name: at(1), username: at(2) },
    codes: csvCodes(record),
    note: at(5),
    password: at(3),
    sites: distinct([at(4)]),
    tags: distinct([pathTag([shared, at(0)].join('\\'))]),
    otherFields: names.length > 0,
    attachments: false,
  };
}

/** The ZIP export's `export.json`, parsed once for `detect` and `read`. */
const zipJson = new WeakMap<ImportInput, unknown>();

function jsonOfZip(input: ImportInput): unknown {
  if (zipJson.has(input)) return zipJson.get(input);
  const entry = input.zip?.entries.find((e) => e.name === ZIP_JSON);
  const json =
    input.zip && entry && !entry.encrypted ? jsonOfBytes(input.zip.read(ZIP_JSON)) : undefined;
  zipJson.set(input, json);
  return json;
}

export const keeperImporter: Importer = {
  format: FORMAT,
  detect(input) {
    if (input.zip !== null) return isKeeperJson(jsonOfZip(input));
    return isKeeperJson(input.json) || keeperCsv(input) !== null;
  },
  read(input) {
    const zipped = input.zip === null ? undefined : jsonOfZip(input);
    const csv = keeperCsv(input);
    let result: Result<ImportResult, ImportError>;
    if (isKeeperJson(zipped)) result = readJson(zipped);
    else if (isKeeperJson(input.json)) result = readJson(input.json);
    else if (csv !== null) result = collect(csv.map(csvRow));
    else result = err({ code: 'import_damaged' });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
