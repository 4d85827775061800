import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { totpAuthenticatorImporter } from '../../../src/backup/import/totp-authenticator';
import { importInput } from '../../../src/backup/import/input';
import { describeWithShared } from '../../support/shared';
import { expectAccounts, fixtureAccount, type Expected } from './fixture-accounts';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

const DIR = 'samples/other-aegis-fixtures';

/**
 * The app lower-cased the account names, and keeps no algorithm (SHA-1 is what it computes):
 * the digits and period it stored from each link are kept.
 */
const SAMPLE: Expected[] = [
  fixtureAccount('Deno', { account: 'mason' }),
  fixtureAccount('SPDX', { account: 'james', algorithm: 'SHA1' }),
  fixtureAccount('Airbnb', { account: 'elijah', algorithm: 'SHA1' }),
];

function account(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountHeaderLabel: '',
    allowNotifications: false,
    base: 16,
    digits: '6',
    fileName: '',
    iconLabel: '',
    iconPath: '',
    isFavorite: false,
    issuer: 'Deno',
    key: 'E49270F0D21F365C8408F8B475C5267C',
    name: 'mason',
    period: '30',
    setIconFromDrawable: true,
    source: 0,
    ...fields,
  };
}

/** A backup as the app writes it: base64 of AES-256-CBC(SHA-256(password), zero IV). */
function backup(content: unknown, password = 'Testtest1'): Uint8Array {
  const plain = typeof content === 'string' ? content : JSON.stringify(content);
  const key = createHash('sha256').update(password, 'utf8').digest();
  const cipher = createCipheriv('aes-256-cbc', key, Buffer.alloc(16));
  return textBytes(
    Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64'),
  );
}

function listBackup(list: unknown[], password?: string): Uint8Array {
  return backup({ [JSON.stringify(list)]: '1608293023' }, password);
}

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

describeWithShared('TOTP Authenticator samples', () => {
  it('reads the encrypted backup: every field of every account', async () => {
    const bytes = sampleBytes(`${DIR}/totp_authenticator.bin`);
    const result = unwrap(await readWith(totpAuthenticatorImporter, bytes, 'Testtest1'));
    expect(result.format).toBe('totp_authenticator');
    expect(result.encrypted).toBe(true);
    expect(result.refused).toEqual([]);
    expectAccounts(result, SAMPLE);
    expect(await errorOf(bytes, 'testtest1')).toBe('import_wrong_password_or_steam_encrypted');
    expect(await errorOf(bytes)).toBe('import_password_required');
  });

  it('reads the internal preferences: the same accounts as the backup', async () => {
    const xml = sampleBytes(`${DIR}/totp_authenticator_internal.xml`);
    const result = unwrap(await readWith(totpAuthenticatorImporter, xml));
    expect(result.format).toBe('totp_authenticator');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expectAccounts(result, SAMPLE);
    const bin = unwrap(
      await readDetected(sampleBytes(`${DIR}/totp_authenticator.bin`), 'Testtest1'),
    );
    expect(bin.accounts).toEqual(result.accounts);
  });

  it('is the importer detection chooses for both samples', async () => {
    for (const name of ['totp_authenticator.bin', 'totp_authenticator_internal.xml']) {
      const result = unwrap(await readDetected(sampleBytes(`${DIR}/${name}`), 'Testtest1'));
      expect(result.format, name).toBe('totp_authenticator');
    }
  });

  it('refuses truncated files with a code', async () => {
    const bin = sampleBytes(`${DIR}/totp_authenticator.bin`);
    for (const n of [0, 10, 100, 171]) {
      expect(await errorOf(bin.slice(0, n), 'Testtest1'), `cut at ${n}`).toBe(
        'import_unrecognised',
      );
    }
    // Whole blocks cut off the end: the padding no longer checks out.
    expect(await errorOf(bin.slice(0, 1024), 'Testtest1')).toBe(
      'import_wrong_password_or_steam_encrypted',
    );
    const xml = sampleBytes(`${DIR}/totp_authenticator_internal.xml`);
    const list = new TextDecoder().decode(xml).indexOf('STATIC_TOTP_CODES_LIST');
    expect(await errorOf(xml.slice(0, list + 200))).toBe('import_damaged');
  });

  it('survives fuzzing of the real samples', async () => {
    const seeds = ['totp_authenticator.bin', 'totp_authenticator_internal.xml'].map((n) =>
      sampleBytes(`${DIR}/${n}`),
    );
    await fuzzImporter(totpAuthenticatorImporter, seeds, { runs: 200, password: 'Testtest1' });
  });
});

