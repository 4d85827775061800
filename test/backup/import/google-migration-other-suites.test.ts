/**
 * Google Authenticator transfer links (otpauth-migration://) from other projects' test suites,
 * read by Otter's decoder (src/qr/google-migration.ts) and by the text-file importer. Each case
 * names its source (repository:path); the data is that suite's, the expectations are Otter's.
 */
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/otp/secret';
import { decodeMigrationUri, type MigrationPayload } from '../../../src/qr/google-migration';
import { readDetected, textBytes, unwrap } from './support';

const DART = 'johncallahan/otpauth_migration:test/otpauth_migration_test_data.dart';
const link = (data: string): string => `otpauth-migration://offline?data=${data}`;

/** Each account as `type issuer|account key`, and the batch. */
function summary(payload: MigrationPayload): {
  batch: MigrationPayload['batch'];
  accounts: string[];
} {
  return {
    batch: payload.batch,
    accounts: payload.entries.map(
      (e) =>
        `${e.type} ${e.algorithm} ${e.digits} ${e.issuer}|${e.account} ${encodeBase32(e.secret)}`,
    ),
  };
}

function read(uri: string): ReturnType<typeof summary> {
  const r = decodeMigrationUri(uri);
  if (!r.ok) throw new Error(r.error.code);
  expect(r.value.errors).toEqual([]);
  return summary(r.value);
}

// The three codes of one 22-account export (batch id 251676888), as the Dart suite keeps them:
// the first with raw `/` and `+` percent-encoded, the others fully percent-encoded.
const ACME_1_OF_3 =
  'CjgKFEAMt6taggt2RMlyOqc/gKq4rLAdEhRBQ01FOm9uZUBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo4ChT2aPztshguMytZeJ7mD5gmjwJrlhIUQUNNRTp0d29AZXhhbXBsZS5jb20aBEFDTUUgASgBMAIKOgoUNT2RciBQftSX5pYbnfYyeQmte8wSFkFDTUU6dGhyZWVAZXhhbXBsZS5jb20aBEFDTUUgASgBMAIKOQoUd2SPY9F%2BYOZ0kchIO6I0FiVe6SYSFUFDTUU6Zm91ckBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo5ChRGVdxYupF5A3VN1FvCB7KOFHJMEBIVQUNNRTpmaXZlQGV4YW1wbGUuY29tGgRBQ01FIAEoATACCjgKFPW7LtgHn/o4s1UAvmwb/BDMSxOhEhRBQ01FOnNpeEBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo6ChQ%2BWpi%2BlKrk/DlTh7D3oD21yPi2IhIWQUNNRTpzZXZlbkBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo6ChSmPi4DpijhO49AE3VlsP9rBCgKvhIWQUNNRTplaWdodEBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo5ChTDJbVsyBwYtzVPvx7EjAEYQH%2BNHRIVQUNNRTpuaW5lQGV4YW1wbGUuY29tGgRBQ01FIAEoATACCjgKFIe1FhE2wfYShI3ZTcgyqP%2BOiIM%2BEhRBQ01FOnRlbkBleGFtcGxlLmNvbRoEQUNNRSABKAEwAhABGAMgACjYkYF4';
const ACME_2_OF_3 =
  'CjsKFJnXM4qkFXGvKXG99Yip3Y%2Bwu22%2BEhdBQ01FOmVsZXZlbkBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo7ChQILfKeHrURHnbgBlb3%2Bih5nIbNMRIXQUNNRTp0d2VsdmVAZXhhbXBsZS5jb20aBEFDTUUgASgBMAIKPQoUGbmHd%2BJGX%2BJeFXtvoQEDPCtZtfgSGUFDTUU6dGhpcnRlZW5AZXhhbXBsZS5jb20aBEFDTUUgASgBMAIKPQoUS43ZC59C0jnhiCRSRC4wsUkgIFkSGUFDTUU6Zm91cnRlZW5AZXhhbXBsZS5jb20aBEFDTUUgASgBMAIKPAoUDXHDXptDHG48ffDX470wX8QfPokSGEFDTUU6ZmlmdGVlbkBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo8ChRAOkNzc9Jk30qQCRTMDYdtQo26cxIYQUNNRTpzaXh0ZWVuQGV4YW1wbGUuY29tGgRBQ01FIAEoATACCj4KFEGT6fvPwMT6qJXUXk9NA1Cp3tIzEhpBQ01FOnNldmVudGVlbkBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo9ChTDzFdCAvpLzPZ%2F0vZEMhQXqh7mZxIZQUNNRTplaWdodGVlbkBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo9ChSMR9YASr0LLX%2BVspWlIXnkTIDzzRIZQUNNRTpuaW5ldGVlbkBleGFtcGxlLmNvbRoEQUNNRSABKAEwAgo7ChSRv%2Fqs7BwtQ5vyYbHxhXM8I3K8YRIXQUNNRTp0d2VudHlAZXhhbXBsZS5jb20aBEFDTUUgASgBMAIQARgDIAEo2JGBeA%3D%3D';
