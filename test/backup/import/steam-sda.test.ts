/**
 * What Steam Desktop Authenticator leaves beside its accounts, which is not an account: its
 * manifest.json, and a `.maFile` encrypted with a passkey (whose salt and IV are in that
 * manifest). Both are files people pick; both must say what they are and what to do instead.
 */
import { createCipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src/backup/import/read';
import { steamImporter } from '../../../src/backup/import/steam';
import { fuzzImporter, readDetected, textBytes, unwrap } from './support';

/** SDA's manifest.json as Manifest.cs serialises it (Newtonsoft, one line). */
function sdaManifest(encrypted: boolean, count = 2): Record<string, unknown> {
  return {
    encrypted,
    first_run: false,
    entries: Array.from({ length: count }, (_, i) => ({
      encryption_iv: encrypted ? randomBytes(16).toString('base64') : null,
      encryption_salt: encrypted ? randomBytes(8).toString('base64') : null,
      filename: `7656119800000000${i}.maFile`,
      steamid: 76561198000000000 + i,
    })),
    periodic_checking: false,
    periodic_checking_interval: 5,
    periodic_checking_checkall: false,
    auto_confirm_market_transactions: false,
    auto_confirm_trades: false,
  };
}

/** steamguard-cli's manifest (version 1): `steam_id`, and an `encryption` object or null. */
function cliManifest(encrypted: boolean): Record<string, unknown> {
  return {
    version: 1,
    entries: [
      {
        filename: 'gamer.maFile',
        steam_id: 76561198000000000,
        account_name: 'gamer',
        encryption: encrypted
          ? { iv: 'AAAAAAAAAAAAAAAAAAAAAA==', salt: 'AAAAAAAAAAA=', encryption_scheme: 'legacy' }
          : null,
      },
    ],
    keyring_id: null,
  };
}

/** A `.maFile` SDA encrypted (FileEncryptor.cs): base64 of AES-256-CBC, PBKDF2-SHA1 × 50 000. */
function encryptedMaFile(passkey: string): Uint8Array {
  const account = {
    shared_secret: 'THIl8+Jl6ugxr8x0X6eRMg==',
    serial_number: '3513420981239087651',
    revocation_code: 'R54321',
    account_name: 'sophia_k',
    identity_secret: 'dGhpcyBpcyBhIHRlc3Qgc3RyaW5n',
    device_id: 'android:9b2e0a5c-1f3d-4e6a-8b7c-0d1e2f3a4b5c',
    fully_enrolled: true,
    Session: { SteamID: 76561198000000000 },
  };
  const key = pbkdf2Sync(passkey, randomBytes(8), 50_000, 32, 'sha1');
  const cipher = createCipheriv('aes-256-cbc', key, randomBytes(16));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(account), 'utf8'), cipher.final()]);
  return textBytes(sealed.toString('base64'));
}

/** A TOTP Authenticator backup of one account (totp-authenticator.ts describes the format). */
function totpAuthenticatorBackup(password: string): Uint8Array {
  const entry = {
    base: 16,
    key: 'E49270F0D21F365C8408F8B475C5267C',
    issuer: 'Deno',
    name: 'mason',
    digits: '6',
    period: '30',
  };
  const plain = JSON.stringify({ [JSON.stringify([entry])]: '1608293023' });
  const key = createHash('sha256').update(password, 'utf8').digest();
  const cipher = createCipheriv('aes-256-cbc', key, Buffer.alloc(16));
  return textBytes(Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64'));
}

function json(value: unknown): Uint8Array {
  return textBytes(JSON.stringify(value));
}

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

describe('Steam Desktop Authenticator manifest.json', () => {
  it('says it holds no keys, and whether the .maFile files are encrypted', async () => {
    expect(await errorOf(json(sdaManifest(false)))).toBe('import_steam_manifest');
    expect(await errorOf(json(sdaManifest(true)))).toBe('import_steam_manifest_encrypted');
    // Before any account is added, SDA writes the flag beside an empty list.
    expect(await errorOf(json(sdaManifest(false, 0)))).toBe('import_steam_manifest');
  });

  it('says the same of steamguard-cli’s manifest', async () => {
    expect(await errorOf(json(cliManifest(false)))).toBe('import_steam_manifest');
    expect(await errorOf(json(cliManifest(true)))).toBe('import_steam_manifest_encrypted');
  });

  it('leaves other JSON with `entries` to the others', () => {
    for (const other of [
      { entries: [] },
      { entries: [{ filename: 'x.maFile' }] },
      { entries: [{ steamid: 1 }] },
      { entries: [{ filename: 'x.maFile', steamid: 1 }, 7] },
      { version: 1, entries: [{ content: { uri: 'otpauth://totp/x?secret=JBSWY3DP' } }] },
    ]) {
      const bytes = json(other);
      expect(steamImporter.detect({ bytes, text: '', json: other, zip: null })).toBe(false);
    }
  });

  it('survives fuzzing of both manifests', async () => {
    await fuzzImporter(steamImporter, [json(sdaManifest(true)), json(cliManifest(false))], {
      runs: 150,
    });
  });
});

describe('an encrypted Steam Desktop Authenticator .maFile', () => {
  it('is offered as TOTP Authenticator or SDA, since nothing but a key tells them apart', async () => {
    for (const bytes of [encryptedMaFile('passkey'), totpAuthenticatorBackup('Testtest1')]) {
      const read = unwrap(await readImportFile(bytes));
      expect(read).toMatchObject({ kind: 'encrypted', format: 'totp_authenticator_or_steam' });
    }
  });

  it('says for any password, its own passkey too, that it may be an encrypted SDA file', async () => {
    const maFile = encryptedMaFile('passkey');
    for (const password of ['passkey', 'Testtest1', 'TotpAuthenticator']) {
      expect(await errorOf(maFile, password), password).toBe(
        'import_wrong_password_or_steam_encrypted',
      );
    }
    expect(await errorOf(maFile)).toBe('import_password_required');
  });

  it('still opens a TOTP Authenticator backup, as that app’s', async () => {
    const backup = totpAuthenticatorBackup('Testtest1');
    const result = unwrap(await readDetected(backup, 'Testtest1'));
    expect(result).toMatchObject({ format: 'totp_authenticator', encrypted: true, refused: [] });
    expect(result.accounts.map((a) => a.issuer)).toEqual(['Deno']);
    expect(await errorOf(backup, 'testtest1')).toBe('import_wrong_password_or_steam_encrypted');
  });
});
