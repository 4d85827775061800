/**
 * KeePass / KeePassXC databases (KDBX 4.x and 3.1), read with kdbxweb; Argon2 comes from
 * hash-wasm. A database is always encrypted, so reading it asks for the password.
 *
 * The header's key derivation settings are checked before anything is derived (they are in the
 * clear): a crafted file asking for gigabytes of Argon2 memory or billions of AES rounds is
 * refused as `import_kdf_unsupported` before the password is even asked for. The bounds are far
 * above what KeePass and KeePassXC write (KeePassXC: Argon2d, 64 MiB, about 10–40 iterations;
 * KeePass's "1 second delay" AES-KDF: tens of millions of rounds).
 *
 * Every entry with a one-time code (keepass-otp.ts) outside the Recycle Bin is an account; groups
 * become tags, Title/UserName stand in for a missing issuer/account, URL is a site, Notes the note.
 * Passwords, custom fields, attachments, icons and colours are named as dropped.
 */
import kdbxweb, { type Kdbx, type KdbxEntry, type KdbxGroup, type KdbxHeader } from 'kdbxweb';
import { argon2d, argon2id } from 'hash-wasm';
import { err, ok, type Result } from '../../result';
import { IMPORT_LIMITS } from './input';
import {
  accountFromSource,
  isOtpField,
  otpSource,
  type FieldReader,
  type OtpSource,
  withEntryNames,
} from './keepass-otp';
import { EntryCollector } from './otpauth-list';
import type { DroppedField, ImportError, ImportResult, Importer } from './types';

export const KEEPASS_KDF_LIMITS = {
  /** Argon2 memory: KeePassXC's default is 64 MiB; 1 GiB is as far as a browser worker goes. */
  maxArgon2MemoryKiB: 1024 * 1024,
  maxArgon2Iterations: 1000,
  maxArgon2Parallelism: 64,
  /** Memory × iterations (KiB): Argon2's cost. 8 GiB-passes is about 10 s in WebAssembly. */
  maxArgon2Work: 8 * 1024 * 1024,
  /** AES-KDF rounds (about 15 million a second through WebCrypto). */
  maxAesRounds: 300_000_000,
} as const;

/** `03 D9 A2 9A` then `67 FB 4B B5` (KDBX 2–4) or `65 FB 4B B5` (KeePass 1.x .kdb). */
const MAGIC = [0x03, 0xd9, 0xa2, 0x9a];
const KDBX = [0x67, 0xfb, 0x4b, 0xb5];
const KDB = [0x65, 0xfb, 0x4b, 0xb5];

function startsWith(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  return expected.every((b, i) => bytes[offset + i] === b);
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value instanceof kdbxweb.Int64) return value.value;
  return null;
}

/** The Argon2 bounds, for the header check and again in the implementation kdbxweb calls. */
function argon2Within(memoryKiB: number, iterations: number, parallelism: number): boolean {
  const l = KEEPASS_KDF_LIMITS;
  return (
    Number.isSafeInteger(memoryKiB) &&
    Number.isSafeInteger(iterations) &&
    Number.isSafeInteger(parallelism) &&
    parallelism >= 1 &&
    parallelism <= l.maxArgon2Parallelism &&
    iterations >= 1 &&
    iterations <= l.maxArgon2Iterations &&
    memoryKiB >= 8 * parallelism &&
    memoryKiB <= l.maxArgon2MemoryKiB &&
    memoryKiB * iterations <= l.maxArgon2Work
  );
}

kdbxweb.CryptoEngine.setArgon2Impl(
  async (password, salt, memory, iterations, length, parallelism, type, version) => {
    // hash-wasm computes Argon2 version 0x13 only; the header check refused 0x10 already.
    if (version !== 0x13 || !argon2Within(memory, iterations, parallelism)) {
      throw new kdbxweb.KdbxError(kdbxweb.Consts.ErrorCodes.Unsupported);
    }
    const options = {
      password: new Uint8Array(password),
      salt: new Uint8Array(salt),
      memorySize: memory,
      iterations,
      parallelism,
      hashLength: length,
      outputType: 'binary' as const,
    };
    const out =
      type === kdbxweb.CryptoEngine.Argon2TypeArgon2d
        ? await argon2d(options)
        : await argon2id(options);
    return out.slice().buffer;
  },
);