const ACME_3_OF_3 =
  'Cj8KFG423VA%2BmkFuqplxC%2BfgO%2BASoafzEhtBQ01FOnR3ZW50eS1vbmVAZXhhbXBsZS5jb20aBEFDTUUgASgBMAIKPwoUZ5RKVxJWL7P5RcYBhy5tQL80ycISG0FDTUU6dHdlbnR5LXR3b0BleGFtcGxlLmNvbRoEQUNNRSABKAEwAhABGAMgAijYkYF4';
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ACME_NAMES = [
  ...NUMBERS,
  ...['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'],
  ...['eighteen', 'nineteen', 'twenty', 'twenty-one', 'twenty-two'],
].map((n) => `${n}@example.com`);

describe('other projects’ transfer links, decoded', () => {
  it('dim13/otpauth:migration/migration_test.go: an account with no algorithm, digits or batch fields', () => {
    const uri = link('CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC');
    expect(read(uri)).toEqual({
      batch: { id: 0, index: 0, size: 1 },
      accounts: ['totp SHA1 6 Example|alice@google.com JBSWY3DPEHPK3PXP'],
    });
  });

  it(`${DART}: names without an issuer, four and two accounts, and a batch with no accounts`, () => {
    expect(read(link('CiMKCskCjMDVZlPV3OQSD015IFRlc3QgQWNjb3VudCABKAEwAhAB')).accounts).toEqual([
      'totp SHA1 6 |My Test Account ZEBIZQGVMZJ5LXHE',
    ]);
    expect(
      read(
        link(
          'Cj8KFGnEpnTMQ7KDguNWnddyGyCbSVLaEhhBQ01FIENvOmpvaG5AZXhhbXBsZS5jb20aB0FDTUUgQ28gASgBMAIKRAoUXkj%2B5MY2arwKjsnH2aDsbm6TAlYSG0JldGEgTHRkLjpob21lckBleGFtcGxlLmNvbRoJQmV0YSBMdGQuIAEoATACCkgKFDDFyzUNPgYoI3q%2FKGHBdcNU9ptWEh1DYXRzICYgRG9nczptYXJnZUBleGFtcGxlLmNvbRoLQ2F0cyAmIERvZ3MgASgBMAIKSAoUunHzbm5h%2FLUO0yilLMI%2BdYZY1eISHURhaWx5IEJ1Z2xlOnBldGVyQGV4YW1wbGUuY29tGgtEYWlseSBCdWdsZSABKAEwAhABGAEgACjDnb%2BuAg%3D%3D',
        ),
      ).accounts,
    ).toEqual([
      'totp SHA1 6 ACME Co|john@example.com NHCKM5GMIOZIHAXDK2O5O4Q3ECNUSUW2',
      'totp SHA1 6 Beta Ltd.|homer@example.com LZEP5ZGGGZVLYCUOZHD5TIHMNZXJGASW',
      'totp SHA1 6 Cats & Dogs|marge@example.com GDC4WNINHYDCQI32X4UGDQLVYNKPNG2W',
      'totp SHA1 6 Daily Bugle|peter@example.com XJY7G3TOMH6LKDWTFCSSZQR6OWDFRVPC',
    ]);
    expect(
      read(
        link(
          'CkMKFD3GyqSCSm0oh2eyMx4gtDFmy4XZEhxBQ01FIENvOmpvaG4uZG9lQGV4YW1wbGUuY29tGgdBQ01FIENvIAEoATACCjUKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAAgACjn4Pv4Ag%3D%3D',
        ),
      ).accounts,
    ).toEqual([
      'totp SHA1 6 ACME Co|john.doe@example.com HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
      'totp SHA1 6 Example|alice@google.com JBSWY3DPEHPK3PXP',
    ]);
    expect(read(link('EAEYACAAKOfg%2B%2FgC'))).toEqual({
      batch: { id: 790556775, index: 0, size: 1 },
      accounts: [],
    });
  });

  it(`${DART}: a six-byte key, which the suite's own encoder wrote wrong, is read as it is`, () => {
    const uri = link('CjEKBkhlbGxvIRIYRXhhbXBsZTphbGljZUBnb29nbGUuY29tGgdFeGFtcGxlIAEoATAC');
    expect(read(uri).accounts).toEqual(['totp SHA1 6 Example|alice@google.com JBSWY3DPEE']);
  });

  it(`${DART}: a payload cut short is refused whole`, () => {
    const uri = link('CiMKCskCjMDVZlPV3OQSD015IFRlc3QgQWNjb3VudCABKAEw');
    expect(decodeMigrationUri(uri)).toEqual({
      ok: false,
      error: { code: 'migration_data_invalid' },
    });
  });

  it(`${DART}: the three codes of one 22-account export`, () => {
    const codes = [ACME_1_OF_3, ACME_2_OF_3, ACME_3_OF_3].map((d) => read(link(d)));
    expect(codes.map((c) => c.batch)).toEqual(
      [0, 1, 2].map((index) => ({ id: 251676888, index, size: 3 })),
    );
    expect(codes.flatMap((c) => c.accounts.map((a) => a.split(' ')[3]))).toEqual(
      ACME_NAMES.map((n) => `ACME|${n}`),
    );
    expect(codes[0]?.accounts[0]).toBe(
      'totp SHA1 6 ACME|one@example.com IAGLPK22QIFXMRGJOI5KOP4AVK4KZMA5',
    );
  });

  it('timokoessler/2FAGuard:Guard.Test/Import/GoogleAuthMigration.cs: two accounts, negative batch id', () => {
    const uri = link(
      'Ci0KEBfNhW48%2BTYHuJJjaGSVaDgSDHRlc3RAdGVzdC5kZRoFQXBwbGUgASgBMAIKLwoUULGGAD3E0ueYHAy7s69SLeV1tHISCXVzZXJAdGVzdBoGVG9rZW4yIAEoATACEAEYASAAKJbEnKb%2B%2F%2F%2F%2F%2FwE%3D',
    );
    expect(read(uri)).toEqual({
      batch: { id: -456711658, index: 0, size: 1 },
      accounts: [
        'totp SHA1 6 Apple|test@test.de C7GYK3R47E3APOESMNUGJFLIHA',
        'totp SHA1 6 Token2|user@test KCYYMAB5YTJOPGA4BS53HL2SFXSXLNDS',
      ],
    });
  });

  it('Lordsatan56/otp-migration-parser:README.md: a name whose prefix is not the issuer stays whole', () => {
    // As Google Authenticator shows it: the issuer field, and the name as stored.
    const uri = link(
      'CkoKDZePmX7z8qHgFlH9yVcSIlRoaXNfaXNfYW5fRXhhbXBsZTplbWFpbEBlbWFpbC5jb20aD0V4YW1wbGVfV2Vic2l0ZSABKAEwAhABGAEgAA%3D%3D',
    );
    expect(read(uri).accounts).toEqual([
      'totp SHA1 6 Example_Website|This_is_an_Example:email@email.com S6HZS7XT6KQ6AFSR7XEVO',
    ]);
  });
});

describe('other projects’ transfer links, imported from a text file', () => {
  it(`${DART}: all three codes, one pasted twice and out of order, give the 22 accounts once`, async () => {
    const text = [ACME_2_OF_3, ACME_1_OF_3, ACME_2_OF_3, ACME_3_OF_3].map(link).join('\n');
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.format).toBe('google_migration');
    expect(result.refused).toEqual([]);
    expect(result.accounts.map((a) => `${a.issuer}|${a.account}`)).toEqual(
      [...ACME_NAMES.slice(10, 20), ...ACME_NAMES.slice(0, 10), ...ACME_NAMES.slice(20)].map(
        (n) => `ACME|${n}`,
      ),
    );
  });
});
