/** Text files of otpauth:// links (Aegis/FreeOTP+/ente-style plain exports, authenticator.txt). */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, importInput } from '../../../src/backup/import/input';
import { finishImport, uriLabels as collectedUriLabels } from '../../../src/backup/import/collect';
import {
  otpauthListImporter,
  uriLabels as otpauthUriLabels,
} from '../../../src/backup/import/otpauth-list';
import { codeAt } from '../../../src/otp/generate';
import { encodeHex } from '../../../src/otp/secret';
import { describeWithShared, readSharedText } from '../../support/shared';
import { AEGIS_ACCOUNTS, fieldsOf, plain } from './account-fields';
import {
  codeOf,
  fuzzImporter,
  readDetected,
  readWith,
  sampleBytes,
  textBytes,
  unwrap,
} from './support';

const JBS = 'JBSWY3DPEHPK3PXP';

describeWithShared('otpauth list: real samples', () => {
  it('reads the Aegis plain-text export: every field of the seven accounts, and their codes', async () => {
    const bytes = sampleBytes('samples/otpauth-uri/aegis_plain.txt');
    const result = unwrap(await readWith(otpauthListImporter, bytes));
    expect(result.format).toBe('otpauth_list');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(fieldsOf)).toEqual(AEGIS_ACCOUNTS);
    // Chosen by content through the common entry point as well.
    expect(unwrap(await readDetected(bytes)).format).toBe('otpauth_list');
  });

  it("reads the Authenticator extension's documented authenticator.txt (empty labels, a 60 s period)", async () => {
    const bytes = sampleBytes(
      'samples/authenticator-extension/authenticator_cc_docs_otp_backup_example.txt',
    );
    const result = unwrap(await readDetected(bytes));
    expect(result.format).toBe('otpauth_list');
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({ account: 'example.com', secret: 'FLIQ7AABIXF2DBUYE7VYAV2T7232KVYB', code: '334740' }),
      plain({ issuer: 'Test Account', secret: 'R6TTJ5T26NWTHPIPXAOYQ6BVWEBLE6W2', code: '251778' }),
      plain({
        issuer: 'Another Test Account',
        account: 'example.com',
        secret: '5W6HHVETUEPLR26KRQOPHTR6Q4JYRVJQ',
        code: '009586',
      }),
      plain({ secret: 'AFKVXHTAZZQKCHI3XSZPX5NKQRFXL3AD', code: '062692' }),
      plain({
        issuer: 'Account with Period',
        account: 'example.com',
        secret: 'LJL6765YQRQQ533ACSI6YUXTLZYY7GBI',
        period: 60,
        code: '268729',
      }),
    ]);
  });

  it("reads extract_otp_secrets' list of links (an HOTP, an encoded name)", async () => {
    const result = unwrap(
      await readDetected(sampleBytes('samples/google-migration/scito_url_list_output.txt')),
    );
    expect(result.format).toBe('otpauth_list');
    const pi = { secret: '7KSQL2JTUDIS5EF65KLMRQIIGY', account: 'pi@raspberrypi', code: '056725' };
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({ ...pi, issuer: 'raspberrypi' }),
      plain(pi),
      plain(pi),
      plain({ ...pi, issuer: 'raspberrypi' }),
      plain({ ...pi, type: 'hotp', account: 'hotp demo', counter: 4, code: '058438' }),
      plain({ ...pi, issuer: 'encoding', account: '¿äÄéÉ? (demo)' }),
    ]);
  });

  it("reads extract_otp_secrets' CSV (its url column) to the same accounts as its list", async () => {
    const csv = unwrap(
      await readDetected(sampleBytes('samples/google-migration/scito_example_output.csv')),
    );
    const list = unwrap(
      await readDetected(sampleBytes('samples/google-migration/scito_url_list_output.txt')),
    );
    expect(csv.format).toBe('otpauth_list');
    expect(csv.refused).toEqual([]);
    expect(csv.accounts.map(fieldsOf)).toEqual(list.accounts.map(fieldsOf));
  });

  it('reads every edge-case link of the otpauth library corpus as an account or a refusal', async () => {
    const lines = readSharedText(
      'formats/samples/otpauth-uri/GENERATED_hectorm_otpauth_9.5.2_URI.parse_edge_cases.jsonl',
    )
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { in: string }).in)
      .filter((uri) => !/[\r\n]/.test(uri) && !uri.trim().startsWith('#') && uri.trim() !== '');
    const result = unwrap(await readWith(otpauthListImporter, textBytes(lines.join('\n'))));
    expect(result.accounts.length + result.refused.length).toBe(lines.length);
    for (const refused of result.refused) {
      expect(refused.index).toBeGreaterThanOrEqual(1);
      expect(refused.index).toBeLessThanOrEqual(lines.length);
    }
  });
});

