/**
 * Zoho Vault's CSV export, built with the header and row shape of Bitwarden's Zoho Vault test
 * data (`spec-data/zohovault`: every header quoted, `SecretData` as `Name:value` lines ending in
 * a line break, the code as `otpauth://totp?secret=…` without a label, the older `login_totp`).
 */
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { zohoVaultImporter as zoho } from '../../../src/backup/import/zoho-vault';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';
import { PLAIN, view } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const HEADER =
  '"Password Name","Description","Password URL","SecretData","Notes","CustomData","Tags","Classification","Favorite","TOTP","Folder Name"';
const secret = (user: string, password: string): string =>
  `"SecretType:Web Account\nUser Name:${user}\nPassword:${password}\n"`;

const CSV = [
  HEADER,
  `XYZ Test,,https://abc.xyz.de:5001/#/login,${secret('email@domain.de', 'PcY_IQ')},,"",,E,0,otpauth://totp?secret=${KEY}&algorithm=SHA1&period=30&digits=6,folderName`,
  `No code,,https://a.example,${secret('a', 'b')},,"",,E,0,,`,
  `GitHub,dev,https://github.com,${secret('octocat', 'pw')},"two\nlines","PIN:1234","work,dev",E,1,otpauth://totp/GitHub:octo?secret=${KEY}&issuer=GitHub,Code`,
  `Broken,,,${secret('eve', '')},,"",,E,0,otpauth://totp?secret=PI2XO5TW0DF0SHTY,`,
].join('\n');

describe('Zoho Vault CSV', () => {
  it('reads the rows with a code: names from SecretData, folder and tags, favourite', async () => {
    const result = unwrap(await readDetected(textBytes(CSV)));
    expect(result.format).toBe('zoho_vault');
    expect(result.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'XYZ Test',
        account: 'email@domain.de',
        tags: ['folderName'],
        sites: ['https://abc.xyz.de:5001/#/login'],
        dropped: ['login_fields'],
      },
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'GitHub',
        account: 'octo',
        note: 'two\nlines',
        pinned: true,
        tags: ['Code', 'work', 'dev'],
        sites: ['https://github.com'],
        dropped: ['login_fields', 'custom_fields'],
      },
    ]);
    expect(result.accounts.map((a) => codeOf(a))).toEqual(['324550', '324550']);
    // Zoho's own sample key has a 0 in it, which base32 has not.
    expect(result.refused).toEqual([
      { index: 4, issuer: 'Broken', account: 'eve', reason: 'secret_invalid' },
    ]);
  });

  it('reads the older login_totp column and the Secret Name columns', async () => {
    const old = [
      '"Secret Name","Description","Secret URL","SecretData","Notes","CustomData","Tags","Classification","Favorite","login_totp","Folder Name"',
      `Legacy,,https://legacy.example,${secret('legacy@domain.de', 'x')},,"",,E,0,otpauth://totp?secret=${KEY}&algorithm=SHA1&period=30&digits=6,`,
    ].join('\n');
    const result = unwrap(await readDetected(textBytes(old)));
    expect(result.accounts.map((a) => [a.issuer, a.account, a.sites, codeOf(a)])).toEqual([
      ['Legacy', 'legacy@domain.de', ['https://legacy.example'], '324550'],
    ]);
  });

  it('is chosen over the generic CSV of links; other CSV is left alone', () => {
    const input = importInput(textBytes(CSV));
    expect(zoho.detect(input)).toBe(true);
    for (const other of [
      'name,url\nA,otpauth://totp/A?secret=' + KEY,
      '"Password Name","URL"\nA,B',
    ]) {
      expect(zoho.detect(importInput(textBytes(other)))).toBe(false);
    }
  });

  it('says an export without codes is empty, and bounds their number', async () => {
    const plain = [HEADER, `A,,,${secret('a', 'b')},,"",,E,0,,`].join('\n');
    expect(await readDetected(textBytes(plain))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
    const many = [HEADER].concat(Array(10_001).fill(`A,,,,,,,,,${KEY},`)).join('\n');
    expect(await readDetected(textBytes(many))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('survives mutations of the export', async () => {
    await fuzzImporter(zoho, [textBytes(CSV)], { runs: 200 });
  });
});
