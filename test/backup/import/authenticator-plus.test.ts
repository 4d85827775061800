import { zipSync } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { authenticatorPlusImporter } from '../../../src/backup/import/authenticator-plus';
import { describeWithShared } from '../../support/shared';
import { expectAccounts, fixtureAccount, FULL_SET } from './fixture-accounts';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

const SAMPLE = 'samples/other-aegis-fixtures/authenticator_plus.zip';
const PASSWORD = 'testtesttest';

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

/**
 * ZipCrypto as APPNOTE §6.1 describes it, written here on its own (node's CRC-32), with the check
 * byte taken from the CRC (no data descriptor), the case the sample does not cover.
 */
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crcByte = (c: number, b: number) => (TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)) >>> 0;

function zipCrypto(name: string, text: string, password: string, deflate = true): Uint8Array {
  const data = Buffer.from(text, 'utf8');
  const packed = deflate ? deflateRawSync(data) : data;
  const crc = crc32(data) >>> 0;
  const keys = [0x12345678, 0x23456789, 0x34567890];
  const update = (b: number) => {
    keys[0] = crcByte(keys[0]!, b);
    keys[1] = (Math.imul((keys[1]! + (keys[0] & 0xff)) >>> 0, 134775813) + 1) >>> 0;
    keys[2] = crcByte(keys[2]!, keys[1] >>> 24);
  };
  for (const b of Buffer.from(password, 'utf8')) update(b);
  const plain = Buffer.concat([Buffer.alloc(11, 7), Buffer.from([crc >>> 24]), packed]);
  const sealed = Buffer.alloc(plain.length);
  plain.forEach((b, i) => {
    const t = (keys[2]! | 2) & 0xffff;
    sealed[i] = b ^ (((t * (t ^ 1)) >>> 8) & 0xff);
    update(b);
  });
  const file = Buffer.from(name, 'utf8');
  const method = deflate ? 8 : 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(1, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(sealed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(1, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(sealed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const dirOffset = 30 + file.length + sealed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + file.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return new Uint8Array(Buffer.concat([local, file, sealed, central, file, end]));
}

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
