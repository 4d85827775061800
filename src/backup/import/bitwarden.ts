/**
 * Bitwarden (the password manager) exports (FORMATS.md §6): the JSON export (personal, with
 * `folders`, or an organisation's, with `collections`), the same JSON inside the ZIP export that
 * carries attachments (`data.json` at the root, files under `attachments/<item id>/`), the
 * password-protected JSON (bitwarden-crypto.ts) and the CSV export.
 *
 * Only login items with a `login.totp` become accounts; the value is an otpauth URI, a bare base32
 * secret or `steam://SECRET`, read as the Bitwarden SDK reads it (password-manager.ts). The
 * "account restricted" export is encrypted with the account's own key, which only Bitwarden has.
 *
 * Bitwarden Authenticator's exports look alike; they are told apart in bitwarden-authenticator.ts,
 * and this importer leaves them to it. Its password-protected export is the one exception: the
 * envelope is the same, so it is opened here and its plaintext handed to that importer's reader.
 */
import { err, ok, type Result } from '../../result';
import {
  isAuthenticatorCsv,
  isAuthenticatorJson,
  readAuthenticatorJson,
} from './bitwarden-authenticator';
import { decryptProtectedExport, readProtectedExport } from './bitwarden-crypto';
import { csvHeader, csvRow, parseCsv } from './csv';
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
import type { ImportError, ImportInput, ImportResult, Importer, ReadFile } from './types';

const FORMAT = 'bitwarden';

/** A plain or encrypted export object (not Bitwarden Authenticator's). */
function isBitwardenJson(json: unknown): json is Record<string, unknown> {
  if (!isObject(json) || isAuthenticatorJson(json)) return false;
  if (json.passwordProtected === true) return true;
  // Account restricted: the items are EncStrings, with the key check beside them.
  if (json.encrypted === true) {
    return Array.isArray(json.items) || typeof json.encKeyValidation_DO_NOT_EDIT === 'string';
  }
  if (json.encrypted !== false && json.encrypted !== undefined) return false;
  if (!Array.isArray(json.items)) return false;
  if (Array.isArray(json.folders) || Array.isArray(json.collections)) return true;
  // Bitwarden's own importer asks for `items` only, so exports cut down to them are passed
  // around (GNOME Authenticator's test file is one). Without `encrypted`, Bitwarden
  // Authenticator's shape is ruled out; its items must still look like Bitwarden's ciphers.
  return json.encrypted === undefined && json.items.some(isCipher);
}

/** A Bitwarden item: its numeric `type` (1 is a login) beside a login or a name. */
function isCipher(item: unknown): boolean {
  return (
    typeof field(item, 'type') === 'number' &&
    (isObject(field(item, 'login')) || typeof field(item, 'name') === 'string')
  );
}

/** The ZIP export's `data.json`, parsed once for `detect` and `read`. */
const zipJson = new WeakMap<ImportInput, unknown>();

function jsonOfZip(input: ImportInput): unknown {
  if (zipJson.has(input)) return zipJson.get(input);
  const entry = input.zip?.entries.find((e) => e.name === 'data.json');
  const json =
    input.zip && entry && !entry.encrypted ? jsonOfBytes(input.zip.read('data.json')) : undefined;
  zipJson.set(input, json);
  return json;
}

/** Ids of the items that have files in the ZIP export (`attachments/<item id>/<file name>`). */
function attachmentOwners(input: ImportInput): Set<string> {
  const owners = new Set<string>();
  for (const entry of input.zip?.entries ?? []) {
    const match = /^attachments\/([^/]+)\/[^/]/.exec(entry.name);
    if (match?.[1] !== undefined) owners.add(match[1]);
  }
  return owners;
}

function isBitwardenCsv(input: ImportInput): boolean {
  const header = csvHeader(input.text);
  return (
    header !== null &&
    header.includes('login_totp') &&
    header.includes('name') &&
    header.includes('notes') &&
    header.includes('type') &&
    (header.includes('folder') || header.includes('collections')) &&
    !isAuthenticatorCsv(input.text)
  );
}

/** Names by id (`folders` or `collections`), in a Map so that no id can reach a prototype. */
function namesById(values: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const value of list(values)) {
    const id = field(value, 'id');
    const name = field(value, 'name');
    if (typeof id === 'string' && typeof name === 'string') names.set(id, name);
  }
  return names;
}