/** Checks the header's cipher and key derivation before any work; kdbxweb errors become codes. */
function checkHeader(buffer: ArrayBuffer): Result<void, ImportError> {
  let header: KdbxHeader;
  try {
    const context = new kdbxweb.KdbxContext({ kdbx: new kdbxweb.Kdbx() });
    header = kdbxweb.KdbxHeader.read(new kdbxweb.BinaryStream(buffer), context);
  } catch (e) {
    const version =
      e instanceof kdbxweb.KdbxError && e.code === kdbxweb.Consts.ErrorCodes.InvalidVersion;
    return err({ code: version ? 'import_version_unsupported' : 'import_damaged' });
  }
  const { CipherId, KdfId } = kdbxweb.Consts;
  const cipher = header.dataCipherUuid?.id;
  // Twofish and other plugin ciphers are not in kdbxweb.
  if (cipher !== CipherId.Aes && cipher !== CipherId.ChaCha20) {
    return err({ code: 'import_encryption_unsupported' });
  }
  if (header.versionMajor < 4) {
    const rounds = toNumber(header.keyEncryptionRounds);
    return rounds !== null && rounds >= 1 && rounds <= KEEPASS_KDF_LIMITS.maxAesRounds
      ? ok(undefined)
      : err({ code: 'import_kdf_unsupported' });
  }
  const params = header.kdfParameters;
  const uuid = params?.get('$UUID');
  if (params === undefined || !(uuid instanceof ArrayBuffer))
    return err({ code: 'import_damaged' });
  const kdf = kdbxweb.ByteUtils.bytesToBase64(uuid);
  if (kdf === KdfId.Aes) {
    const rounds = toNumber(params.get('R'));
    return rounds !== null && rounds >= 1 && rounds <= KEEPASS_KDF_LIMITS.maxAesRounds
      ? ok(undefined)
      : err({ code: 'import_kdf_unsupported' });
  }
  if (kdf !== KdfId.Argon2d && kdf !== KdfId.Argon2id) {
    return err({ code: 'import_encryption_unsupported' });
  }
  // A secret key or associated data would need something the user cannot type here.
  if (params.get('K') !== undefined || params.get('A') !== undefined || params.get('V') !== 0x13) {
    return err({ code: 'import_encryption_unsupported' });
  }
  const memoryBytes = toNumber(params.get('M'));
  const iterations = toNumber(params.get('I'));
  const parallelism = toNumber(params.get('P'));
  if (memoryBytes === null || iterations === null || parallelism === null) {
    return err({ code: 'import_damaged' });
  }
  return memoryBytes % 1024 === 0 && argon2Within(memoryBytes / 1024, iterations, parallelism)
    ? ok(undefined)
    : err({ code: 'import_kdf_unsupported' });
}

function fieldReader(entry: KdbxEntry): FieldReader {
  return (name) => {
    const value = entry.fields.get(name);
    return value === undefined ? undefined : typeof value === 'string' ? value : value.getText();
  };
}

const STANDARD_FIELDS = new Set(['Title', 'UserName', 'Password', 'URL', 'Notes']);

/** KeePassXC keeps extra URLs as `KP2A_URL`, `KP2A_URL_1`, … (Keepass2Android's names). */
const EXTRA_URL = /^KP2A_URL(_\d+)?$/;

interface Place {
  readonly group: KdbxGroup;
  /** Names of the groups from below the root down to this one. */
  readonly path: readonly string[];
}

interface Candidate {
  readonly entry: KdbxEntry;
  readonly path: readonly string[];
  readonly source: OtpSource;
}

function addAccount(
  { entry, path, source: stored }: Candidate,
  collector: EntryCollector,
): boolean {
  const get = fieldReader(entry);
  const title = get('Title')?.trim() ?? '';
  const userName = get('UserName')?.trim() ?? '';
  const dropped = new Set<DroppedField>();
  const sites: string[] = [];
  for (const [name, value] of entry.fields) {
    const text = typeof value === 'string' ? value : value.getText();
    if (EXTRA_URL.test(name) || name === 'URL') {
      if (text.trim() !== '') sites.push(text.trim());
    } else if (name === 'Password') {
      if (text !== '') dropped.add('login_fields');
    } else if (!STANDARD_FIELDS.has(name) && !isOtpField(name) && text !== '') {
      dropped.add('custom_fields');
    }
  }
  if (entry.binaries.size > 0) dropped.add('attachments');
  if (entry.customIcon !== undefined && !entry.customIcon.empty) dropped.add('icon');
  if ((entry.fgColor ?? '') !== '' || (entry.bgColor ?? '') !== '') dropped.add('colour');
  const tags = [...new Set([...path, ...entry.tags].map((t) => t.trim()).filter((t) => t !== ''))];
  const base = { note: get('Notes') ?? '', tags, sites };
  const source =
    stored.kind === 'uri'
      ? { kind: 'uri' as const, uri: withEntryNames(stored.uri, title, userName) }
      : stored;
  // The link's names win; Title and UserName stand in where it has none.
  const probe = accountFromSource(source, { ...base, dropped: [...dropped] });
  const issuer = probe.ok && probe.value.issuer !== '' ? probe.value.issuer : title;
  const account = probe.ok && probe.value.account !== '' ? probe.value.account : userName;
  // A user name that did not become the account is a login field Otter does not keep.
  if (userName !== '' && userName !== account) dropped.add('login_fields');
  const built = probe.ok
    ? accountFromSource(source, { ...base, issuer, account, dropped: [...dropped] })
    : probe;
  return collector.add(collector.count + 1, built, { issuer: title, account: userName });
}

