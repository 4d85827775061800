/**
 * Proton Pass exports (FORMATS.md §7.5; Proton's WebClients `packages/pass/lib/export`): a ZIP
 * holding `Proton Pass/data.json` (and attachments under `Proton Pass/files/`), the same JSON
 * bare, or the CSV export. The encrypted export (`Proton Pass/data.pgp` in the ZIP, or the
 * armored PGP message on its own) is OpenPGP, which Otter does not read: the user is asked to
 * export without encryption. The ZIP put in a password-protected archive is read once
 * encrypted-zip.ts has opened it with its password.
 *
 * JSON: `{version, userId, encrypted, vaults: {<shareId>: {name, description, display, folders?,
 * items: [{itemId, shareId, state (1 active, 2 trashed), pinned, createTime, modifyTime,
 * aliasEmail, files?, folderId?, data: {type, metadata: {name, note, itemUuid}, content,
 * extraFields: [{fieldName, type: text|hidden|totp|timestamp, data}]}}]}}}`. A login's content is
 * `{itemEmail, itemUsername (before 1.18: username), password, urls, autofillUrls?, totpUri,
 * passkeys}`. One-time passwords live in `content.totpUri` and in extra fields of type `totp`
 * (`data.totpUri`), also inside custom and identity items' sections: each is an account.
 */
import { err, ok, type Result } from '../../result';
import { csvHeader, csvRow, parseCsv } from './csv';
import { field, isObject } from './input';
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

const FORMAT = 'proton_pass';
const DATA_JSON = 'Proton Pass/data.json';
const DATA_PGP = 'Proton Pass/data.pgp';
const TRASHED = 2;

function isProtonJson(json: unknown): json is Record<string, unknown> {
  return isObject(json) && isObject(json.vaults) && typeof json.version === 'string';
}

function isArmoredPgp(input: ImportInput): boolean {
  return input.text?.trimStart().startsWith('-----BEGIN PGP MESSAGE-----') === true;
}

function hasZipEntry(input: ImportInput, name: string): boolean {
  return input.zip?.entries.some((e) => e.name === name) === true;
}

/**
 * An entry this importer can look into. A ZIP whose entries are encrypted (7-Zip, WinZip or
 * Windows with a password) is not claimed here: encrypted-zip.ts opens it with its password and
 * hands back the archive, whose `data.json` (or `data.pgp`) this importer then reads.
 */
function hasOpenEntry(input: ImportInput, name: string): boolean {
  return input.zip?.entries.some((e) => e.name === name && !e.encrypted) === true;
}

function isProtonCsv(input: ImportInput): boolean {
  const header = csvHeader(input.text);
  return (
    header !== null &&
    header[0] === 'type' &&
    header[1] === 'name' &&
    header.includes('totp') &&
    header.includes('createtime')
  );
}

/** The one-time-password values of extra fields (`{type: 'totp', data: {totpUri}}`). */
function totpFields(fields: unknown): string[] {
  return list(fields)
    .filter((f) => field(f, 'type') === 'totp')
    .map((f) => text(field(field(f, 'data'), 'totpUri')));
}

/**
 * Every extra-field list of an item: its own `extraFields`, and the field lists and sections of
 * custom and identity items (`sections`, `extraSections`, `extra…Details`).
 */
function fieldLists(data: unknown): unknown[] {
  const lists: unknown[] = [field(data, 'extraFields')];
  const content = field(data, 'content');
  if (isObject(content)) {
    for (const value of Object.values(content)) {
      lists.push(value);
      for (const section of list(value)) lists.push(field(section, 'sectionFields'));
    }
  }
  return lists;
}

/** Every one-time password of an item: the login's, then those of its extra fields. */
function itemTotps(data: unknown): string[] {
  const values = [text(field(field(data, 'content'), 'totpUri'))];
  for (const fields of fieldLists(data)) values.push(...totpFields(fields));
  return values.filter((v) => v.trim() !== '');
}

/** Whether the item has extra fields (other than one-time passwords) with a value. */
function hasOtherFields(data: unknown): boolean {
  return fieldLists(data).some((fields) =>
    list(fields).some((f) => {
      const type = field(f, 'type');
      if (type === 'totp' || typeof type !== 'string') return false;
      const value = field(f, 'data');
      return isObject(value) && Object.values(value).some((v) => v !== '' && v !== null);
    }),
  );
}

