/**
 * Enpass's JSON export (File → Export → .json; Enpass 6): `{folders: [{uuid, parent_uuid, title}],
 * items: [{uuid, title, category, template_type, favorite (0/1), trashed, archived, note,
 * folders: [folder uuid], attachments?, fields: [{uid, label, type, value, sensitive, deleted,
 * order, history?}]}]}` (as Bitwarden's and Proton Pass's Enpass importers read it).
 *
 * A field of type `totp` holds the one-time password: an otpauth:// link when it was scanned, or
 * the bare base32 key as typed (Enpass keeps it as entered, in lower case and with spaces). Every
 * such field of any item is an account; an item may have none. The first username (else e-mail)
 * field names the account. A field marked `deleted` is gone from the item in Enpass: it is never
 * read, nor are the older values in a field's `history`.
 */
import { err, ok, type Result } from '../../result';
import { field, isObject } from './input';
import {
  ImportCollector,
  distinct,
  entryFromTotpValue,
  list,
  text,
  withDropped,
  type ItemNames,
} from './password-manager';
import type { DroppedField, ImportError, ImportResult, Importer } from './types';

const FORMAT = 'enpass';
/** Field types that are read (or that only structure the item), not custom fields lost. */
const LOGIN_TYPES = new Set(['username', 'email', 'password']);
const READ_TYPES = new Set(['totp', 'url', 'section']);

/**
 * An Enpass item: a `template_type` ("login.default") or a `category` beside its field list of
 * `{type, label}`. Bitwarden's items, with `items` too, have a numeric `type` and no such fields.
 */
function isEnpassItem(item: unknown): boolean {
  if (!isObject(item) || typeof item.type === 'number') return false;
  if (typeof item.template_type === 'string') return true;
  const first = list(item.fields)[0];
  return (
    typeof item.category === 'string' &&
    typeof field(first, 'type') === 'string' &&
    typeof field(first, 'label') === 'string'
  );
}

function isEnpassJson(json: unknown): json is Record<string, unknown> {
  return isObject(json) && Array.isArray(json.items) && json.items.some(isEnpassItem);
}

/** The fields Enpass still shows: not deleted, with a value. */
function liveFields(item: unknown): Array<{ type: string; value: unknown }> {
  return list(field(item, 'fields'))
    .filter((f) => isObject(f) && f.deleted !== 1 && f.deleted !== true)
    .map((f) => ({ type: text(field(f, 'type')), value: field(f, 'value') }))
    .filter((f) => f.value !== '' && f.value !== null && f.value !== undefined);
}

/** The item's one-time-password values: strings, or anything else (refused as invalid). */
function totpValues(item: unknown): unknown[] {
  return liveFields(item)
    .filter((f) => f.type === 'totp')
    .map((f) => f.value);
}

function firstOf(fields: ReadonlyArray<{ type: string; value: unknown }>, type: string): string {
  return text(fields.find((f) => f.type === type && typeof f.value === 'string')?.value);
}

/** Folder uuid → its path of titles (`Social / Twitter`), bounded against a cycle of parents. */
function folderPaths(json: Record<string, unknown>): Map<string, string> {
  const folders = new Map<string, { title: string; parent: string }>();
  for (const folder of list(json.folders)) {
    const uuid = text(field(folder, 'uuid'));
    if (uuid !== '' && !folders.has(uuid)) {
      folders.set(uuid, {
        title: text(field(folder, 'title')).trim(),
        parent: text(field(folder, 'parent_uuid')),
      });
    }
  }
  const paths = new Map<string, string>();
  for (const uuid of folders.keys()) {
    const names: string[] = [];
    for (let at = folders.get(uuid); at !== undefined && names.length < 16;) {
      names.unshift(at.title);
      at = folders.get(at.parent);
    }
    paths.set(uuid, names.filter((n) => n !== '').join(' / '));
  }
  return paths;
}

function readItem(
  item: unknown,
  index: number,
  folders: ReadonlyMap<string, string>,
  out: ImportCollector,
): void {
  const fields = liveFields(item);
  const names: ItemNames = {
    name: text(field(item, 'title')),
    username: firstOf(fields, 'username') || firstOf(fields, 'email'),
  };
  if (!isObject(item)) {
    out.add(index, names, err({ reason: 'entry_invalid' }));
    return;
  }
  const drops = new Set<DroppedField>();
  // The password, and an e-mail beside the username that named the account.
  const logins = fields.filter((f) => LOGIN_TYPES.has(f.type) && f.value !== names.username);
  if (logins.length > 0) drops.add('login_fields');
  if (fields.some((f) => !LOGIN_TYPES.has(f.type) && !READ_TYPES.has(f.type))) {
    drops.add('custom_fields');
  }
  if (list(item.attachments).length > 0) drops.add('attachments');
  const extras = {
    note: text(item.note),
    pinned: typeof item.favorite === 'number' ? item.favorite > 0 : item.favorite === true,
    // Enpass's archive is out of sight like its trash: both go to Otter's Trash.
    trashed: [item.trashed, item.archived].some(
      (v) => v === true || (typeof v === 'number' && v > 0),
    ),
    tags: distinct(list(item.folders).map((uuid) => folders.get(text(uuid)) ?? '')),
    sites: distinct(fields.filter((f) => f.type === 'url').map((f) => text(f.value))),
  };
  for (const value of totpValues(item)) {
    if (typeof value !== 'string') {
      out.add(index, names, err({ reason: 'entry_invalid' }));
      continue;
    }
    const entry = entryFromTotpValue(value, names, extras);
    if (!entry.ok) {
      out.add(index, names, entry);
      continue;
    }
    out.add(index, names, ok(withDropped(entry.value, names.username, [...drops])));
  }
}

function read(json: Record<string, unknown>): Result<ImportResult, ImportError> {
  const items = list(json.items);
  const out = new ImportCollector();
  // An item that is not an object is one refusal; the others give one entry per code.
  out.expect(items.reduce<number>((n, i) => n + (isObject(i) ? totpValues(i).length : 1), 0));
  const folders = folderPaths(json);
  for (let i = 0; i < items.length && !out.full; i++) readItem(items[i], i + 1, folders, out);
  return out.result(FORMAT, false);
}

export const enpassImporter: Importer = {
  format: FORMAT,
  detect: (input) => isEnpassJson(input.json),
  read(input) {
    const result = isEnpassJson(input.json)
      ? read(input.json)
      : err({ code: 'import_damaged' as const });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
