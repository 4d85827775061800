/**
 * The "Authenticator" browser extension (authenticator.cc) JSON backup (FORMATS.md §5): an object
 * keyed by record id whose values are
 * - plain entries (`dataType: "OTPStorage"`, or no dataType in old files): `type`, `secret`, …;
 * - v8+ password-protected entries (`dataType: "EncOTPStorage"`, `data`, `keyId`, `index`)
 *   with their `Key` records (Argon2id + CryptoJS AES, authenticator-extension-keys.ts);
 * - legacy encrypted entries (≤ v7): `encrypted: true` with `secret` CryptoJS-encrypted under the
 *   password itself (v1), or under a data key kept in a root `key: {enc, hash}` (v2);
 * - groups in newer versions (`Group`, `EncGroup`), which entries name by `groupId`.
 * The extension's own text backup (authenticator.txt) is a link list (otpauth-list.ts).
 */
import { err, ok, type Result } from '../../result';
import { encodeHex } from '../../otp/secret';
import { unlockKey, AE_KDF_LIMITS, type KeyState } from './authenticator-extension-keys';
import { decryptCryptoJs, decryptCryptoJsText, isCryptoJsText } from './cryptojs-aes';
import { field, IMPORT_LIMITS, isObject, stringField } from './input';
import { accountFromRecord } from './authenticator-extension-entry';
import { EntryCollector } from './otpauth-list';
import type { ImportError, Importer, ImportResult } from './types';

const RECORD_TYPES = new Set(['OTPStorage', 'EncOTPStorage', 'Key', 'Group', 'EncGroup']);

interface Backup {
  /** Entry records in file order: plain (maybe legacy-encrypted) or EncOTPStorage envelopes. */
  readonly entries: ReadonlyArray<{
    readonly position: number;
    readonly record: Record<string, unknown>;
  }>;
  readonly keys: ReadonlyMap<string, unknown>;
  readonly groups: ReadonlyMap<string, string>;
  readonly encGroups: readonly Record<string, unknown>[];
  /** The legacy v2 data key, CryptoJS-encrypted under the password. */
  readonly legacyKey: string | undefined;
}

function isEntryRecord(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const type = field(value, 'dataType');
  if (type === 'EncOTPStorage') return typeof field(value, 'data') === 'string';
  return (
    (type === undefined || type === 'OTPStorage') && typeof field(value, 'secret') === 'string'
  );
}

function looksLikeBackup(json: unknown): boolean {
  if (!isObject(json)) return false;
  return Object.values(json).some((value) => {
    const type = field(value, 'dataType');
    if (typeof type === 'string') return RECORD_TYPES.has(type);
    // Old files: entries without dataType, always with their id and position.
    return (
      typeof field(value, 'secret') === 'string' &&
      (field(value, 'hash') !== undefined || field(value, 'index') !== undefined)
    );
  });
}

function collect(json: Record<string, unknown>): Backup | null {
  const entries: Array<{ position: number; record: Record<string, unknown> }> = [];
  const keys = new Map<string, unknown>();
  const groups = new Map<string, string>();
  const encGroups: Record<string, unknown>[] = [];
  for (const [id, value] of Object.entries(json)) {
    if (entries.length + keys.size + groups.size + encGroups.length >= IMPORT_LIMITS.maxEntries) {
      return null;
    }
    const type = field(value, 'dataType');
    if (type === 'Key') keys.set(stringField(value, 'id') ?? id, value);
    else if (type === 'Group' && isObject(value)) {
      const name = stringField(value, 'name')?.trim();
      const groupId = stringField(value, 'id') ?? id;
      if (name !== undefined && name !== '') groups.set(groupId, name);
    } else if (type === 'EncGroup' && isObject(value)) encGroups.push(value);
    else if (isEntryRecord(value)) entries.push({ position: entries.length + 1, record: value });
  }
  // Bug #557 of the extension flattened the v2 key to root `enc`/`hash`.
  const legacy = field(json, 'key');
  const legacyKey = stringField(legacy, 'enc') ?? stringField(json, 'enc');
  return { entries, keys, groups, encGroups, legacyKey };
}

function isEncrypted(backup: Backup): boolean {
  return backup.entries.some(
    ({ record }) =>
      field(record, 'dataType') === 'EncOTPStorage' || field(record, 'encrypted') === true,
  );
}

/** An entry ready to map, or (null) one that did not decrypt, refused under its plain names. */
interface OpenedRecord {
  readonly position: number;
  readonly record: Record<string, unknown> | null;
  readonly labels?: { readonly issuer: string; readonly account: string };
}

function labelsOf(record: Record<string, unknown>): { issuer: string; account: string } {
  return {
    issuer: stringField(record, 'issuer') ?? '',
    account: stringField(record, 'account') ?? '',
  };
}

function toResult(
  records: readonly OpenedRecord[],
  groups: ReadonlyMap<string, string>,
  encrypted: boolean,
): Result<ImportResult, ImportError> {
  // The extension shows its accounts by `index`; the file's key order is incidental.
  const order = (r: Record<string, unknown> | null): number => {
    const index = r === null ? undefined : field(r, 'index');
    return typeof index === 'number' && Number.isFinite(index) ? index : Number.MAX_SAFE_INTEGER;
  };
  const sorted = [...records].sort((a, b) => order(a.record) - order(b.record));
  const collector = new EntryCollector();
  for (const { position, record, labels } of sorted) {
    // A legacy secret that does not open is a bad key; an envelope that does not, a bad entry.
    const account =
      record === null
        ? labels === undefined
          ? {
              entry: err({ reason: 'entry_invalid' as const }),
              labels: { issuer: '', account: '' },
            }
          : { entry: err({ reason: 'secret_invalid' as const }), labels }
        : accountFromRecord(record, groups);
    collector.add(position, account.entry, account.labels);
  }
  return collector.result('authenticator_extension', encrypted);
}

