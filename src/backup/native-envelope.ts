/**
 * The encrypted envelope of a native backup (docs/backup-format.md): a UTF-8 JSON file whose
 * header says how to derive the key, and whose payload is opaque bytes (native-content.ts gives
 * them meaning).
 *
 * Password → Argon2id → key-encryption key, which unwraps a random 256-bit content key (AES-GCM),
 * which opens the payload (AES-GCM). Both seals authenticate the same AAD, built from every header
 * field. The two layers tell a wrong password (the wrap fails) from a damaged payload (the wrap
 * opens, the payload does not); the CRC-32 tells accidental damage anywhere from a wrong password
 * before any key is derived. Everything is checked before it is used (native-parse.ts): size
 * before parsing, KDF bounds before deriving.
 */
import { importAesKey, KEY_BYTES, open, seal, TAG_BYTES } from '../crypto/aead';
import { toBase64, utf8 } from '../bytes';
import { deriveKey, PASSPHRASE_KDF, SALT_BYTES, type Argon2Params } from '../crypto/kdf';
import { randomBytes } from '../crypto/random';
import { err, ok, type Result } from '../result';
import { backupError, type BackupError } from './backup-errors';
import { BACKUP_LIMITS } from './limits';
import {
  aadText,
  BACKUP_CIPHER,
  BACKUP_CONTENT_VERSION,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  checksum,
  headerFields,
  type TOP_KEYS,
  type BackupHeader,
  type KdfCost,
} from './native-layout';
import { parseEnvelope } from './native-parse';

/** Slack for the header around the payload's base64, when estimating a file's size up front. */
const HEADER_ALLOWANCE = 1024;

export async function sealEnvelope(
  plaintext: Uint8Array,
  password: string,
  cost: KdfCost = PASSPHRASE_KDF,
): Promise<Result<string, BackupError>> {
  if (password === '') return err(backupError('backup_password_empty'));
  const estimate = 4 * Math.ceil((plaintext.length + TAG_BYTES) / 3) + HEADER_ALLOWANCE;
  if (estimate > BACKUP_LIMITS.maxFileChars) return err(backupError('backup_too_large'));
  const kdf: Argon2Params = {
    alg: 'argon2id',
    version: 19,
    memoryKiB: cost.memoryKiB,
    iterations: cost.iterations,
    parallelism: cost.parallelism,
    salt: randomBytes(SALT_BYTES),
  };
  const kek = await deriveKey(password, kdf);
  if (!kek.ok) return err(backupError('backup_kdf_invalid'));

  const header = { version: BACKUP_VERSION, contentVersion: BACKUP_CONTENT_VERSION, kdf };
  const aad = aadText(headerFields(header));
  const aadBytes = utf8(aad);
  const contentKey = randomBytes(KEY_BYTES);
  const wrapped = await seal(await importAesKey(kek.value), contentKey, aadBytes);
  const payload = await seal(await importAesKey(contentKey), plaintext, aadBytes);
  contentKey.fill(0);
  kek.value.fill(0);

  const fields = [wrapped.iv, wrapped.data, payload.iv, payload.data].map(toBase64);
  const [wrappedIv = '', wrappedData = '', payloadIv = '', payloadData = ''] = fields;
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    contentVersion: BACKUP_CONTENT_VERSION,
    kdf: {
      name: kdf.alg,
      version: kdf.version,
      memoryKiB: kdf.memoryKiB,
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
      salt: toBase64(kdf.salt),
    },
    cipher: BACKUP_CIPHER,
    wrappedKey: { iv: wrappedIv, data: wrappedData },
    payload: { iv: payloadIv, data: payloadData },
    crc32: checksum(aad, fields),
  } satisfies Record<(typeof TOP_KEYS)[number], unknown>;
  const text = `${JSON.stringify(file, null, 2)}\n`;
  return text.length > BACKUP_LIMITS.maxFileChars ? err(backupError('backup_too_large')) : ok(text);
}

/** Reads and checks the header without the password (no key is derived). */
export function inspectEnvelope(text: string): Result<BackupHeader, BackupError> {
  const envelope = parseEnvelope(text);
  if (!envelope.ok) return envelope;
  const { version, contentVersion, kdf } = envelope.value;
  return ok({ version, contentVersion, kdf });
}

/** The payload's plaintext bytes, or why not. */
export async function openEnvelope(
  text: string,
  password: string,
): Promise<Result<{ header: BackupHeader; plaintext: Uint8Array }, BackupError>> {
  const parsed = parseEnvelope(text);
  if (!parsed.ok) return parsed;
  const envelope = parsed.value;
  // Nothing is ever sealed with an empty password; do not spend a derivation proving it.
  if (password === '') return err(backupError('backup_wrong_password'));
  const kek = await deriveKey(password, envelope.kdf);
  if (!kek.ok) return err(backupError('backup_kdf_invalid'));
  const aad = utf8(aadText(headerFields(envelope)));
  const contentKey = await open(await importAesKey(kek.value), envelope.wrappedKey, aad);
  kek.value.fill(0);
  // The CRC matched, so the header is as written: a failing wrap means another password.
  if (!contentKey.ok) return err(backupError('backup_wrong_password'));
  if (contentKey.value.length !== KEY_BYTES) return err(backupError('backup_damaged'));
  const plaintext = await open(await importAesKey(contentKey.value), envelope.payload, aad);
  contentKey.value.fill(0);
  if (!plaintext.ok) return err(backupError('backup_damaged'));
  const { version, contentVersion, kdf } = envelope;
  return ok({ header: { version, contentVersion, kdf }, plaintext: plaintext.value });
}
