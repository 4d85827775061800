/**
 * 1Password's unencrypted export, `.1pux` (support.1password.com/1pux-format): a ZIP holding
 * `export.attributes`, `export.data` and `files/`. `export.data` is
 * `{accounts: [{attrs, vaults: [{attrs: {uuid, name, type…}, items: [Item]}]}]}`, where an item is
 * `{uuid, favIndex, createdAt, updatedAt, state ("active" | "archived"), trashed? (older exports),
 * categoryUuid, details: {loginFields: [{value, name, fieldType, designation}], notesPlain,
 * sections: [{title, name, fields: [{title, id, value: {<kind>: …}}]}], passwordHistory,
 * documentAttributes?}, overview: {title, subtitle, url, urls: [{label, url}], tags}}`.
 *
 * A one-time password is a section field whose value is `{"totp": <otpauth URI or secret>}`, in
 * any category: each becomes an account. `export.data` given on its own (unzipped) is read too,
 * and so are the CSV export (onepassword-csv.ts) and 1Password 7's `.1pif` (onepassword-1pif.ts).
 * A .1pux in a password-protected ZIP is read once encrypted-zip.ts has opened it with its
 * password.
 */
import { err, ok, type Result } from '../../result';
import { field, isObject } from './input';
import { isOnePasswordCsv, readOnePasswordCsv } from './onepassword-csv';
import { isOnePasswordPif, readOnePasswordPif } from './onepassword-1pif';
import {
  ImportCollector,
  distinct,
  entryFromTotpValue,
  list,
  text,
  withDropped,
  zipEntryJson,
  type ItemNames,
} from './password-manager';
import type { DroppedField, ImportError, ImportInput, ImportResult, Importer } from './types';

const FORMAT = 'onepassword';
const DATA = 'export.data';

/** `{accounts: [{attrs, vaults: […]}…]}`; inside a .1pux, less is asked (the archive says it). */
function isExportData(json: unknown, inArchive = false): json is Record<string, unknown> {
  if (!isObject(json) || !Array.isArray(json.accounts)) return false;
  const first: unknown = json.accounts[0];
  if (first === undefined) return inArchive;
  // Given bare, the account's `attrs` are asked for too: `accounts` alone is a common word.
  return isObject(first) && Array.isArray(first.vaults) && (inArchive || isObject(first.attrs));
}

function sectionFields(details: unknown): unknown[] {
  return list(field(details, 'sections')).flatMap((s) => [...list(field(s, 'fields'))]);
}

/** The `{<kind>: value}` of a field has something in it (an empty string is nothing). */
function filled(value: unknown): boolean {
  if (!isObject(value)) return false;
  return Object.values(value).some((v) =>
    typeof v === 'string' ? v !== '' : v !== null && v !== undefined && v !== false,
  );
}

/** The last login field with this designation (1Password's own reading keeps the last). */
function loginField(details: unknown, designation: string): string {
  const fields = list(field(details, 'loginFields')).filter(
    (f) => field(f, 'designation') === designation,
  );
  return text(field(fields.at(-1), 'value'));
}

function droppedOf(details: unknown): DroppedField[] {
  const drops = new Set<DroppedField>();
  const loginFields = list(field(details, 'loginFields'));
  // Passwords, their history, and login fields other than the username (kept as the account).
  const otherLogin = loginFields.some(
    (f) => field(f, 'designation') !== 'username' && text(field(f, 'value')) !== '',
  );
  // Password items keep theirs in `details.password`.
  const password = text(field(details, 'password')) !== '';
  if (otherLogin || password || list(field(details, 'passwordHistory')).length > 0) {
    drops.add('login_fields');
  }
  for (const f of sectionFields(details)) {
    const value = field(f, 'value');
    if (isObject(value) && Object.hasOwn(value, 'file')) drops.add('attachments');
    else if (!(isObject(value) && Object.hasOwn(value, 'totp')) && filled(value)) {
      drops.add('custom_fields');
    }
  }
  if (field(details, 'documentAttributes') !== undefined) drops.add('attachments');
  return [...drops];
}

/** The item's one-time passwords: section fields whose value is `{"totp": …}`. */
function itemTotps(item: unknown): string[] {
  return sectionFields(field(item, 'details'))
    .map((f) => field(field(f, 'value'), 'totp'))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function readItem(item: unknown, index: number, vaultTag: string, out: ImportCollector): void {
  const overview = field(item, 'overview');
  const details = field(item, 'details');
  const names: ItemNames = {
    name: text(field(overview, 'title')),
    username: loginField(details, 'username'),
  };
  if (!isObject(item)) {
    out.add(index, names, err({ reason: 'entry_invalid' }));
    return;
  }
  const totps = itemTotps(item);
  if (totps.length === 0) return;
  const state = text(item.state);
  const extras = {
    note: text(field(details, 'notesPlain')),
    // favIndex is the place among favourites; 0 (or none) is not a favourite.
    pinned: typeof item.favIndex === 'number' && item.favIndex > 0,
    // Archived items are out of use but kept, which is what Otter's Trash holds; older exports
    // mark deleted items with `trashed`.
    trashed:
      state === 'archived' || state === 'trashed' || state === 'deleted' || item.trashed === true,
    tags: distinct([vaultTag, ...list(field(overview, 'tags')).map(text)]),
    sites: distinct([
      text(field(overview, 'url')),
      ...list(field(overview, 'urls')).map((u) => text(field(u, 'url'))),
    ]),
  };
  const drops = droppedOf(details);
  for (const totp of totps) {
    const entry = entryFromTotpValue(totp, names, extras);
    out.add(index, names, entry.ok ? ok(withDropped(entry.value, names.username, drops)) : entry);
  }
}

function readExportData(json: Record<string, unknown>): Result<ImportResult, ImportError> {
  const vaults = list(json.accounts).flatMap((a) => [...list(field(a, 'vaults'))]);
  const out = new ImportCollector();
  out.expect(
    vaults
      .flatMap((vault) => [...list(field(vault, 'items'))])
      .reduce<number>((n, item) => n + itemTotps(item).length, 0),
  );
  let index = 0;
  for (const vault of vaults) {
    // Everyone has a "Personal" or "Private" vault: only several vaults make the name a tag.
    const vaultTag = vaults.length > 1 ? text(field(field(vault, 'attrs'), 'name')) : '';
    for (const item of list(field(vault, 'items'))) {
      if (out.full) break;
      index++;
      readItem(item, index, vaultTag, out);
    }
  }
  return out.result(FORMAT, false);
}

function readZip(input: ImportInput): Result<ImportResult, ImportError> {
  const json = zipEntryJson(input, DATA);
  if (!json.ok) return json;
  return isExportData(json.value, true)
    ? readExportData(json.value)
    : err({ code: 'import_damaged' });
}

export const onePasswordImporter: Importer = {
  format: FORMAT,
  detect(input) {
    // An encrypted `export.data` (the .1pux zipped again with a password) cannot be looked into
    // here: encrypted-zip.ts opens the archive with its password and hands it back.
    if (input.zip !== null) return input.zip.entries.some((e) => e.name === DATA && !e.encrypted);
    return isExportData(input.json) || isOnePasswordCsv(input.text) || isOnePasswordPif(input.text);
  },
  read(input) {
    let result: Result<ImportResult, ImportError>;
    if (input.zip !== null) result = readZip(input);
    else if (isExportData(input.json)) result = readExportData(input.json);
    else if (isOnePasswordCsv(input.text)) result = readOnePasswordCsv(input.text);
    else if (isOnePasswordPif(input.text)) result = readOnePasswordPif(input.text);
    else result = err({ code: 'import_unrecognised' });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
