/**
 * Ente Auth (FORMATS.md §7.2). The plain export is one otpauth URI per line, each carrying Ente's
 * own `codeDisplay` parameter: percent-encoded JSON with pinned, trashed, tags, note, position,
 * usage counts and the chosen icon. The encrypted export is a JSON wrapper around that text:
 * Argon2id (libsodium crypto_pwhash with the file's memLimit/opsLimit) and a one-message
 * secretstream (XChaCha20-Poly1305).
 */
import { err, ok, type Result } from '../../result';
import { fromUtf8 } from '../../bytes';
import { percentDecode } from '../../otp/uri';
import { isRecord, parseBoundedJson } from '../bounded-json';
import { finishImport, tooManyEntries, uriLabels, type ReadEntry } from './collect';
import { argon2idKey, base64Bytes } from './crypto-open';
import { entryFromUri, formEncodedQuery } from './entry';
import { field, isObject } from './input';
import {
  pullSingleMessage,
  SECRETSTREAM_ABYTES,
  SECRETSTREAM_HEADER_BYTES,
  SECRETSTREAM_TAG_FINAL,
  SECRETSTREAM_TAG_MESSAGE,
} from './secretstream';
import type { DroppedField, ImportError, ImportResult, Importer, ReadFile } from './types';

const CODE_DISPLAY = 'codedisplay';

/**
 * What Argon2id cost an encrypted export may ask for. Ente derives the key with
 * `deriveSensitiveKey`: libsodium's "sensitive" preset (memLimit 1 GiB, opsLimit 4; phones
 * start at 256 MiB and 16), and on a device that cannot afford it, half the memory and twice the
 * passes, again and again, so that memLimit × opsLimit stays 4 GiB. So no export Ente writes asks
 * for more than 1 GiB or more than that product, and a file that does is crafted: refused before
 * any derivation. The floor is libsodium's own (crypto_pwhash_MEMLIMIT_MIN, OPSLIMIT_MIN).
 */
export const ENTE_KDF_LIMITS = {
  minMemLimit: 8192,
  maxMemLimit: 1024 ** 3,
  minOpsLimit: 1,
  maxMemTimesOps: 4 * 1024 ** 3,
} as const;

const SALT_BYTES = 16;

/**
 * The tags the one message of an export may carry. Ente's exporter asks for FINAL
 * (`chachaEncryptData`), but real exports carry MESSAGE: the Ente Auth export in Authenticator
 * Pro's test suite (test/backup/import/fixtures/authenticator-pro-tests/ente.encrypted.json) does,
 * and Ente's own import never looks at the tag (`chachaDecryptData`). Proton Authenticator's Ente
 * reader takes these two and no other; PUSH or REKEY on a file's only message is not an export.
 */
const EXPORT_TAGS: readonly number[] = [SECRETSTREAM_TAG_MESSAGE, SECRETSTREAM_TAG_FINAL];

interface EncryptedExport {
  readonly memLimit: number;
  readonly opsLimit: number;
  readonly salt: Uint8Array;
  readonly header: Uint8Array;
  readonly data: Uint8Array;
}

function isPlainExport(text: string | null): text is string {
  return text !== null && /^otpauth:\/\//i.test(text.trimStart()) && /[?&]codeDisplay=/i.test(text);
}

function isEncryptedExport(json: unknown): boolean {
  return (
    isObject(json) &&
    Object.hasOwn(json, 'kdfParams') &&
    Object.hasOwn(json, 'encryptedData') &&
    Object.hasOwn(json, 'encryptionNonce')
  );
}

/**
 * Splits Ente's `codeDisplay` parameter off a URI, so that it does not land in `extra`. A link
 * with it was rewritten by Dart's `Uri.replace(queryParameters:)`, which writes a space in the
 * query as `+` (and a `+` as `%2B`), and Ente reads it back that way: so, in such a link, `+`
 * is read as a space (a note "Call Bob", an issuer "My Bank" only in the parameter).
 */
function splitCodeDisplay(uri: string): { uri: string; display: string | null } {
  const q = uri.indexOf('?');
  if (q < 0) return { uri, display: null };
  let display: string | null = null;
  const kept: string[] = [];
  for (const part of uri.slice(q + 1).split('&')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).toLowerCase() === CODE_DISPLAY) display = part.slice(eq + 1);
    else kept.push(part);
  }
  if (display === null) return { uri, display };
  return {
    uri: formEncodedQuery(`${uri.slice(0, q)}?${kept.join('&')}`),
    display: display.replaceAll('+', '%20'),
  };
}

/**
 * Ente's own reading of an `issuer` parameter that `period=` ran into (`issuer=Forgeperiod=30`,
 * with no `&` between): the service is what comes before `period=`, and no period is taken from
 * it (code.dart `_getIssuer`, ente-io/ente pull 77). Such links stay in Ente's store as first
 * saved and are exported as they are.
 */
function enteIssuer(uri: string): string {
  const q = uri.indexOf('?');
  if (q < 0) return uri;
  const parts = uri.slice(q + 1).split('&');
  const at = parts.findIndex((part) => /^issuer=/i.test(part));
  const value = at < 0 ? '' : percentDecode((parts[at] ?? '').slice('issuer='.length));
  const cut = value.indexOf('period=');
  if (cut < 0) return uri;
  parts[at] = `issuer=${encodeURIComponent(value.slice(0, cut))}`;
  return `${uri.slice(0, q + 1)}${parts.join('&')}`;
}

