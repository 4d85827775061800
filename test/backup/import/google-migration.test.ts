/** Google Authenticator transfer links (otpauth-migration://) saved in a text file. */
import { describe, expect, it } from 'vitest';
import { googleMigrationImporter } from '../../../src/backup/import/google-migration';
import { encodeMigrationUris } from '../../../src/qr/google-migration';
import { decodeBase32 } from '../../../src/otp/secret';
import type { OtpEntry } from '../../../src/otp/types';
import { describeWithShared, readSharedText } from '../../support/shared';
import { fieldsOf, plain, type AccountFields } from './account-fields';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

interface Decoded {
  readonly otp_parameters: ReadonlyArray<{
    readonly secret_b32: string;
    readonly name: string;
    readonly issuer?: string;
    readonly algorithm: 'SHA1' | 'SHA256' | 'SHA512';
    readonly digits: 'SIX' | 'EIGHT';
    readonly type: 'TOTP' | 'HOTP';
    readonly counter?: number;
  }>;
}

/** What the independent decoder of the samples saw, with the name rule of FORMATS.md §4.3. */
function expectedFromDecoded(relative: string): Array<Omit<AccountFields, 'code'>> {
  return readSharedText(`formats/samples/google-migration/${relative}`)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => (JSON.parse(l) as Decoded).otp_parameters)
    .map((p) => {
      const issuer = p.issuer ?? '';
      let account = p.name;
      let split = issuer;
      if (issuer !== '' && account.startsWith(`${issuer}:`))
        account = account.slice(issuer.length + 1);
      else if (issuer === '' && account.includes(':')) {
        split = account.slice(0, account.indexOf(':')).trim();
        account = account.slice(account.indexOf(':') + 1).trimStart();
      }
      const { code: _code, ...rest } = plain({
        type: p.type === 'HOTP' ? 'hotp' : 'totp',
        secret: p.secret_b32,
        algorithm: p.algorithm,
        digits: p.digits === 'EIGHT' ? 8 : 6,
        counter: p.counter ?? 0,
        issuer: split,
        account,
        code: '',
      });
      return rest;
    });
}

function withoutCode(fields: AccountFields): Omit<AccountFields, 'code'> {
  const { code: _code, ...rest } = fields;
  return rest;
}

