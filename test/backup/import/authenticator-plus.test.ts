import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { authenticatorPlusImporter } from '../../../src/backup/import/authenticator-plus';
import { describeWithShared } from '../../support/shared';
import { expectAccounts, fixtureAccount, FULL_SET } from './fixture-accounts';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';
import { writeZip } from './winzip-aes-writer';

const SAMPLE = 'samples/other-aegis-fixtures/authenticator_plus.zip';
const PASSWORD = 'testtesttest';

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

/**
 * ZipCrypto (APPNOTE §6.1, written by the test ZIP writer on its own, with node's CRC-32), with the
 * check byte taken from the CRC (no data descriptor): the case the sample does not cover.
 */
const zipCrypto = (name: string, text: string, password: string, deflate = true): Uint8Array =>
  writeZip([{ name, data: textBytes(text), deflate, zipCrypto: { password } }]);

const LINES = [
  'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30',
  'motp://Company:me?secret=1234567890abcdef',
  'otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&algorithm=SHA256&digits=7&counter=50',
  'otpauth://totp/Bad:me?secret=1!1&issuer=Bad',
  'not a link',
];

describeWithShared('Authenticator Plus sample', () => {
  it('opens the encrypted export: every field of all seven accounts', async () => {
    const bytes = sampleBytes(SAMPLE);
    const result = unwrap(await readWith(authenticatorPlusImporter, bytes, PASSWORD));
    expect(result).toMatchObject({ format: 'authenticator_plus', encrypted: true, refused: [] });
    expectAccounts(result, FULL_SET);
    expect(await errorOf(bytes)).toBe('import_password_required');
    expect(await errorOf(bytes, 'testtest')).toBe('import_wrong_password');
  });

  it('refuses truncated and changed files with a code', async () => {
    const bytes = sampleBytes(SAMPLE);
    for (const n of [0, 10, 100, bytes.length - 30]) {
      expect(await errorOf(bytes.slice(0, n), PASSWORD), `cut at ${n}`).toMatch(
        /^import_(unrecognised|damaged|wrong_password)$/,
      );
    }
    // A changed byte past the check byte: ZipCrypto cannot tell it from a wrong password.
    const changed = bytes.slice();
    changed[0x60] = changed[0x60]! ^ 1;
    expect(await errorOf(changed, PASSWORD)).toBe('import_wrong_password');
  });

  it('survives fuzzing of the real sample', async () => {
    await fuzzImporter(authenticatorPlusImporter, [sampleBytes(SAMPLE)], {
      runs: 200,
      password: PASSWORD,
    });
  });
});

describe('Authenticator Plus exports', () => {
  const REFUSED = [
    { index: 2, issuer: 'Company', account: 'me', reason: 'type_unsupported', detail: 'motp' },
    { index: 4, issuer: 'Bad', account: 'me', reason: 'secret_invalid' },
    { index: 5, issuer: '', account: '', reason: 'entry_invalid' },
  ];
  const TAKEN = [fixtureAccount('Deno'), fixtureAccount('Air Canada')];

  it.each([
    ['deflated', true],
    ['stored', false],
  ])(
    'decrypts a ZipCrypto archive checked by its CRC (%s), refusing lines it cannot take',
    async (_, deflate) => {
      const bytes = zipCrypto('Accounts.txt', LINES.join('\r\n'), 'pässword', deflate);
      const result = unwrap(await readDetected(bytes, 'pässword'));
      expect(result).toMatchObject({ format: 'authenticator_plus', encrypted: true });
      expect(result.refused).toEqual(REFUSED);
      expectAccounts(result, TAKEN);
      expect(await errorOf(bytes, 'password')).toBe('import_wrong_password');
    },
  );

  it('reads an unencrypted archive too', async () => {
    const bytes = zipSync({ 'export/Accounts.txt': textBytes(LINES.join('\n')) });
    const result = unwrap(await readWith(authenticatorPlusImporter, bytes));
    expect(result).toMatchObject({ encrypted: false, refused: REFUSED });
    expectAccounts(result, TAKEN);
  });

  it('says when the list is empty', async () => {
    expect(await errorOf(zipCrypto('Accounts.txt', '\n', 'p'), 'p')).toBe('import_empty');
  });
});