interface Display {
  readonly pinned: boolean;
  readonly trashed: boolean;
  readonly note: string;
  readonly tags: string[];
  readonly position: number;
  readonly dropped: DroppedField[];
}

/** Ente's CodeDisplay; a value it cannot read is taken as the defaults, as Ente does. */
function readDisplay(raw: string | null): Display {
  const parsed = raw === null ? null : parseBoundedJson(percentDecode(raw), 4);
  const json = parsed?.ok === true && isRecord(parsed.value) ? parsed.value : {};
  const get = (key: string): unknown => field(json, key);
  const tags = get('tags');
  const position = get('position');
  const iconSrc = get('iconSrc');
  const iconId = get('iconID');
  const dropped: DroppedField[] = [];
  if (typeof iconSrc === 'string' && iconSrc !== '' && typeof iconId === 'string' && iconId !== '')
    dropped.push('icon');
  const used = (key: string): boolean => {
    const v = get(key);
    return typeof v === 'number' && v > 0;
  };
  if (used('tapCount') || used('lastUsedAt')) dropped.push('usage');
  const note = get('note');
  return {
    pinned: get('pinned') === true,
    trashed: get('trashed') === true,
    note: typeof note === 'string' ? note : '',
    tags: Array.isArray(tags)
      ? [...new Set(tags.filter((t): t is string => typeof t === 'string'))]
      : [],
    position: typeof position === 'number' && Number.isFinite(position) ? position : 0,
    dropped,
  };
}

function readLines(text: string, encrypted: boolean): Result<ImportResult, ImportError> {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  if (tooManyEntries(lines.length)) return err({ code: 'import_too_large' });
  const entries = lines.map((line): ReadEntry => {
    // Ente once wrote its enum's name (`algorithm=Algorithm.sha256`) into the links it made,
    // and its exporter strips it only since a later version (export_widget.dart).
    const written = line.trim().replace(/([?&]algorithm=)Algorithm\./i, '$1');
    const split = splitCodeDisplay(written);
    const uri = enteIssuer(split.uri);
    const display = split.display;
    const d = readDisplay(display);
    return {
      labels: uriLabels(uri),
      result: entryFromUri(uri, {
        note: d.note,
        pinned: d.pinned,
        trashed: d.trashed,
        tags: d.tags,
        dropped: d.dropped,
      }),
      order: [d.position],
    };
  });
  return finishImport('ente', encrypted, entries);
}

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

function readEncrypted(json: unknown): Result<EncryptedExport, ImportError> {
  const version = field(json, 'version');
  if (version !== 1) {
    return err({
      code: typeof version === 'number' ? 'import_version_unsupported' : 'import_damaged',
    });
  }
  const kdf = field(json, 'kdfParams');
  const memLimit = field(kdf, 'memLimit');
  const opsLimit = field(kdf, 'opsLimit');
  if (typeof memLimit !== 'number' || typeof opsLimit !== 'number')
    return err({ code: 'import_damaged' });
  const L = ENTE_KDF_LIMITS;
  if (
    !isCount(memLimit, L.minMemLimit, L.maxMemLimit) ||
    !isCount(opsLimit, L.minOpsLimit, L.maxMemTimesOps) ||
    memLimit * opsLimit > L.maxMemTimesOps
  ) {
    return err({ code: 'import_kdf_unsupported' });
  }
  const salt = base64Bytes(field(kdf, 'salt'), SALT_BYTES);
  const header = base64Bytes(field(json, 'encryptionNonce'), SECRETSTREAM_HEADER_BYTES);
  const data = base64Bytes(field(json, 'encryptedData'));
  if (salt === null || header === null || data === null || data.length < SECRETSTREAM_ABYTES)
    return err({ code: 'import_damaged' });
  return ok({ memLimit, opsLimit, salt, header, data });
}

async function decrypt(
  file: EncryptedExport,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  // crypto_pwhash gives Argon2id its memory in KiB (memLimit / 1024) and always one lane.
  const key = await argon2idKey(password, file.salt, {
    memoryKiB: Math.floor(file.memLimit / 1024),
    iterations: file.opsLimit,
    parallelism: 1,
  });
  if (key === null) return err({ code: 'import_kdf_unsupported' });
  const opened = pullSingleMessage(key, file.header, file.data);
  if (!opened.ok) {
    return err({
      code: opened.error === 'stream_forged' ? 'import_wrong_password' : 'import_damaged',
    });
  }
  if (!EXPORT_TAGS.includes(opened.value.tag)) return err({ code: 'import_damaged' });
  const text = fromUtf8(opened.value.message);
  return text === null ? err({ code: 'import_damaged' }) : readLines(text, true);
}

export const enteImporter: Importer = {
  format: 'ente',
  detect: (input) => isEncryptedExport(input.json) || isPlainExport(input.text),
  read(input): Promise<Result<ReadFile, ImportError>> {
    if (isEncryptedExport(input.json)) {
      const file = readEncrypted(input.json);
      if (!file.ok) return Promise.resolve(file);
      return Promise.resolve(
        ok({ kind: 'encrypted', format: 'ente', decrypt: (p) => decrypt(file.value, p) }),
      );
    }
    if (!isPlainExport(input.text)) return Promise.resolve(err({ code: 'import_unrecognised' }));
    const result = readLines(input.text, false);
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
