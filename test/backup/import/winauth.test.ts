/**
 * WinAuth exports. No real export is public, so the file is written here exactly as WinAuth's
 * `WinAuthAuthenticator.ToUrl` builds each line (`?secret=…&digits=N`, then issuer, algorithm,
 * serial / deviceid+data / counter, icon, period; form-encoded account and issuer, raw issuer
 * prefix, CRLF line ends) and as `ExportAuthenticators` zips it.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { winauthImporter } from '../../../src/backup/import/winauth';
import { describeWithShared } from '../../support/shared';
import { fieldsOf, plain } from './account-fields';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';
import { writeZip } from './winzip-aes-writer';

const KEY = 'JBSWY3DPEHPK3PXP';

const EXPORT = [
  `otpauth://totp/Google:john.doe%40gmail.com?secret=${KEY}&digits=6&issuer=Google`,
  `otpauth://totp/My Bank:john+smith?secret=${KEY}&digits=8&issuer=My+Bank&algorithm=SHA256&icon=base64%3aIVHE4RZNBIFAUAAAAAAAAAAAAAAAAAAA&period=60`,
  `otpauth://totp/Steam:gamer?secret=${KEY}&digits=5&issuer=Steam&deviceid=android%3a8f1e2d3c&data=%7b%22shared_secret%22%3a%22abc%22%7d`,
  `otpauth://totp/BattleNet:US-1234-5678-9012?secret=${KEY}&digits=8&issuer=BattleNet&serial=US123456789012&icon=BattleNetAuthenticator`,
  `otpauth://hotp/Work:alice?secret=${KEY}%3d%3d%3d%3d&digits=6&issuer=Work&counter=42`,
  `otpauth://totp/Just+a+label?secret=${KEY}&digits=6`,
  `otpauth://totp/Shop:a%2bb%40x.com?secret=${KEY}&digits=6&issuer=Shop`,
  `otpauth://totp/Games:alt?secret=${KEY}&digits=5&issuer=Games&deviceid=android%3a1&data=`,
].join('\r\n');

const ACCOUNTS = [
  plain({ issuer: 'Google', account: 'john.doe@gmail.com', secret: KEY, code: '324550' }),
  plain({
    issuer: 'My Bank',
    account: 'john smith',
    secret: KEY,
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    dropped: ['icon'],
    code: '71205722',
  }),
  plain({
    type: 'steam',
    issuer: 'Steam',
    account: 'gamer',
    secret: KEY,
    digits: 5,
    dropped: ['steam_confirmation'],
    code: '2KM2P',
  }),
  plain({
    issuer: 'BattleNet',
    account: 'US-1234-5678-9012',
    secret: KEY,
    digits: 8,
    extra: { serial: 'US123456789012' },
    dropped: ['icon'],
    code: '02324550',
  }),
  plain({
    type: 'hotp',
    issuer: 'Work',
    account: 'alice',
    secret: KEY,
    counter: 42,
    code: '090604',
  }),
  plain({ account: 'Just a label', secret: KEY, code: '324550' }),
  plain({ issuer: 'Shop', account: 'a+b@x.com', secret: KEY, code: '324550' }),
  // A renamed Steam authenticator: known by its Steam data.
  plain({
    type: 'steam',
    issuer: 'Games',
    account: 'alt',
    secret: KEY,
    digits: 5,
    dropped: ['steam_confirmation'],
    code: '2KM2P',
  }),
];

function zipOf(name: string, text: string): Uint8Array {
  return zipSync({ [name]: textBytes(text) });
}

/** Marks every entry as encrypted (general purpose flag bit 0), as a password-protected ZIP has it. */
function markEncrypted(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) out[i + 6] = (out[i + 6] ?? 0) | 1;
    if (signature === 0x02014b50) out[i + 8] = (out[i + 8] ?? 0) | 1;
  }
  return out;
}