describe('otpauth list: lines', () => {
  it('refuses a bad line with its 1-based number and names, and imports the rest', async () => {
    const text = [
      '# my accounts',
      `otpauth://totp/GitHub:alice?secret=${JBS}&issuer=GitHub`,
      '',
      'otpauth://totp/Broken:bob?secret=NOT*BASE32&issuer=Broken',
      'motp://Old:carol?secret=0123456789abcdef',
      'just a note someone typed',
      `otpauth://totp/Odd:dave?secret=${JBS}&algorithm=MD5`,
      `otpauth://yaotp/Yandex:erin?secret=${JBS}`,
      'otpauth://totp/Empty:frank?secret=',
      `otpauth://totp/Digits:gina?secret=${JBS}&digits=11`,
    ].join('\r\n');
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.format).toBe('otpauth_list');
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({ issuer: 'GitHub', account: 'alice', secret: JBS, code: '324550' }),
    ]);
    expect(result.refused).toEqual([
      { index: 4, issuer: 'Broken', account: 'bob', reason: 'secret_invalid' },
      { index: 5, issuer: 'Old', account: 'carol', reason: 'type_unsupported', detail: 'motp' },
      { index: 6, issuer: '', account: '', reason: 'entry_invalid' },
      { index: 7, issuer: 'Odd', account: 'dave', reason: 'algorithm_unsupported' },
      { index: 8, issuer: 'Yandex', account: 'erin', reason: 'type_unsupported', detail: 'yaotp' },
      { index: 9, issuer: 'Empty', account: 'frank', reason: 'secret_missing' },
      { index: 10, issuer: 'Digits', account: 'gina', reason: 'digits_invalid' },
    ]);
  });

  it('reads a hex key the Authenticator extension writes for hex accounts, as the extension does', async () => {
    // RFC 6238's SHA1 seed "12345678901234567890" in hex: not base32 (it has 0, 1, 8, 9).
    const hex = '3132333435363738393031323334353637383930';
    const text = `otpauth://totp/Hex:key?secret=${hex}&issuer=Hex&digits=8\notpauth://hotp/Hhex:key?secret=${hex}&counter=1`;
    const result = unwrap(await readDetected(textBytes(text)));
    const [totp, hotp] = result.accounts;
    expect(totp && encodeHex(totp.secret)).toBe(hex);
    expect(totp && codeAt(totp, 59_000)).toBe('94287082');
    expect(hotp?.type).toBe('hotp');
    // RFC 4226 counter 1.
    expect(hotp && fieldsOf(hotp).code).toBe('287082');
  });

  it('reads steam:// keys (Bitwarden, Proton) as Steam accounts', async () => {
    const result = unwrap(
      await readDetected(textBytes(`steam://${JBS}\notpauth://totp/A:b?secret=${JBS}`)),
    );
    expect(result.accounts.map(fieldsOf)[0]).toEqual(
      plain({ type: 'steam', digits: 5, secret: JBS, code: '2KM2P' }),
    );
  });

  it('reads Steam links as FreeOTP+ and Authenticator Pro write them, and nothing else as Steam', async () => {
    // The Bitwarden SDK's Steam vector: 7W6CJ at 2023-01-01T00:00:00Z.
    const key = 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
    const lines = [
      // Authenticator Pro (Authenticator.GetUri): issuer Steam, its default digits left out.
      `otpauth://totp/Steam%3Agabe?secret=${key}&issuer=Steam`,
      // Authenticator Pro, a Steam account named otherwise: a bare `steam` parameter.
      `otpauth://totp/Valve%3Agabe?secret=${key}&issuer=Valve&steam`,
      // FreeOTP+ (Token.toUri): the label's issuer is Steam, every parameter written.
      `otpauth://totp/Steam%3Agabe?secret=${key}&issuer=Steam&algorithm=SHA1&digits=5&period=30`,
      // Asking for 6 digits, or named Steam only by someone else's label: a TOTP as written.
      `otpauth://totp/Steam%3Agabe?secret=${key}&issuer=Steam&digits=6`,
      `otpauth://totp/Mail%3ASteam?secret=${key}&issuer=Mail`,
    ];
    const result = unwrap(await readDetected(textBytes(lines.join('\n'))));
    expect(result.refused).toEqual([]);
    const at = '2023-01-01T00:00:00Z';
    expect(
      result.accounts.map((a) => [a.type, a.digits, a.issuer, a.account, a.extra, codeOf(a, at)]),
    ).toEqual([
      ['steam', 5, 'Steam', 'gabe', {}, '7W6CJ'],
      ['steam', 5, 'Valve', 'gabe', {}, '7W6CJ'],
      ['steam', 5, 'Steam', 'gabe', {}, '7W6CJ'],
      ['totp', 6, 'Steam', 'gabe', {}, codeOf({ ...result.accounts[4]!, digits: 6 }, at)],
      ['totp', 6, 'Mail', 'Steam', {}, codeOf(result.accounts[4]!, at)],
    ]);
  });

  it('reads a list saved as UTF-16 with its mark (PowerShell `>`, Notepad "Unicode")', async () => {
    const text = `\uFEFFotpauth://totp/Caf%C3%A9:b?secret=${JBS}\r\n\r\notpauth://totp/Ünï:c?secret=${JBS}\r\n`;
    const units = [...text].map((c) => c.charCodeAt(0));
    const le = Uint8Array.from(units.flatMap((u) => [u & 0xff, u >> 8]));
    const be = Uint8Array.from(units.flatMap((u) => [u >> 8, u & 0xff]));
    for (const bytes of [le, be]) {
      const result = unwrap(await readDetected(bytes));
      expect(result.format).toBe('otpauth_list');
      expect(result.accounts.map((a) => [a.issuer, a.account])).toEqual([
        ['Café', 'b'],
        ['Ünï', 'c'],
      ]);
    }
    // Binary that only starts like UTF-16 (an andOTP nonce may) is still taken for binary.
    const binary = Uint8Array.from({ length: 64 }, (_, i) => (i < 2 ? [0xff, 0xfe][i]! : 0x4e));
    expect(importInput(binary).text).toBeNull();
  });

  it('keeps unknown link parameters, never a __proto__ one, and pollutes nothing', async () => {
    const text = `otpauth://totp/A:b?secret=${JBS}&__proto__=x&constructor=y&image=https%3A%2F%2Fi.example%2Fa.png`;
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.accounts[0]?.extra).toEqual({
      constructor: 'y',
      image: 'https://i.example/a.png',
    });
    expect(Object.hasOwn(result.accounts[0]?.extra ?? {}, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses a list with more entries than any real export', async () => {
    const line = `otpauth://totp/A:b?secret=${JBS}\n`;
    const result = await readDetected(textBytes(line.repeat(IMPORT_LIMITS.maxEntries + 1)));
    expect(result).toEqual({ ok: false, error: { code: 'import_too_large' } });
  });

  it('does not take prose with a link in it, nor JSON with links, for a list', async () => {
    const prose = [
      'Dear diary,',
      'today I set up 2FA.',
      `otpauth://totp/A:b?secret=${JBS}`,
      'Bye.',
    ];
    expect(await readDetected(textBytes(prose.join('\n')))).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
    const json = JSON.stringify({ uri: `otpauth://totp/A:b?secret=${JBS}` });
    expect(otpauthListImporter.detect(importInput(textBytes(json)))).toBe(false);
  });

  it('survives random and mutated input', async () => {
    const seed = textBytes(
      [
        `otpauth://totp/A:b?secret=${JBS}&issuer=A`,
        `otpauth://hotp/C:d?secret=${JBS}&counter=5&digits=8&algorithm=SHA256`,
        `steam://${JBS}`,
        '# comment',
      ].join('\n'),
    );
    await fuzzImporter(otpauthListImporter, [seed], { runs: 200 });
  });
});