describe('TOTP Authenticator accounts', () => {
  it('keeps names, favourites, headers, keys in every base; names icons', async () => {
    const result = unwrap(
      await readWith(
        totpAuthenticatorImporter,
        listBackup([
          account({ isFavorite: true, iconPath: '/data/icons/deno.png' }),
          account({ base: 32, key: '4SJHB4GSD43FZBAI7C2HLRJGPQ', accountHeaderLabel: 'Work' }),
          account({ base: 64, key: '5JJw8NIfNlyECPi0dcUmfA==', fileName: 'deno.png' }),
          JSON.stringify(account({ name: 'as text' })),
        ]),
        'Testtest1',
      ),
    );
    expect(result.refused).toEqual([]);
    expect(result.accounts.map((a) => [a.account, a.pinned, a.tags, a.dropped])).toEqual([
      ['mason', true, [], ['icon']],
      ['mason', false, ['Work'], []],
      ['mason', false, [], ['icon']],
      ['as text', false, [], []],
    ]);
    for (const a of result.accounts)
      expect(Buffer.from(a.secret).toString('hex')).toBe('e49270f0d21f365c8408f8b475c5267c');
  });

  it('refuses the accounts it cannot take, naming them and why', async () => {
    const result = unwrap(
      await readWith(
        totpAuthenticatorImporter,
        listBackup([
          account({ issuer: 'Base8', base: 8 }),
          account({ issuer: 'NoKey', key: undefined }),
          account({ issuer: 'BadHex', key: 'XYZ' }),
          account({ issuer: 'Digits', digits: '12' }),
          account({ issuer: 'Period', period: '0' }),
          'not json',
          account(),
        ]),
        'Testtest1',
      ),
    );
    expect(result.refused).toEqual([
      { index: 1, issuer: 'Base8', account: 'mason', reason: 'secret_invalid' },
      { index: 2, issuer: 'NoKey', account: 'mason', reason: 'secret_missing' },
      { index: 3, issuer: 'BadHex', account: 'mason', reason: 'secret_invalid' },
      { index: 4, issuer: 'Digits', account: 'mason', reason: 'digits_invalid' },
      { index: 5, issuer: 'Period', account: 'mason', reason: 'period_invalid' },
      { index: 6, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
    expectAccounts(result, [SAMPLE[0]!]);
  });

  it('reads the app’s "Unknown" issuer as none, then takes the service from the name', async () => {
    // The app writes "Unknown" when the user gave no issuer (Stratum's test export
    // totpauthenticator.encrypted.bin, read in authenticator-pro-tests.test.ts).
    const result = unwrap(
      await readWith(
        totpAuthenticatorImporter,
        listBackup([
          account({ issuer: 'Unknown', name: 'noissuer' }),
          account({ issuer: 'Unknown', name: 'GitHub:mason' }),
          account({ issuer: '', name: 'Deno: mason' }),
          account({ issuer: 'Deno', name: 'work:mason' }),
          account({ issuer: 'Unknown', name: 'Bad', base: 8 }),
        ]),
        'Testtest1',
      ),
    );
    expect(result.accounts.map((a) => [a.issuer, a.account])).toEqual([
      ['', 'noissuer'],
      ['GitHub', 'mason'],
      ['Deno', 'mason'],
      ['Deno', 'work:mason'],
    ]);
    expect(result.refused).toEqual([
      { index: 5, issuer: '', account: 'Bad', reason: 'secret_invalid' },
    ]);
  });

  it('opens a backup saved with the app’s built-in password, whatever password is typed', async () => {
    const bytes = listBackup([account()], 'TotpAuthenticator');
    expect(unwrap(await readDetected(bytes, 'anything')).accounts).toHaveLength(1);
  });

  it('says when the opened backup holds nothing, or is not a list', async () => {
    // A backup under 128 bytes is not taken for one (a lone base64 key is that short).
    expect(await errorOf(listBackup([]), 'Testtest1')).toBe('import_unrecognised');
    const time = 'x'.repeat(200);
    expect(await errorOf(backup({ '[]': time }), 'Testtest1')).toBe('import_empty');
    expect(await errorOf(backup(`{}${' '.repeat(200)}`), 'Testtest1')).toBe('import_empty');
    expect(await errorOf(backup({ notalist: time, '{}': 2 }), 'Testtest1')).toBe('import_damaged');
    expect(await errorOf(backup(`{"${'x'.repeat(200)}`), 'Testtest1')).toBe('import_damaged');
    expect(await errorOf(backup('x'.repeat(200)), 'Testtest1')).toBe(
      'import_wrong_password_or_steam_encrypted',
    );
    const many = Array.from({ length: 10_001 }, () => 'x');
    expect(await errorOf(listBackup(many), 'Testtest1')).toBe('import_too_large');
  });

  it('does not take a lone key, or other base64-looking text, for a backup', () => {
    const hex = 'E49270F0D21F365C8408F8B475C5267C'.repeat(8);
    const base32 = '4SJHB4GSD43FZBAI7C2HLRJGPQ======'.repeat(8);
    for (const text of [hex, base32, 'abcd'.repeat(10)]) {
      expect(totpAuthenticatorImporter.detect(importInput(textBytes(text))), text).toBe(false);
    }
  });

  it('reads escaped text in the preferences', async () => {
    const list = JSON.stringify([account({ issuer: 'A&B "C"' })])
      .replaceAll('&', '&amp;')
      .replaceAll('"', '&quot;');
    const xml = `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>
<map>
    <string name="DEFAULT_ENCRYPTION_KEY">secret</string>
    <string name="STATIC_TOTP_CODES_LIST">${list}</string>
</map>
`;
    const result = unwrap(await readWith(totpAuthenticatorImporter, textBytes(xml)));
    expect(result.accounts.map((a) => a.issuer)).toEqual(['A&B "C"']);
    expect(await errorOf(textBytes(xml.replace(/CODES_LIST">[^<]*/, 'CODES_LIST">{}')))).toBe(
      'import_damaged',
    );
  });
});