describeWithShared('Google migration text: real samples', () => {
  it("reads extract_otp_secrets' example export: six accounts of five codes, comments skipped", async () => {
    const bytes = sampleBytes('samples/google-migration/scito_example_export.txt');
    const result = unwrap(await readWith(googleMigrationImporter, bytes));
    expect(result.format).toBe('google_migration');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    const pi = { secret: '7KSQL2JTUDIS5EF65KLMRQIIGY', account: 'pi@raspberrypi', code: '056725' };
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({ ...pi, issuer: 'raspberrypi' }),
      plain(pi),
      plain(pi),
      plain({ ...pi, issuer: 'raspberrypi' }),
      plain({ ...pi, type: 'hotp', account: 'hotp demo', counter: 4, code: '058438' }),
      plain({ ...pi, issuer: 'encoding', account: '¿äÄéÉ? (demo)' }),
    ]);
    expect(result.accounts.map(fieldsOf).map(withoutCode)).toEqual(
      expectedFromDecoded('scito_example_export.decoded.jsonl'),
    );
    expect(unwrap(await readDetected(bytes)).format).toBe('google_migration');
  });

  it('reads raw + and / in the data, and strips the issuer prefix from names', async () => {
    const result = unwrap(
      await readDetected(
        sampleBytes('samples/google-migration/scito_test_plus_problem_export.txt'),
      ),
    );
    const serenity = (n: number, secret: string, code: string): AccountFields =>
      plain({ issuer: 'SerenityLabs', account: `test${n}@serenitylabs.co.uk`, secret, code });
    expect(result.accounts.map(fieldsOf)).toEqual([
      serenity(1, 'A4RFDYMF4GSLUIBQV4ZP67OJEZ2XUQVM', '329796'),
      serenity(2, 'SCDDZ7PW5MOZLE3PQCAZM7L4S35K3UDX', '421247'),
      serenity(3, 'TR76272RVYO6EAEY2FX7W7R7KUDEGPJ4', '405526'),
      serenity(4, 'N2ILWSXSJUQUB7S6NONPJSC62NPG7EXN', '474153'),
    ]);
    expect(result.accounts.map(fieldsOf).map(withoutCode)).toEqual(
      expectedFromDecoded('scito_test_plus_problem_export.decoded.jsonl'),
    );
  });

  it('reads both codes of a two-code export (SHA512, 8 digits, HOTP, Issuer:account names)', async () => {
    const result = unwrap(
      await readDetected(sampleBytes('samples/google-migration/SYNTHETIC_two_batch_export.txt')),
    );
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({
        issuer: 'Deno',
        account: 'Mason',
        secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
        code: '790195',
      }),
      plain({
        issuer: 'Airbnb',
        account: 'Elijah',
        secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
        algorithm: 'SHA512',
        digits: 8,
        code: '45011446',
      }),
      plain({
        type: 'hotp',
        issuer: 'Issuu',
        account: 'James',
        secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4',
        counter: 1,
        code: '253717',
      }),
      plain({
        type: 'hotp',
        issuer: 'WWE',
        account: 'Mason',
        secret: '5VAML3X35THCEBVRLV24CGBKOY',
        algorithm: 'SHA512',
        digits: 8,
        counter: 10300,
        code: '24622277',
      }),
    ]);
    expect(result.accounts.map(fieldsOf).map(withoutCode)).toEqual(
      expectedFromDecoded('SYNTHETIC_two_batch_export.decoded.jsonl'),
    );
  });

  it('refuses a link whose data is not a payload, by its line', async () => {
    const result = unwrap(
      await readDetected(sampleBytes('samples/google-migration/scito_test_export_wrong_data.txt')),
    );
    expect(result.accounts).toEqual([]);
    expect(result.refused).toEqual([
      { index: 1, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
  });

  it('refuses a code cut short, by its line, and keeps the whole one', async () => {
    const [first, second] = readSharedText(
      'formats/samples/google-migration/SYNTHETIC_two_batch_export.txt',
    ).split('\n');
    const cut = `${first ?? ''}\n${(second ?? '').slice(0, 80)}`;
    const result = unwrap(await readDetected(textBytes(cut)));
    expect(result.accounts.map((a) => a.issuer)).toEqual(['Deno', 'Airbnb']);
    expect(result.refused).toEqual([
      { index: 2, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
  });

  it('does not take a line that only contains a link somewhere for a transfer file', async () => {
    const bytes = sampleBytes('samples/google-migration/scito_test_export_wrong_prefix.txt');
    expect(await readDetected(bytes)).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
  });
});

function entry(fields: Partial<OtpEntry>): OtpEntry {
  const secret = decodeBase32('JBSWY3DPEHPK3PXP');
  if (!secret.ok) throw new Error('bad test key');
  return {
    type: 'totp',
    secret: secret.value,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'ACME',
    account: 'alice',
    extra: {},
    ...fields,
  };
}

describe('Google migration text: lines', () => {
  it('reads the same code pasted twice once, and plain links among the codes in file order', async () => {
    const { uris } = encodeMigrationUris(
      Array.from({ length: 12 }, (_, i) => entry({ account: `user${i}` })),
      { batchId: -5 },
    );
    expect(uris).toHaveLength(2);
    const text = [
      uris[0],
      'otpauth://totp/Plain:bob?secret=JBSWY3DPEHPK3PXP',
      uris[0],
      uris[1],
    ].join('\n');
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.format).toBe('google_migration');
    expect(result.accounts.map((a) => `${a.issuer}:${a.account}`)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `ACME:user${i}`),
      'Plain:bob',
      'ACME:user10',
      'ACME:user11',
    ]);
  });

  it('refuses an account the payload marks as MD5 or of an unknown kind by its names, and keeps the others', async () => {
    // Hand-made payload: one good account, one with algorithm 4 (MD5), one of type 9.
    const text = (field: number, value: string) => [
      (field << 3) | 2,
      value.length,
      ...value.split('').map((c) => c.charCodeAt(0)),
    ];
    const key = text(1, '0123456789');
    const good = [...key, ...text(2, 'a')];
    const md5 = [...key, ...text(2, 'Bank:b'), ...text(3, 'Bank'), 0x20, 0x04];
    const kind = [...key, ...text(2, 'c'), 0x30, 0x09];
    const payload = [good, md5, kind].flatMap((e) => [0x0a, e.length, ...e]);
    const data = btoa(String.fromCharCode(...payload));
    const result = unwrap(
      await readDetected(textBytes(`otpauth-migration://offline?data=${encodeURIComponent(data)}`)),
    );
    expect(result.accounts.map((a) => a.account)).toEqual(['a']);
    expect(result.refused).toEqual([
      { index: 1, issuer: 'Bank', account: 'b', reason: 'algorithm_unsupported', detail: 'MD5' },
      { index: 1, issuer: '', account: 'c', reason: 'type_unsupported' },
    ]);
  });

  it('survives random and mutated input', async () => {
    const { uris } = encodeMigrationUris(
      [entry({}), entry({ type: 'hotp', counter: 3, digits: 8, algorithm: 'SHA256' })],
      { batchId: 7 },
    );
    await fuzzImporter(googleMigrationImporter, [textBytes(`# codes\n${uris.join('\n')}\n`)], {
      runs: 200,
    });
  });
});
