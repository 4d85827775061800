/**
 * 1Password 7's (and 4–6's) unencrypted export, the 1Password Interchange Format (`.1pif`: a
 * folder holding `data.1pif`, or that file on its own): one JSON object a record, each record
 * followed by the line `***5642bee8-a5ff-11dc-8314-0800200c9a66***`. A record is `{uuid, title,
 * typeName, location, folderUuid, trashed, openContents: {tags, faveIndex}, secureContents:
 * {fields: [{designation, value}], URLs: [{url}], notesPlain, password, passwordHistory,
 * sections: [{fields: [{k, n, v, t}]}]}}`; folders are records of type `system.folder.Regular`.
 * 1Password 7 for Windows writes an OPVault's records as `{…, hmac, overview: {title, URLs: [{u}],
 * tags}, details: {…as secureContents}}`. Shapes as Bitwarden's and Proton Pass's 1PIF importers
 * read them, and Proton Pass's test file.
 *
 * A one-time password is a section field named `TOTP_…` (an otpauth URI or a bare key), in any
 * kind of record: each becomes an account. A field of that name with no value is none.
 */
import { parseBoundedJson } from '../bounded-json';
import { err, ok, type Result } from '../../result';
import { IMPORT_LIMITS, field, isObject } from './input';
import {
  ImportCollector,
  distinct,
  entryFromTotpValue,
  list,
  text,
  withDropped,
} from './password-manager';
import type { DroppedField, ImportError, ImportResult } from './types';

/** The line after every record (1Password's constant). */
const SEPARATOR = /^\*\*\*5642bee8-a5ff-11dc-8314-0800200c9a66\*\*\*\r?$/m;

export function isOnePasswordPif(text: string | null): text is string {
  return text !== null && text.trimStart().startsWith('{') && SEPARATOR.test(text);
}

function sectionFields(secure: unknown): unknown[] {
  return list(field(secure, 'sections')).flatMap((s) => [...list(field(s, 'fields'))]);
}

function isTotpField(f: unknown): boolean {
  return text(field(f, 'n')).startsWith('TOTP_') || field(f, 'k') === 'totp';
}

/** The record's contents: `secureContents`, or `details` in Windows' OPVault records. */
function contents(record: unknown): unknown {
  return field(record, 'secureContents') ?? field(record, 'details');
}

/** The record's one-time passwords, in their order. */
function recordTotps(record: unknown): string[] {
  return sectionFields(contents(record))
    .filter(isTotpField)
    .map((f) => text(field(f, 'v')))
    .filter((v) => v.trim() !== '');
}

function droppedOf(secure: unknown): DroppedField[] {
  const drops = new Set<DroppedField>();
  const fields = list(field(secure, 'fields'));
  const otherLogin = fields.some(
    (f) => field(f, 'designation') !== 'username' && text(field(f, 'value')) !== '',
  );
  if (
    otherLogin ||
    text(field(secure, 'password')) !== '' ||
    list(field(secure, 'passwordHistory')).length > 0
  ) {
    drops.add('login_fields');
  }
  const custom = sectionFields(secure).some((f) => {
    const v = field(f, 'v');
    return !isTotpField(f) && v !== undefined && v !== null && v !== '';
  });
  if (custom) drops.add('custom_fields');
  return [...drops];
}

export function readOnePasswordPif(input: string): Result<ImportResult, ImportError> {
  const records: unknown[] = [];
  for (const chunk of input.split(SEPARATOR)) {
    if (chunk.trim() === '') continue;
    const parsed = parseBoundedJson(chunk.trim(), IMPORT_LIMITS.maxJsonDepth);
    // A record that is not JSON: named as a damaged entry where it is read below.
    records.push(parsed.ok ? parsed.value : null);
  }
  const folders = new Map<string, string>();
  for (const record of records) {
    if (text(field(record, 'typeName')) === 'system.folder.Regular') {
      folders.set(text(field(record, 'uuid')), text(field(record, 'title')));
    }
  }
  const out = new ImportCollector();
  out.expect(records.reduce<number>((n, r) => n + recordTotps(r).length, 0));
  records.forEach((record, i) => {
    if (out.full) return;
    if (!isObject(record)) {
      out.add(i + 1, { name: '', username: '' }, err({ reason: 'entry_invalid' }));
      return;
    }
    const totps = recordTotps(record);
    if (totps.length === 0) return;
    const secure = contents(record);
    const open = field(record, 'openContents');
    const overview = field(record, 'overview');
    const usernames = list(field(secure, 'fields')).filter(
      (f) => field(f, 'designation') === 'username',
    );
    const names = {
      name: text(record.title ?? field(overview, 'title')),
      username: text(field(usernames.at(-1), 'value')),
    };
    const faveIndex = field(open, 'faveIndex');
    const extras = {
      note: text(field(secure, 'notesPlain')),
      pinned: typeof faveIndex === 'number' && faveIndex > 0,
      trashed: record.trashed === true,
      tags: distinct([
        folders.get(text(record.folderUuid)) ?? '',
        ...list(field(open, 'tags') ?? field(overview, 'tags')).map(text),
      ]),
      sites: distinct([
        text(record.location),
        ...list(field(secure, 'URLs')).map((u) => text(field(u, 'url'))),
        ...list(field(overview, 'URLs')).map((u) => text(field(u, 'u'))),
      ]),
    };
    const drops = droppedOf(secure);
    for (const totp of totps) {
      const entry = entryFromTotpValue(totp, names, extras);
      out.add(i + 1, names, entry.ok ? ok(withDropped(entry.value, names.username, drops)) : entry);
    }
  });
  return out.result('onepassword', false);
}