function hasEntries(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/**
 * Adds what Otter cannot keep: the password and other login data (a username is kept when it
 * became the account name), custom fields, attachments.
 */
interface Grouping {
  readonly folders: Map<string, string>;
  readonly collections: Map<string, string>;
  readonly attachments: Set<string>;
}

/** Only logins carry a one-time password; every other item is simply not an account. */
function hasTotp(item: unknown): boolean {
  const totp = field(field(item, 'login'), 'totp');
  return field(item, 'type') === 1 && totp !== undefined && totp !== null && totp !== '';
}

function readItem(item: unknown, index: number, groups: Grouping, out: ImportCollector): void {
  if (!isObject(item)) {
    out.add(index, { name: '', username: '' }, err({ reason: 'entry_invalid' }));
    return;
  }
  if (!hasTotp(item)) return;
  const login = field(item, 'login');
  const totp = field(login, 'totp');
  const names: ItemNames = { name: text(item.name), username: text(field(login, 'username')) };
  if (typeof totp !== 'string') {
    out.add(index, names, err({ reason: 'entry_invalid' }));
    return;
  }
  const tags = [
    groups.folders.get(text(item.folderId)) ?? '',
    ...list(item.collectionIds).map((id) => groups.collections.get(text(id)) ?? ''),
  ];
  const entry = entryFromTotpValue(
    totp,
    names,
    {
      note: text(item.notes),
      pinned: item.favorite === true,
      tags: distinct(tags),
      sites: distinct(list(field(login, 'uris')).map((u) => text(field(u, 'uri')))),
      // In the trash (deleted) or archived: out of use, but restorable in Bitwarden as in Otter.
      trashed: text(item.deletedDate) !== '' || text(item.archivedDate) !== '',
    },
    { lenient: true },
  );
  const fields = list(item.fields).some((f) => text(field(f, 'value')) !== '');
  out.add(
    index,
    names,
    entry.ok
      ? ok(
          withDropped(entry.value, names.username, [
            (text(field(login, 'password')) !== '' ||
              hasEntries(field(login, 'fido2Credentials')) ||
              hasEntries(item.passwordHistory)) &&
              'login_fields',
            fields && 'custom_fields',
            (hasEntries(item.attachments) || groups.attachments.has(text(item.id))) &&
              'attachments',
          ]),
        )
      : entry,
  );
}

/** The accounts of a plain export object (also the plaintext of a password-protected one). */
export function readBitwardenJson(
  json: unknown,
  encrypted: boolean,
  attachments: Set<string> = new Set(),
): Result<ImportResult, ImportError> {
  if (!isObject(json) || !Array.isArray(json.items)) return err({ code: 'import_damaged' });
  const groups: Grouping = {
    folders: namesById(json.folders),
    collections: namesById(json.collections),
    attachments,
  };
  const out = new ImportCollector();
  out.expect(json.items.filter((item) => !isObject(item) || hasTotp(item)).length);
  for (let i = 0; i < json.items.length && !out.full; i++) {
    readItem(json.items[i], i + 1, groups, out);
  }
  return out.result(FORMAT, encrypted);
}

function readCsv(textValue: string): Result<ImportResult, ImportError> {
  const records = parseCsv(textValue);
  if (!records.ok) return err({ code: 'import_damaged' });
  const [header, ...rows] = records.value;
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const isTotpRow = (get: (name: string) => string): boolean =>
    get('login_totp').trim() !== '' && ['login', '1'].includes(get('type').trim());
  const out = new ImportCollector();
  out.expect(rows.filter((r) => isTotpRow(csvRow(names, r))).length);
  for (let i = 0; i < rows.length && !out.full; i++) {
    const get = csvRow(names, rows[i] ?? []);
    const totp = get('login_totp').trim();
    if (!isTotpRow(get)) continue;
    const itemNames = { name: get('name'), username: get('login_username') };
    const entry = entryFromTotpValue(
      totp,
      itemNames,
      {
        note: get('notes'),
        pinned: get('favorite').trim() === '1',
        // Organisation exports list an item's collections joined by commas.
        tags: distinct([get('folder'), ...get('collections').split(',')]),
        // Several URIs are joined by commas too (Bitwarden's own CSV importer splits them so).
        sites: distinct(get('login_uri').split(',')),
      },
      { lenient: true },
    );
    out.add(
      i + 1,
      itemNames,
      entry.ok
        ? ok(
            withDropped(entry.value, itemNames.username, [
              get('login_password') !== '' && 'login_fields',
              get('fields').trim() !== '' && 'custom_fields',
            ]),
          )
        : entry,
    );
  }
  return out.result(FORMAT, false);
}

function encryptedFile(
  json: Record<string, unknown>,
  attachments: Set<string>,
): Result<ReadFile, ImportError> {
  // Shape and KDF parameters are checked now, before any password is asked for or derived.
  const file = readProtectedExport(json);
  if (!file.ok) return file;
  return ok({
    kind: 'encrypted',
    format: FORMAT,
    async decrypt(password) {
      const plain = await decryptProtectedExport(file.value, password);
      if (!plain.ok) return plain;
      const json = jsonOfBytes(plain.value);
      if (json === undefined) return err({ code: 'import_damaged' });
      // Bitwarden Authenticator seals its own export the same way: only the plaintext tells the
      // apps apart, and its items keep fields (issuer, digits, period) the vault's do not.
      if (isObject(json) && isAuthenticatorJson(json)) return readAuthenticatorJson(json, true);
      return readBitwardenJson(json, true, attachments);
    },
  });
}

function readJson(
  json: Record<string, unknown>,
  attachments: Set<string>,
): Result<ReadFile, ImportError> {
  if (json.passwordProtected === true) return encryptedFile(json, attachments);
  if (json.encrypted === true) return err({ code: 'import_account_restricted' });
  const result = readBitwardenJson(json, false, attachments);
  return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
}

export const bitwardenImporter: Importer = {
  format: FORMAT,
  detect(input) {
    if (isBitwardenJson(input.json)) return true;
    if (input.zip !== null) return isBitwardenJson(jsonOfZip(input));
    return input.json === undefined && isBitwardenCsv(input);
  },
  read(input) {
    if (isBitwardenJson(input.json)) return Promise.resolve(readJson(input.json, new Set()));
    const zipped = input.zip === null ? undefined : jsonOfZip(input);
    if (isBitwardenJson(zipped)) return Promise.resolve(readJson(zipped, attachmentOwners(input)));
    if (input.text !== null && isBitwardenCsv(input)) {
      const result = readCsv(input.text);
      return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
    }
    return Promise.resolve(err({ code: 'import_unrecognised' }));
  },
};
