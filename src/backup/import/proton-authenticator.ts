/**
 * Proton Authenticator (FORMATS.md §7.4; proton-pass-common `entry/exporter.rs`,
 * `password_exporter.rs`). Plain: `{version: 1, entries: [{id, content: {uri, entry_type, name},
 * note}]}`, where `uri` is an otpauth URI, or `steam://<base64 key>` for Steam entries, and `name`
 * is what the app shows as the account (the URI's label, or the Steam entry's name). Encrypted:
 * `{version: 1, salt, content}`, with Argon2id (19 MiB, t = 2, p = 1) and AES-256-GCM whose
 * associated data names the export format.
 */
import { err, ok, type Result } from '../../result';
import { fromUtf8, utf8 } from '../../bytes';
import { parseBoundedJson } from '../bounded-json';
import { finishImport, tooManyEntries, uriLabels, type ReadEntry } from './collect';
import { argon2idKey, base64Bytes, openAesGcm } from './crypto-open';
import { steamKeySource } from '../../otp/steam-link';
import { entryFromFields, entryFromUri, formEncodedQuery } from './entry';
import { field, IMPORT_LIMITS, isObject, stringField } from './input';
import type { ImportError, ImportResult, Importer, ReadFile } from './types';

/** Fixed by the app (password_exporter.rs): nothing in the file can raise them. */
const KDF = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } as const;
const AAD = utf8('proton.authenticator.export.v1');
const SALT_BYTES = 16;
const NONCE_BYTES = 12;

function isPlain(json: unknown): boolean {
  const entries = field(json, 'entries');
  if (!Array.isArray(entries) || !Object.hasOwn(json as object, 'version')) return false;
  const first: unknown = entries[0];
  return entries.length === 0 || typeof field(field(first, 'content'), 'uri') === 'string';
}

function isEncrypted(json: unknown): boolean {
  return (
    isObject(json) &&
    Object.hasOwn(json, 'version') &&
    typeof json.salt === 'string' &&
    typeof json.content === 'string' &&
    !Object.hasOwn(json, 'entries')
  );
}

/**
 * `steam://<key>`: standard base64 (SteamTotp::uri in proton-pass-common), or base32 when the key
 * came to Proton as base32 (from Bitwarden): steamKeySource tells a 20-byte key's form.
 */
function steamKey(uri: string): string | null {
  const m = /^steam:\/\/([^?#]*)/i.exec(uri.trim());
  return m ? (m[1] ?? '') : null;
}

function readEntry(entry: unknown): ReadEntry {
  const content = field(entry, 'content');
  const uri = stringField(content, 'uri');
  const name = stringField(content, 'name');
  const note = stringField(entry, 'note') ?? '';
  if (uri === undefined) {
    return { labels: { account: name }, result: err({ reason: 'entry_invalid' }) };
  }
  const steam = steamKey(uri);
  if (steam !== null) {
    // Proton shows every Steam entry under the issuer "Steam" (AuthenticatorEntry::issuer).
    const labels = { issuer: 'Steam', account: name };
    return {
      labels,
      result: entryFromFields({
        ...labels,
        type: 'steam',
        secret: steamKeySource(steam, { base64: steam }),
        note,
      }),
    };
  }
  // The app writes its links with Rust's `query_pairs_mut` (a space in the query is `+`).
  const link = formEncodedQuery(uri);
  const labels = uriLabels(link);
  // `name` is the link's label, or its issuer when it has no label (exporter.rs): not an account.
  const account = /^otpauth:\/\/[^/?]*\/?(\?|$)/i.test(link.trim()) ? undefined : name;
  return {
    labels: { issuer: labels.issuer, account: account ?? labels.account },
    result: entryFromUri(link, { account, note }),
  };
}

function readPlain(json: unknown, encrypted: boolean): Result<ImportResult, ImportError> {
  const version = field(json, 'version');
  if (version !== 1) {
    return err({
      code: typeof version === 'number' ? 'import_version_unsupported' : 'import_damaged',
    });
  }
  const entries = field(json, 'entries');
  if (!Array.isArray(entries)) return err({ code: 'import_damaged' });
  if (tooManyEntries(entries.length)) return err({ code: 'import_too_large' });
  return finishImport('proton_authenticator', encrypted, entries.map(readEntry));
}

async function decrypt(
  salt: Uint8Array,
  sealed: Uint8Array,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  const key = await argon2idKey(password, salt, KDF);
  if (key === null) return err({ code: 'import_damaged' });
  const opened = openAesGcm(
    key,
    sealed.subarray(0, NONCE_BYTES),
    sealed.subarray(NONCE_BYTES),
    AAD,
  );
  if (opened === null) return err({ code: 'import_wrong_password' });
  const text = fromUtf8(opened);
  const json = text === null ? null : parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
  if (json?.ok !== true || !isPlain(json.value)) return err({ code: 'import_damaged' });
  return readPlain(json.value, true);
}

function readEncrypted(json: unknown): Result<ReadFile, ImportError> {
  const version = field(json, 'version');
  if (version !== 1) {
    return err({
      code: typeof version === 'number' ? 'import_version_unsupported' : 'import_damaged',
    });
  }
  const salt = base64Bytes(field(json, 'salt'), SALT_BYTES);
  const sealed = base64Bytes(field(json, 'content'));
  if (salt === null || sealed === null || sealed.length < NONCE_BYTES + 16)
    return err({ code: 'import_damaged' });
  return ok({
    kind: 'encrypted',
    format: 'proton_authenticator',
    decrypt: (password) => decrypt(salt, sealed, password),
  });
}

export const protonAuthenticatorImporter: Importer = {
  format: 'proton_authenticator',
  detect: (input) => isPlain(input.json) || isEncrypted(input.json),
  read(input): Promise<Result<ReadFile, ImportError>> {
    if (isEncrypted(input.json)) return Promise.resolve(readEncrypted(input.json));
    const result = readPlain(input.json, false);
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
