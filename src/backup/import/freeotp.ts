/**
 * FreeOTP 2 backups (the original app, org.fedorahosted.freeotp; "Backup" in its menu). The file
 * is a Java-serialized HashMap<String, String> (java-hashmap.ts), FreeOTP's `tokenBackup`
 * preferences as they are:
 *
 * - `masterKey`: PBKDF2 parameters and the wrapped master key (freeotp-crypto.ts);
 * - `<uuid>`: `{"key": "<EncryptedKey JSON>"}`, the token's secret wrapped by the master key;
 * - `<uuid>-token`: the token's settings (Gson): type, algo, digits, period, counter,
 *   issuerExt / issuerInt, label, image, color, lock. Absent settings take FreeOTP's defaults
 *   (SHA1, 6 digits, 30 s); the counter is the next one to use.
 *
 * The backup holds no order (FreeOTP keeps it elsewhere): accounts come in the file's order.
 * The older FreeOTP store (`tokens.xml`, version 1) has the same shape as FreeOTP+'s and is read
 * by freeotp-plus.ts.
 */
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { finishImport, sourceNumber, tooManyEntries, type ReadEntry } from './collect';
import { entryFromFields } from './entry';
import {
  masterKey,
  openMasterKey,
  openSealedKey,
  sealedKey,
  type MasterKey,
} from './freeotp-crypto';
import { IMPORT_LIMITS, field, isObject, stringField } from './input';
import { looksLikeJavaHashMap, readJavaHashMap } from './java-hashmap';
import type { DroppedField, ImportError, ImportResult, Importer, ReadFile } from './types';

const MASTER = 'masterKey';
const TOKEN_SUFFIX = '-token';
/** Two entries an account, plus the master key. */
const MAX_MAP_ENTRIES = IMPORT_LIMITS.maxEntries * 2 + 1;

function json(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const parsed = parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
  return parsed.ok ? parsed.value : undefined;
}

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** One token's settings, with its secret already opened (or null when it could not be). */
function turnToken(token: unknown, secret: Uint8Array | null, index: number): ReadEntry {
  if (!isObject(token)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const issuerExt = field(token, 'issuerExt');
  // FreeOTP shows issuerExt (the name you edit), and the link's issuer only when it has none.
  const issuer =
    typeof issuerExt === 'string' ? issuerExt : (stringField(token, 'issuerInt') ?? '');
  const account = stringField(token, 'label') ?? stringField(token, 'labelAlt') ?? '';
  const labels = { issuer, account };
  const type = stringField(token, 'type');
  if (type === undefined) return { index, labels, result: err({ reason: 'entry_invalid' }) };
  if (secret === null) return { index, labels, result: err({ reason: 'secret_invalid' }) };
  // FreeOTP makes Steam codes for a token whose issuer is exactly "Steam".
  const steam = issuerExt === 'Steam';
  if (steam && type.toUpperCase() === 'HOTP')
    return { index, labels, result: err({ reason: 'type_unsupported', detail: 'steam hotp' }) };
  const dropped: DroppedField[] = [];
  if (filled(field(token, 'image'))) dropped.push('icon');
  if (filled(field(token, 'color'))) dropped.push('colour');
  // "Require unlock to view" (the device's lock screen): Otter has no per-account lock.
  if (field(token, 'lock') === true) dropped.push('pin');
  const algorithm = field(token, 'algo');
  return {
    index,
    labels,
    result: entryFromFields({
      type: steam ? 'steam' : type,
      secret: { bytes: secret },
      // Absent or null: SHA1. Any other type names no algorithm Otter knows.
      algorithm:
        typeof algorithm === 'string'
          ? algorithm
          : algorithm === undefined || algorithm === null
            ? null
            : '?',
      digits: sourceNumber(field(token, 'digits')),
      period: sourceNumber(field(token, 'period')),
      counter: sourceNumber(field(token, 'counter')),
      issuer,
      account,
      dropped,
    }),
  };
}

/** The wrapped secret of `<uuid>`, opened with the master key; null if it cannot be. */
async function openSecret(master: Uint8Array, value: string): Promise<Uint8Array | null> {
  const wrapped = stringField(json(value), 'key');
  const sealed = wrapped === undefined ? null : sealedKey(json(wrapped));
  return sealed === null ? null : openSealedKey(master, sealed);
}

async function readAccounts(
  entries: ReadonlyMap<string, string>,
  master: Uint8Array,
): Promise<Result<ImportResult, ImportError>> {
  const read: ReadEntry[] = [];
  for (const [key, value] of entries) {
    if (key === MASTER) continue;
    const index = read.length + 1;
    if (key.endsWith(TOKEN_SUFFIX)) {
      // Settings whose secret is not in the file: named, and refused.
      if (!entries.has(key.slice(0, -TOKEN_SUFFIX.length))) {
        const token = json(value);
        const turned = turnToken(token, null, index);
        read.push(
          isObject(token) ? { ...turned, result: err({ reason: 'secret_missing' }) } : turned,
        );
      }
      continue;
    }
    read.push(
      turnToken(json(entries.get(key + TOKEN_SUFFIX)), await openSecret(master, value), index),
    );
  }
  if (tooManyEntries(read)) return err({ code: 'import_too_large' });
  return finishImport('freeotp', true, read);
}

function readBackup(bytes: Uint8Array): Result<ReadFile, ImportError> {
  const entries = readJavaHashMap(bytes, MAX_MAP_ENTRIES);
  if (!entries.ok) return entries;
  const masterJson = json(entries.value.get(MASTER));
  // A serialized map without FreeOTP's master key is some other app's file.
  if (!isObject(masterJson)) return err({ code: 'import_unrecognised' });
  const master: Result<MasterKey, ImportError> = masterKey(masterJson);
  if (!master.ok) return master;
  return ok({
    kind: 'encrypted',
    format: 'freeotp',
    decrypt: async (password) => {
      const key = await openMasterKey(master.value, password);
      if (key === null) return err({ code: 'import_wrong_password' });
      return readAccounts(entries.value, key);
    },
  });
}

export const freeotpImporter: Importer = {
  format: 'freeotp',
  detect: (input) => looksLikeJavaHashMap(input.bytes),
  read: (input) => Promise.resolve(readBackup(input.bytes)),
};