function webAddresses(content: unknown): string[] {
  const urls = list(field(content, 'urls')).map(text);
  // Newer exports add per-URL autofill modes; a regular-expression pattern is not an address.
  const autofill = list(field(content, 'autofillUrls'))
    .map((u) => text(field(u, 'url')))
    .filter((u) => /^https?:\/\//i.test(u));
  return distinct([...urls, ...autofill]);
}

/** A folder's name with its parents' (`Work / Servers`), bounded against a cycle of parents. */
function folderPath(folders: Map<string, { name: string; parent: string }>, id: string): string {
  const names: string[] = [];
  for (
    let at = folders.get(id);
    at !== undefined && names.length < 16;
    at = folders.get(at.parent)
  ) {
    names.unshift(at.name);
  }
  return names.join(' / ');
}

function readJson(json: Record<string, unknown>): Result<ImportResult, ImportError> {
  const vaults = Object.values(json.vaults as Record<string, unknown>);
  const out = new ImportCollector();
  out.expect(
    vaults
      .flatMap((vault) => [...list(field(vault, 'items'))])
      .reduce<number>((n, item) => {
        const data = field(item, 'data');
        // An item that is not an object is refused (one entry); others give one per TOTP.
        return n + (isObject(item) && isObject(data) ? itemTotps(data).length : 1);
      }, 0),
  );
  let index = 0;
  for (const vault of vaults) {
    // One vault says nothing (everyone has "Personal"); with several, the vault is a tag.
    const vaultTag = vaults.length > 1 ? text(field(vault, 'name')) : '';
    const folders = new Map<string, { name: string; parent: string }>();
    for (const folder of list(field(vault, 'folders'))) {
      const id = text(field(folder, 'folderId'));
      if (id !== '') {
        folders.set(id, {
          name: text(field(folder, 'name')),
          parent: text(field(folder, 'parentFolderId')),
        });
      }
    }
    for (const item of list(field(vault, 'items'))) {
      if (out.full) break;
      index++;
      readItem(item, index, [vaultTag, folderPath(folders, text(field(item, 'folderId')))], out);
    }
  }
  return out.result(FORMAT, false);
}

function readItem(item: unknown, index: number, tags: string[], out: ImportCollector): void {
  const data = field(item, 'data');
  const content = field(data, 'content');
  const metadata = field(data, 'metadata');
  const names: ItemNames = {
    name: text(field(metadata, 'name')),
    username:
      text(field(content, 'itemEmail')) ||
      text(field(content, 'itemUsername')) ||
      text(field(content, 'username')),
  };
  if (!isObject(item) || !isObject(data)) {
    out.add(index, names, err({ reason: 'entry_invalid' }));
    return;
  }
  const secondName =
    names.username === text(field(content, 'itemEmail'))
      ? text(field(content, 'itemUsername'))
      : '';
  const drops: DroppedField[] = [];
  if (
    text(field(content, 'password')) !== '' ||
    list(field(content, 'passkeys')).length > 0 ||
    secondName !== ''
  ) {
    drops.push('login_fields');
  }
  if (hasOtherFields(data)) drops.push('custom_fields');
  if (list(item.files).length > 0) drops.push('attachments');
  for (const totp of itemTotps(data)) {
    const entry = entryFromTotpValue(totp, names, {
      note: text(field(metadata, 'note')),
      pinned: item.pinned === true,
      trashed: item.state === TRASHED,
      tags: distinct(tags),
      sites: webAddresses(content),
    });
    out.add(index, names, entry.ok ? ok(withDropped(entry.value, names.username, drops)) : entry);
  }
}

function readCsv(textValue: string): Result<ImportResult, ImportError> {
  const records = parseCsv(textValue);
  if (!records.ok) return err({ code: 'import_damaged' });
  const [header = [], ...rows] = records.value;
  const names = header.map((h) => h.trim().toLowerCase());
  const vaults = new Set(rows.map((r) => csvRow(names, r)('vault')));
  const out = new ImportCollector();
  out.expect(rows.filter((r) => csvRow(names, r)('totp').trim() !== '').length);
  for (let i = 0; i < rows.length && !out.full; i++) {
    const get = csvRow(names, rows[i] ?? []);
    const totp = get('totp');
    if (totp.trim() === '') continue;
    // Before 1.18 the `username` column held what is now `email`.
    const itemNames = { name: get('name'), username: get('email') || get('username') };
    const entry = entryFromTotpValue(totp, itemNames, {
      note: get('note'),
      tags: vaults.size > 1 ? distinct([get('vault')]) : [],
      // Several addresses are joined by ", ".
      sites: distinct(get('url').split(',')),
    });
    const other = get('email') !== '' && itemNames.username === get('email') ? get('username') : '';
    const drops: DroppedField[] = get('password') !== '' || other !== '' ? ['login_fields'] : [];
    out.add(
      i + 1,
      itemNames,
      entry.ok ? ok(withDropped(entry.value, itemNames.username, drops)) : entry,
    );
  }
  return out.result(FORMAT, false);
}

function readZip(input: ImportInput): Result<ImportResult, ImportError> {
  if (!hasZipEntry(input, DATA_JSON)) {
    return err({
      code: hasZipEntry(input, DATA_PGP) ? 'import_encryption_unsupported' : 'import_damaged',
    });
  }
  const json = zipEntryJson(input, DATA_JSON);
  if (!json.ok) return json;
  return isProtonJson(json.value) ? readJson(json.value) : err({ code: 'import_damaged' });
}

export const protonPassImporter: Importer = {
  format: FORMAT,
  detect(input) {
    if (input.zip !== null) return hasOpenEntry(input, DATA_JSON) || hasOpenEntry(input, DATA_PGP);
    if (input.json !== undefined) return isProtonJson(input.json);
    return isArmoredPgp(input) || isProtonCsv(input);
  },
  read(input) {
    let result: Result<ImportResult, ImportError>;
    if (input.zip !== null) result = readZip(input);
    else if (isProtonJson(input.json)) result = readJson(input.json);
    else if (isArmoredPgp(input)) result = err({ code: 'import_encryption_unsupported' });
    else if (input.text !== null && isProtonCsv(input)) result = readCsv(input.text);
    else result = err({ code: 'import_unrecognised' });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
