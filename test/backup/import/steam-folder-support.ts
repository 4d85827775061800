/**
 * Steam Desktop Authenticator and steamguard-cli folders for the tests, written the way the apps
 * write them: each `.maFile` is base64 of AES-256-CBC (PKCS#7) over the account's JSON, with a
 * per-file salt and IV kept in manifest.json. SDA's key (FileEncryptor.cs) is PBKDF2-HMAC-SHA1,
 * 50 000 rounds, 32 bytes, from node:crypto; steamguard-cli's Argon2idAes256 key is Argon2id v1.3
 * with the parameters its source gives, checked against that source's own test vectors.
 */
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import type { CompanionFile } from '../../../src/backup/import/read';
import { textBytes } from './support';

export interface SteamAccount {
  readonly name: string;
  /** The key as the file writes it (base64). */
  readonly secret: string;
  readonly revocation: string;
  /** Text: a SteamID64 is beyond what a JavaScript number holds exactly. */
  readonly steamId: string;
}

export const ALICE: SteamAccount = {
  name: 'alice_trades',
  secret: 'THIl8+Jl6ugxr8x0X6eRMg==',
  revocation: 'R54321',
  steamId: '76561198000000001',
};
export const BOB: SteamAccount = {
  name: 'bob_idles',
  secret: 'AAECAwQFBgcICQoLDA0ODxAREhM=',
  revocation: 'R11111',
  steamId: '76561198000000002',
};
export const CAROL: SteamAccount = {
  name: 'carol_cards',
  secret: 'q83vASNFZ4mrze8BI0VniavN7wE=',
  revocation: 'R98765',
  steamId: '76561198000000003',
};

/** steamguard-cli's Argon2idAes256 costs: its current source, and the builds that introduced it. */
export const ARGON2_CURRENT = { memoryKiB: 12 * 1024, parallelism: 12 } as const;
export const ARGON2_FIRST = { memoryKiB: 62_500, parallelism: 4 } as const;
export type Argon2Params = typeof ARGON2_CURRENT | typeof ARGON2_FIRST;

export type Sealing =
  | { readonly scheme: 'LegacySdaCompatible' }
  | { readonly scheme: 'Argon2idAes256'; readonly cost: Argon2Params };
export const LEGACY: Sealing = { scheme: 'LegacySdaCompatible' };

/** The `.maFile` JSON, with the fields SDA's SteamGuardAccount writes. */
export function maFileJson(account: SteamAccount): string {
  return JSON.stringify({
    shared_secret: account.secret,
    serial_number: '3513420981239087651',
    revocation_code: account.revocation,
    uri: 'otpauth://totp/Steam:x?secret=AAAA&issuer=Steam',
    server_time: 1700000000,
    account_name: account.name,
    token_gid: '2b1a9f4c7d3e5a60',
    identity_secret: 'dGhpcyBpcyBhIHRlc3Qgc3RyaW5n',
    secret_1: 'eWV0IGFub3RoZXIgdGVzdCBzdHJpbmc=',
    status: 1,
    device_id: 'android:9b2e0a5c-1f3d-4e6a-8b7c-0d1e2f3a4b5c',
    fully_enrolled: true,
    Session: { SteamID: Number(account.steamId), AccessToken: 'eyJ0eXAi' },
  });
}

export async function deriveKey(passkey: string, salt: Buffer, sealing: Sealing): Promise<Buffer> {
  if (sealing.scheme === 'LegacySdaCompatible')
    return pbkdf2Sync(passkey, salt, 50_000, 32, 'sha1');
  const key = await argon2id({
    password: passkey,
    salt,
    iterations: 3,
    memorySize: sealing.cost.memoryKiB,
    parallelism: sealing.cost.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(key);
}

export interface Sealed {
  readonly text: string;
  readonly salt: string;
  readonly iv: string;
}

export async function seal(plain: string, passkey: string, sealing: Sealing): Promise<Sealed> {
  const salt = randomBytes(sealing.scheme === 'LegacySdaCompatible' ? 8 : 16);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', await deriveKey(passkey, salt, sealing), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    text: sealed.toString('base64'),
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
  };
}

export const fileName = (account: SteamAccount) => `${account.steamId}.maFile`;

export interface Folder {
  readonly manifest: Uint8Array;
  readonly files: CompanionFile[];
}

/** SDA's maFiles folder (Manifest.cs: `encrypted`, entries with `encryption_iv`/`_salt`). */
export async function sdaFolder(
  accounts: readonly SteamAccount[],
  passkey: string | null,
): Promise<Folder> {
  const files: CompanionFile[] = [];
  const entries = [];
  for (const account of accounts) {
    const sealed = passkey === null ? null : await seal(maFileJson(account), passkey, LEGACY);
    files.push({
      name: fileName(account),
      bytes: textBytes(sealed === null ? maFileJson(account) : sealed.text),
    });
    entries.push({
      encryption_iv: sealed?.iv ?? null,
      encryption_salt: sealed?.salt ?? null,
      filename: fileName(account),
      steamid: Number(account.steamId),
    });
  }
  const manifest = {
    encrypted: passkey !== null,
    first_run: false,
    entries,
    periodic_checking: false,
    periodic_checking_interval: 5,
    periodic_checking_checkall: false,
    auto_confirm_market_transactions: false,
    auto_confirm_trades: false,
  };
  return { manifest: textBytes(JSON.stringify(manifest)), files };
}

/** steamguard-cli's folder, manifest version 1: `encryption: { iv, salt, scheme }` per entry. */
export async function cliFolder(
  accounts: readonly SteamAccount[],
  passkey: string,
  sealing: Sealing,
): Promise<Folder> {
  const files: CompanionFile[] = [];
  const entries = [];
  for (const account of accounts) {
    const sealed = await seal(maFileJson(account), passkey, sealing);
    files.push({ name: `${account.name}.maFile`, bytes: textBytes(sealed.text) });
    entries.push({
      filename: `${account.name}.maFile`,
      steam_id: Number(account.steamId),
      account_name: account.name,
      encryption: { iv: sealed.iv, salt: sealed.salt, scheme: sealing.scheme },
    });
  }
  return { manifest: textBytes(JSON.stringify({ version: 1, entries })), files };
}

/** Steam's 5-character code for a base64 key at `ms` (RFC 6238 steps, Steam's alphabet). */
export function steamCode(secret: string, ms: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(ms / 30_000)));
  const mac = createHmac('sha1', Buffer.from(secret, 'base64')).update(counter).digest();
  let value = mac.readUInt32BE(mac[19]! & 0xf) & 0x7fffffff;
  const alphabet = '23456789BCDFGHJKMNPQRTVWXY';
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += alphabet[value % alphabet.length];
    value = Math.floor(value / alphabet.length);
  }
  return code;
}
