/**
 * steamguard-cli's test files (fixtures/other-projects/steamguard-cli, PROVENANCE.md), read through
 * the detection every import uses. `winauth-exports.txt` is the WinAuth export steamguard-cli's
 * `parse_winauth_exports` (src/accountmanager/winauth.rs) reads: per line an `otpauth://totp/Steam:…`
 * link whose `data` parameter holds the Steam account's JSON. steamguard-cli takes each account
 * from that JSON only (its comment calls the link's `secret` "dunno what for"): in this file the
 * link says `secret=ASDF` (20 bits, no key) while `data` holds the account's `shared_secret`,
 * `account_name` and `revocation_code`, the values its maFile tests assert for the same accounts
 * (`example` R12345, `example2` R56789, shared secret zvIayp3JPvtvX/QGHqsqKBk/44s=).
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImportFiles } from '../../../src/backup/import/read';
import type { ImportedAccount, ImportError, ImportResult } from '../../../src/backup/import/types';
import type { Result } from '../../../src/result';
import { FIXTURE_TIME } from './fixture-accounts';
import { fieldsOf } from './account-fields';
import { readDetected, unwrap } from './support';

function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`fixtures/other-projects/${path}`, import.meta.url)));
}

/** zvIayp3JPvtvX/QGHqsqKBk/44s= (base64, as `data` and the maFiles give it) in base32. */
const SHARED_SECRET = 'Z3ZBVSU5ZE7PW3276QDB5KZKFAMT7Y4L';

/** Steam Guard, computed here: HOTP's truncation, then five characters of Steam's alphabet. */
function referenceSteam(base64: string, iso: string): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(Math.floor(Date.parse(iso) / 1000 / 30)));
  const mac = createHmac('sha1', Buffer.from(base64, 'base64')).update(message).digest();
  let value = mac.readUInt32BE(mac[19]! & 0xf) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += '23456789BCDFGHJKMNPQRTVWXY'[value % 26];
    value = Math.floor(value / 26);
  }
  return code;
}

function steamRow(account: string, revocationCode: string): Record<string, unknown> {
  return {
    type: 'steam',
    secret: SHARED_SECRET,
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
    issuer: 'Steam',
    account,
    note: '',
    pinned: false,
    tags: [],
    sites: [],
    trashed: false,
    // identity_secret, device_id and the saved login in `data`: Otter makes codes only.
    dropped: ['steam_confirmation'],
    extra: {},
    code: referenceSteam('zvIayp3JPvtvX/QGHqsqKBk/44s=', FIXTURE_TIME),
    revocationCode,
  };
}

function rowOf(account: ImportedAccount): Record<string, unknown> {
  return { ...fieldsOf(account), revocationCode: account.revocationCode };
}

/** steamguard-cli's maFiles folder chosen whole: manifest.json and the files beside it. */
async function readFolder(
  folder: string,
  passkey?: string,
): Promise<Result<ImportResult, ImportError>> {
  const names = ['1234.maFile', '1234.maFile.bak', 'manifest.json.bak'];
  const read = await readImportFiles(
    fixture(`${folder}/manifest.json`),
    names.map((name) => ({ name, bytes: fixture(`${folder}/${name}`) })),
  );
  if (!read.ok || read.value.kind === 'plain' || passkey === undefined) {
    return read.ok && read.value.kind === 'plain'
      ? { ok: true, value: read.value.result }
      : { ok: false, error: read.ok ? { code: 'import_password_required' } : read.error };
  }
  return read.value.decrypt(passkey);
}

describe('dyc3/steamguard-cli test files', () => {
  // manifest-v1/1-account-encrypted, as steamguard-cli's repository holds it: the manifest (version
  // 1, LegacySdaCompatible), the account's file sealed with the passkey `password`, and the `.bak`
  // copies its migration (migrate.rs, backup_file) leaves of the manifest and the file beside
  // them. steamguard-cli reads the files its manifest names, nothing else: one account, `example`.
  it('reads its encrypted folder (manifest version 1) to the one account, leaving the .bak copies aside', async () => {
    const folder = 'steamguard-cli/manifest-v1-1-account-encrypted';
    expect(await readFolder(folder)).toEqual({
      ok: false,
      error: { code: 'import_password_required' },
    });
    expect(await readFolder(folder, 'passw0rd')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
    const result = unwrap(await readFolder(folder, 'password'));
    expect([result.format, result.encrypted]).toEqual(['steam', true]);
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(rowOf)).toEqual([steamRow('example', 'R12345')]);
  });

  it('reads its WinAuth export by the Steam account in each link’s data, not the link’s stand-in secret', async () => {
    const result = unwrap(await readDetected(fixture('steamguard-cli/winauth-exports.txt')));
    expect([result.format, result.encrypted]).toEqual(['winauth', false]);
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(rowOf)).toEqual([
      steamRow('example', 'R12345'),
      steamRow('example2', 'R56789'),
    ]);
  });
});