describe('WinAuth text export', () => {
  it('reads every field of every account (Steam, Battle.net, HOTP, icons, form-encoding)', async () => {
    const result = unwrap(await readWith(winauthImporter, textBytes(EXPORT)));
    expect(result.format).toBe('winauth');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(fieldsOf)).toEqual(ACCOUNTS);
    expect(unwrap(await readDetected(textBytes(EXPORT))).format).toBe('winauth');
  });

  it('refuses a bad line by number and imports the rest', async () => {
    const text = `${EXPORT}\r\notpauth://totp/Bad:x?secret=11111111&digits=6&issuer=Bad\r\n`;
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.accounts).toHaveLength(ACCOUNTS.length);
    expect(result.refused).toEqual([
      { index: 9, issuer: 'Bad', account: 'x', reason: 'secret_invalid' },
    ]);
  });

  it('takes a Steam link’s key and revocation code from the account in its data', async () => {
    // `data` as WinAuth writes it: the form-encoded JSON of the Steam account (a .maFile's).
    const data = encodeURIComponent(
      JSON.stringify({ shared_secret: 'AAECAwQFBgcICQoLDA0ODxAREhM=', revocation_code: 'R01234' }),
    );
    const other = `otpauth://totp/Steam:gamer?secret=${KEY}&digits=5&issuer=Steam&deviceid=android%3a1&data=${data}`;
    const bare = `otpauth://totp/Steam:alt?secret=AB&issuer=Steam&data=${data}`;
    const result = unwrap(await readDetected(textBytes(`${other}\n${bare}`)));
    expect(result.format).toBe('winauth');
    expect(result.refused).toEqual([]);
    expect(result.accounts.map((a) => [a.account, a.revocationCode, fieldsOf(a).secret])).toEqual([
      ['gamer', 'R01234', 'AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT'],
      ['alt', 'R01234', 'AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT'],
    ]);
  });
});

describe('WinAuth ZIP export', () => {
  it('reads the text inside an unencrypted ZIP', async () => {
    const result = unwrap(await readDetected(zipOf('winauth-2024-05-01.txt', EXPORT)));
    expect(result.format).toBe('winauth');
    expect(result.accounts.map(fieldsOf)).toEqual(ACCOUNTS);
  });

  it('opens the ZIP WinAuth encrypts (ZipCrypto) with its password, and reads it as WinAuth', async () => {
    const encrypted = writeZip([
      {
        name: 'winauth-2024-05-01.txt',
        data: textBytes(EXPORT),
        deflate: true,
        zipCrypto: { password: 'pässword' },
      },
    ]);
    expect(await readDetected(encrypted)).toEqual({
      ok: false,
      error: { code: 'import_password_required' },
    });
    expect(await readDetected(encrypted, 'wrong')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
    const result = unwrap(await readDetected(encrypted, 'pässword'));
    expect(result.format).toBe('winauth');
    expect(result.encrypted).toBe(true);
    expect(result.accounts.map(fieldsOf)).toEqual(ACCOUNTS);
  });

  it('leaves encrypted ZIPs that are not named like its export, and other ZIPs, alone', () => {
    const other = markEncrypted(zipOf('Accounts.txt', EXPORT));
    expect(winauthImporter.detect(importInput(other))).toBe(false);
    // Its own, encrypted, is opened as a password-protected ZIP first (encrypted-zip.ts).
    const own = markEncrypted(zipOf('winauth-2024-05-01.txt', EXPORT));
    expect(winauthImporter.detect(importInput(own))).toBe(false);
    const notes = zipOf('notes.txt', 'shopping list\nmilk');
    expect(winauthImporter.detect(importInput(notes))).toBe(false);
    const two = zipSync({ 'a.txt': textBytes(EXPORT), 'b.txt': textBytes(EXPORT) });
    expect(winauthImporter.detect(importInput(two))).toBe(false);
  });

  it('survives random and mutated input', async () => {
    await fuzzImporter(winauthImporter, [textBytes(EXPORT), zipOf('winauth.txt', EXPORT)], {
      runs: 200,
    });
  });
});

describeWithShared('WinAuth: other apps', () => {
  it('does not take other apps’ link lists or ZIPs for WinAuth', () => {
    const aegis = importInput(sampleBytes('samples/otpauth-uri/aegis_plain.txt'));
    expect(winauthImporter.detect(aegis)).toBe(false);
    // Authenticator Plus: one encrypted Accounts.txt.
    const plus = importInput(sampleBytes('samples/other-aegis-fixtures/authenticator_plus.zip'));
    expect(winauthImporter.detect(plus)).toBe(false);
  });
});
