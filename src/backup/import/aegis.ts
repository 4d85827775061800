/**
 * Aegis vault exports, plain or encrypted (FORMATS.md §1): `{version: 1, header, db}` where `db`
 * is the content object, or its AES-GCM ciphertext in base64 (aegis-crypto.ts). Content
 * versions 1 to 3: v2 names an entry's group in `group`, v3 lists group uuids in `groups`,
 * resolved through the content's top-level `groups`.
 */
import { fromUtf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { checkLockedVault, openLockedVault } from './aegis-crypto';
import { finishImport, sourceNumber, tooManyEntries, type ReadEntry } from './collect';
import { entryFromFields } from './entry';
import { IMPORT_LIMITS, field, isObject, stringField } from './input';
import type { DroppedField, ImportError, ImportResult, Importer, ReadFile } from './types';

const FILE_VERSION = 1;
const MAX_CONTENT_VERSION = 3;

/** Group uuid → name, from a v3 content's `groups`. A Map: uuids are data, not keys of an object. */
function groupNames(groups: unknown): Map<string, string> {
  const names = new Map<string, string>();
  if (!Array.isArray(groups)) return names;
  for (const group of groups.slice(0, IMPORT_LIMITS.maxEntries)) {
    const uuid = stringField(group, 'uuid');
    const name = stringField(group, 'name');
    if (uuid !== undefined && name !== undefined && !names.has(uuid)) names.set(uuid, name);
  }
  return names;
}

/** v3 `groups` when the entry has them (Aegis ignores the old field then), else v2 `group`. */
function entryTags(entry: Record<string, unknown>, names: ReadonlyMap<string, string>): string[] {
  const uuids = field(entry, 'groups');
  if (Array.isArray(uuids)) {
    const tags = uuids
      .filter((u): u is string => typeof u === 'string')
      .map((u) => names.get(u))
      .filter((name): name is string => name !== undefined);
    return [...new Set(tags)];
  }
  const group = stringField(entry, 'group');
  return group === undefined ? [] : [group];
}

function turnEntry(entry: unknown, index: number, names: ReadonlyMap<string, string>): ReadEntry {
  if (!isObject(entry)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const issuer = stringField(entry, 'issuer');
  const account = stringField(entry, 'name');
  const type = stringField(entry, 'type');
  const info = field(entry, 'info');
  if (type === undefined || !isObject(info)) {
    return { index, labels: { issuer, account }, result: err({ reason: 'entry_invalid' }) };
  }
  let algorithm = stringField(info, 'algo');
  // Aegis reads MD5 as SHA1 for every type but mOTP (FORMATS.md §1.3): follow it.
  if (algorithm?.trim().toUpperCase() === 'MD5' && type.toLowerCase() !== 'motp')
    algorithm = 'SHA1';
  const secret = stringField(info, 'secret');
  const dropped: DroppedField[] = [];
  const icon = field(entry, 'icon');
  if (typeof icon === 'string' && icon !== '') dropped.push('icon');
  if (field(entry, 'archived') === true) dropped.push('archived');
  const built = entryFromFields({
    type,
    secret: secret === undefined ? undefined : { base32: secret },
    algorithm: algorithm ?? null,
    digits: sourceNumber(field(info, 'digits')),
    period: sourceNumber(field(info, 'period')),
    counter: sourceNumber(field(info, 'counter')),
    issuer: issuer ?? '',
    account: account ?? '',
    note: stringField(entry, 'note') ?? '',
    pinned: field(entry, 'favorite') === true,
    tags: entryTags(entry, names),
    dropped,
  });
  return { index, labels: { issuer, account }, result: built };
}

/** The vault content (`db`, decrypted or not) to accounts. */
export function readAegisContent(
  content: unknown,
  encrypted: boolean,
): Result<ImportResult, ImportError> {
  const version = field(content, 'version');
  const entries = field(content, 'entries');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return err({ code: 'import_damaged' });
  if (version > MAX_CONTENT_VERSION) return err({ code: 'import_version_unsupported' });
  if (!Array.isArray(entries)) return err({ code: 'import_damaged' });
  if (tooManyEntries(entries)) return err({ code: 'import_too_large' });
  const names = groupNames(field(content, 'groups'));
  return finishImport(
    'aegis',
    encrypted,
    entries.map((entry, i) => turnEntry(entry, i + 1, names)),
  );
}

function readAegis(json: unknown): Result<ReadFile, ImportError> {
  if (field(json, 'version') !== FILE_VERSION) return err({ code: 'import_version_unsupported' });
  const db = field(json, 'db');
  if (typeof db !== 'string') {
    const result = readAegisContent(db, false);
    return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
  }
  const locked = checkLockedVault(field(json, 'header'), db);
  if (!locked.ok) return locked;
  return ok({
    kind: 'encrypted',
    format: 'aegis',
    decrypt: async (password) => {
      const opened = await openLockedVault(locked.value, password);
      if (!opened.ok) return opened;
      const text = fromUtf8(opened.value);
      const content = text === null ? null : parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
      return content?.ok === true
        ? readAegisContent(content.value, true)
        : err({ code: 'import_damaged' });
    },
  });
}

export const aegisImporter: Importer = {
  format: 'aegis',

  detect(input) {
    const db = field(input.json, 'db');
    return (
      isObject(input.json) &&
      typeof field(input.json, 'version') === 'number' &&
      isObject(field(input.json, 'header')) &&
      (isObject(db) || typeof db === 'string')
    );
  },

  read: (input) => Promise.resolve(readAegis(input.json)),
};