describe('otpauth list: a CSV with a column of links', () => {
  const header = 'name,secret,issuer,type,counter,url';
  const rows = [
    `"Mail, home",${JBS.toLowerCase()},Mail,totp,,"otpauth://totp/Mail%3Ahome?secret=jbsw%20y3dp%20ehpk%203pxp%3D%3D%3D%3D&issuer=Mail&algorithm=SHA512&digits=8&period=60"`,
    '',
    `Counter,${JBS},,hotp,7,otpauth://hotp/Counter?secret=${JBS}&counter=7`,
    'Note only,,,,,',
    `Broken,x,Shop,totp,,otpauth://totp/Shop:me?secret=1&issuer=Shop`,
  ];

  it('reads each row’s link (BOM, CRLF, blank lines, quoting), refusing a bad one by its row', async () => {
    const bytes = textBytes(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`);
    const result = unwrap(await readDetected(bytes));
    expect(result.format).toBe('otpauth_list');
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({
        secret: JBS,
        issuer: 'Mail',
        account: 'home',
        algorithm: 'SHA512',
        digits: 8,
        period: 60,
        code: codeOf(result.accounts[0]!),
      }),
      plain({
        secret: JBS,
        type: 'hotp',
        counter: 7,
        account: 'Counter',
        code: codeOf(result.accounts[1]!),
      }),
    ]);
    expect(result.refused).toEqual([
      { index: 4, issuer: 'Shop', account: 'me', reason: 'secret_invalid' },
    ]);
  });

  it('does not take a CSV whose links are only mentioned in notes', () => {
    const notes = `title,notes\nA,see otpauth://totp/A?secret=${JBS}\nB,plain\nC,text\n`;
    expect(otpauthListImporter.detect(importInput(textBytes(notes)))).toBe(false);
  });

  it('survives random and mutated CSVs', async () => {
    await fuzzImporter(otpauthListImporter, [textBytes([header, ...rows].join('\n'))], {
      runs: 300,
    });
  });
});

describe('the names shown for a link that could not be read', () => {
  it.each([
    ['otpauth://totp/localhost%3A3000:kody?issuer=localhost%3A3000', 'localhost:3000', 'kody'],
    ['otpauth://totp/Text%3A%20More:alice?issuer=Text%3A%20More', 'Text: More', 'alice'],
    ['otpauth://totp/GitHub:alice?issuer=GitHub', 'GitHub', 'alice'],
    ['otpauth://totp/GitHub:alice', 'GitHub', 'alice'],
  ])('%s: the colon issuer whole, as the link parser reads it', (uri, issuer, account) => {
    expect(otpauthUriLabels(uri)).toEqual({ issuer, account });
    expect(collectedUriLabels(uri)).toEqual({ issuer, account });
  });

  // A link whose `?` was lost or typed as `&` has no key parameter: refused as `secret_missing`,
  // and its "label" then runs on into the key. The refusal reaches the page (the import preview):
  // it names the entry, never the key (DESIGN.md: no secret leaves the worker).
  const KEY = 'JBSWY3DPEHPK3PXP';
  const keyInLabel = [
    `otpauth://totp/Bank:alice&secret=${KEY}&issuer=Bank`,
    `otpauth://totp/Bank:alice?issuer=Bank%26secret%3D${KEY}`,
    `otpauth://totp/Bank:alice%26secret%3D${KEY}`,
    `otpauth://totp/Bank:alice/SECRET=${KEY}`,
    `otpauth://totp/Bank:alice%3Fsecret=${KEY}&digits=6`,
  ];

  it('a list: the refusal of a link whose key ran into its label names it without the key', async () => {
    const result = unwrap(await readWith(otpauthListImporter, textBytes(keyInLabel.join('\n'))));
    expect(result.accounts).toEqual([]);
    expect(result.refused).toHaveLength(keyInLabel.length);
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(result.refused[0]).toEqual({
      index: 1,
      issuer: 'Bank',
      account: 'alice',
      reason: 'secret_missing',
    });
  });

  it('the shared collector: no key in a refusal named from such a link', () => {
    const refused = finishImport(
      'ente',
      false,
      keyInLabel.map((uri) => ({
        labels: collectedUriLabels(uri),
        result: { ok: false as const, error: { reason: 'secret_missing' as const } },
      })),
    );
    expect(refused.ok).toBe(true);
    expect(JSON.stringify(refused)).not.toContain(KEY);
    expect(refused.ok && refused.value.refused[0]).toMatchObject({
      issuer: 'Bank',
      account: 'alice',
    });
  });
});