/** The accounts of an opened database (exported for tests that build one in memory). */
export function keepassAccounts(db: Kdbx, encrypted = true): Result<ImportResult, ImportError> {
  const bin = db.meta.recycleBinEnabled === false ? undefined : db.meta.recycleBinUuid;
  const candidates: Candidate[] = [];
  // Depth-first in KeePass's order, without recursion (a deep tree cannot overflow the stack).
  const stack: Place[] = [...db.groups].reverse().map((group) => ({ group, path: [] }));
  while (stack.length > 0) {
    const place = stack.pop();
    if (place === undefined) break;
    const { group, path } = place;
    // Entries in the Recycle Bin (and its subgroups) are deleted, not accounts.
    if (bin !== undefined && !bin.empty && group.uuid.equals(bin)) continue;
    for (const entry of group.entries) {
      const source = otpSource(fieldReader(entry));
      if (source !== null) candidates.push({ entry, path, source });
    }
    // Known before any link is parsed: a database with more codes than any real export.
    if (candidates.length > IMPORT_LIMITS.maxEntries) return err({ code: 'import_too_large' });
    // The root group (named after the database) is no tag; every group below it is one.
    for (const child of [...group.groups].reverse()) {
      const name = child.name?.trim() ?? '';
      stack.push({ group: child, path: name === '' ? path : [...path, name] });
    }
  }
  const collector = new EntryCollector();
  for (const candidate of candidates) {
    if (!addAccount(candidate, collector)) return err({ code: 'import_too_large' });
  }
  return collector.result('keepass', encrypted);
}

function errorCode(e: unknown): ImportError['code'] {
  if (!(e instanceof kdbxweb.KdbxError)) return 'import_damaged';
  const codes = kdbxweb.Consts.ErrorCodes;
  if (e.code === codes.InvalidKey) return 'import_wrong_password';
  if (e.code === codes.InvalidVersion) return 'import_version_unsupported';
  if (e.code === codes.Unsupported) return 'import_encryption_unsupported';
  return 'import_damaged';
}

async function open(
  buffer: ArrayBuffer,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  let db: Kdbx;
  try {
    const credentials = new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(password));
    db = await kdbxweb.Kdbx.load(buffer.slice(0), credentials);
  } catch (e) {
    return err({ code: errorCode(e) });
  }
  return keepassAccounts(db);
}

export function isKeePassFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0, MAGIC) && (startsWith(bytes, 4, KDBX) || startsWith(bytes, 4, KDB));
}

export const keepassImporter: Importer = {
  format: 'keepass',
  detect: (input) => isKeePassFile(input.bytes),
  read(input) {
    // KeePass 1.x databases (.kdb) are a different format, which kdbxweb does not read.
    if (startsWith(input.bytes, 4, KDB))
      return Promise.resolve(err({ code: 'import_version_unsupported' }));
    const buffer = input.bytes.slice().buffer;
    const checked = checkHeader(buffer);
    if (!checked.ok) return Promise.resolve(checked);
    return Promise.resolve(
      ok({
        kind: 'encrypted',
        format: 'keepass',
        decrypt: (password: string) => open(buffer, password),
      }),
    );
  },
};

/**
 * KeePass 2's XML export (File → Export → KeePass XML (2.x); MacPass and KeePassXC's CLI write the
 * same): the database's own XML, protected values in the clear (`ProtectInMemory="True"`), no
 * password. Known by its root element; read as the database is.
 */
const KEEPASS_XML = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<KeePassFile[\s>]/;

export function isKeePassXml(text: string | null): text is string {
  return text !== null && KEEPASS_XML.test(text.slice(0, 4096));
}

export const keepassXmlImporter: Importer = {
  format: 'keepass',
  detect: (input) => input.zip === null && input.json === undefined && isKeePassXml(input.text),
  async read(input) {
    if (!isKeePassXml(input.text)) return err({ code: 'import_damaged' });
    let db: Kdbx;
    try {
      db = await kdbxweb.Kdbx.loadXml(input.text, new kdbxweb.Credentials(null));
    } catch (e) {
      return err({ code: errorCode(e) });
    }
    const result = keepassAccounts(db, false);
    return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
  },
};