/** The passphrase of every key the envelopes name, or the error when none opens. */
async function unlockKeys(
  backup: Backup,
  password: string,
): Promise<Result<Map<string, string>, ImportError>> {
  const needed = new Set<string>();
  for (const { record } of backup.entries) {
    const keyId = stringField(record, 'keyId');
    if (field(record, 'dataType') === 'EncOTPStorage' && keyId !== undefined) needed.add(keyId);
  }
  for (const group of backup.encGroups) {
    const keyId = stringField(group, 'keyId');
    if (keyId !== undefined) needed.add(keyId);
  }
  if (needed.size > AE_KDF_LIMITS.maxKeys) return err({ code: 'import_kdf_unsupported' });
  const open = new Map<string, string>();
  const states: KeyState[] = [];
  for (const keyId of needed) {
    const record = backup.keys.get(keyId);
    const state: KeyState =
      record === undefined ? { kind: 'damaged' } : await unlockKey(record, password);
    states.push(state);
    if (state.kind === 'open') open.set(keyId, state.passphrase);
  }
  if (needed.size > 0 && open.size === 0) {
    const kinds = new Set(states.map((s) => s.kind));
    if (kinds.has('kdf_unsupported')) return err({ code: 'import_kdf_unsupported' });
    if (kinds.has('version_unsupported')) return err({ code: 'import_version_unsupported' });
    if (kinds.has('wrong_password')) return err({ code: 'import_wrong_password' });
    return err({ code: 'import_damaged' });
  }
  return ok(open);
}

async function decryptJson(data: unknown, passphrase: string | undefined): Promise<unknown> {
  if (typeof data !== 'string' || passphrase === undefined) return undefined;
  const text = await decryptCryptoJsText(data, passphrase);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A legacy secret as the extension accepts it after decryption (FORMATS.md §5.3). */
const LEGACY_SECRET = /^[a-z2-7]+=*$|^[0-9a-f]+$|^(blz-|bliz-|stm-)/i;

async function decryptLegacySecret(secret: string, passphrase: string): Promise<string | null> {
  const text = await decryptCryptoJsText(secret, passphrase);
  const clean = text?.replace(/ /g, '') ?? '';
  return clean !== '' && LEGACY_SECRET.test(clean) ? clean : null;
}

async function decrypt(
  backup: Backup,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  const keys = await unlockKeys(backup, password);
  if (!keys.ok) return keys;
  // v2: the secrets' passphrase is the hex text of the decrypted data key.
  let legacyPassphrase = password;
  if (backup.legacyKey !== undefined && isCryptoJsText(backup.legacyKey)) {
    const dataKey = await decryptCryptoJs(backup.legacyKey, password);
    if (dataKey === null || dataKey.length === 0) return err({ code: 'import_wrong_password' });
    legacyPassphrase = encodeHex(dataKey);
  }
  const groups = new Map(backup.groups);
  for (const group of backup.encGroups) {
    const plain = await decryptJson(
      field(group, 'data'),
      keys.value.get(stringField(group, 'keyId') ?? ''),
    );
    const id = stringField(plain, 'id');
    const name = stringField(plain, 'name')?.trim();
    if (id !== undefined && name !== undefined && name !== '') groups.set(id, name);
  }
  const records: OpenedRecord[] = [];
  let legacyTried = 0;
  let legacyOpened = 0;
  for (const { position, record } of backup.entries) {
    if (field(record, 'dataType') === 'EncOTPStorage') {
      const keyId = stringField(record, 'keyId') ?? '';
      const plain = await decryptJson(field(record, 'data'), keys.value.get(keyId));
      // The envelope's position wins over any inside (the extension does the same).
      records.push({
        position,
        record: isObject(plain)
          ? { ...plain, index: field(record, 'index'), encrypted: false }
          : null,
      });
    } else if (field(record, 'encrypted') === true) {
      legacyTried++;
      const secret = await decryptLegacySecret(
        stringField(record, 'secret') ?? '',
        legacyPassphrase,
      );
      if (secret !== null) legacyOpened++;
      records.push({
        position,
        record: secret === null ? null : { ...record, secret, encrypted: false },
        labels: labelsOf(record),
      });
    } else {
      records.push({ position, record });
    }
  }
  // No legacy secret opens: the password is wrong (a damaged file would fail only some).
  if (legacyTried > 0 && legacyOpened === 0 && keys.value.size === 0) {
    return err({ code: 'import_wrong_password' });
  }
  return toResult(records, groups, true);
}

export const authenticatorExtensionImporter: Importer = {
  format: 'authenticator_extension',
  detect: (input) => looksLikeBackup(input.json),
  read(input) {
    const json = input.json;
    if (!isObject(json)) return Promise.resolve(err({ code: 'import_damaged' }));
    const backup = collect(json);
    if (backup === null) return Promise.resolve(err({ code: 'import_too_large' }));
    if (backup.entries.length === 0) return Promise.resolve(err({ code: 'import_empty' }));
    if (!isEncrypted(backup)) {
      const result = toResult(backup.entries, backup.groups, false);
      return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
    }
    return Promise.resolve(
      ok({
        kind: 'encrypted',
        format: 'authenticator_extension',
        decrypt: (password: string) => decrypt(backup, password),
      }),
    );
  },
};
