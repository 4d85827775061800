import { describe, expect, it } from 'vitest';
import { freeotpPlusImporter } from '../../../src/backup/import/freeotp-plus';
import { readImportFile } from '../../../src/backup/import/read';
import { decodeBase32 } from '../../../src/otp/secret';
import { describeWithShared } from '../../support/shared';
import { expectAccounts, fixtureAccount, type Expected } from './fixture-accounts';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

/** Deno's key as FreeOTP+ writes it: Java's signed bytes. */
function signedBytes(base32: string): number[] {
  const key = decodeBase32(base32);
  if (!key.ok) throw new Error('bad test key');
  return [...key.value].map((b) => (b > 127 ? b - 256 : b));
}

const DENO = signedBytes('4SJHB4GSD43FZBAI7C2HLRJGPQ');

function token(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    algo: 'SHA1',
    counter: 0,
    digits: 6,
    issuerExt: 'Deno',
    issuerInt: 'Deno',
    label: 'Mason',
    period: 30,
    secret: DENO,
    type: 'TOTP',
    ...fields,
  };
}

function saved(tokens: unknown[], tokenOrder?: unknown[]): Uint8Array {
  return textBytes(JSON.stringify(tokenOrder === undefined ? { tokens } : { tokenOrder, tokens }));
}

async function errorOf(bytes: Uint8Array): Promise<string> {
  const result = await readDetected(bytes);
  return result.ok ? 'ok' : result.error.code;
}

/** The samples' order (`tokenOrder`); their HOTP counters are stored one less. */
const SAMPLE: Expected[] = ['WWE', 'Air Canada', 'Issuu', 'Airbnb', 'SPDX', 'Deno'].map((i) =>
  fixtureAccount(i),
);

describeWithShared('FreeOTP+ samples', () => {
  const samples = ['freeotp_plus.json', 'freeotp_plus_internal.xml'];
  /** The export is FreeOTP+'s own; tokens.xml is FreeOTP 1's store, named for both apps. */
  const formatOf = (name: string) => (name.endsWith('.xml') ? 'freeotp_tokens' : 'freeotp_plus');

  it.each(samples)('reads %s: every field, in the order of tokenOrder', async (name) => {
    const result = unwrap(
      await readWith(freeotpPlusImporter, sampleBytes(`samples/freeotp-plus/${name}`)),
    );
    expect(result.format).toBe(formatOf(name));
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expectAccounts(result, SAMPLE);
  });

  it('reads the same accounts from the export and from the internal store', async () => {
    const [json, xml] = await Promise.all(
      samples.map(async (n) =>
        unwrap(await readWith(freeotpPlusImporter, sampleBytes(`samples/freeotp-plus/${n}`))),
      ),
    );
    expect(xml?.accounts).toEqual(json?.accounts);
  });

  it('is the importer detection chooses for both samples', async () => {
    for (const name of samples) {
      const read = await readImportFile(sampleBytes(`samples/freeotp-plus/${name}`));
      expect(read.ok && read.value.kind === 'plain' && read.value.result.format, name).toBe(
        formatOf(name),
      );
    }
  });

  it('refuses truncated files with a code', async () => {
    const json = sampleBytes('samples/freeotp-plus/freeotp_plus.json');
    for (const n of [0, 1, 30, json.length >> 1, json.length - 2]) {
      expect(await errorOf(json.slice(0, n)), `json cut at ${n}`).toBe('import_unrecognised');
    }
    const xml = sampleBytes('samples/freeotp-plus/freeotp_plus_internal.xml');
    const order = new TextDecoder().decode(xml).indexOf('<string name="tokenOrder">');
    for (const n of [0, 10, 200, order + 20]) {
      expect(await errorOf(xml.slice(0, n)), `xml cut at ${n}`).toBe('import_unrecognised');
    }
    // Cut inside the closing `</map>`: every token and the order are there.
    expect(unwrap(await readDetected(xml.slice(0, xml.length - 3))).accounts).toHaveLength(6);
  });

  it('survives fuzzing of the real samples', async () => {
    const seeds = samples.map((n) => sampleBytes(`samples/freeotp-plus/${n}`));
    await fuzzImporter(freeotpPlusImporter, seeds, { runs: 200 });
  });
});

describe('FreeOTP+ tokens', () => {
  it('takes the names the user gave, the category as a tag, and names icons', async () => {
    const result = unwrap(
      await readWith(
        freeotpPlusImporter,
        saved([
          token({ issuerAlt: 'My Deno', labelAlt: 'me', image: 'content://icon.png' }),
          token({ alias: 'Shown name', category: 'Work', iconKey: 'github' }),
          token({ imageAlt: 'https://example.com/a.png', issuerExt: '', issuerInt: 'Deno' }),
          token({
            label: 'Sophia',
            issuerExt: 'Steam',
            issuerInt: 'Steam',
            secret: signedBytes('JRZCL47CMXVOQMNPZR2F7J4RGI'),
          }),
        ]),
      ),
    );
    expect(result.accounts.map((a) => [a.issuer, a.account, a.type, a.tags, a.dropped])).toEqual([
      ['My Deno', 'me', 'totp', [], ['icon']],
      ['Shown name', 'Mason', 'totp', ['Work'], ['icon']],
      ['Deno', 'Mason', 'totp', [], ['icon']],
      ['Steam', 'Sophia', 'steam', [], []],
    ]);
    expect(result.accounts[3]?.digits).toBe(5);
  });

  it('reads the stored counter as one less than the next, and keeps FreeOTP+ order', async () => {
    const result = unwrap(
      await readWith(
        freeotpPlusImporter,
        saved(
          [
            token({ label: 'A', type: 'HOTP', counter: -1 }),
            token({ label: 'B', type: 'HOTP', counter: 41 }),
            token({ label: 'A', type: 'HOTP', counter: 9 }),
            token({ label: 'C' }),
            token({ label: 'D', issuerInt: '', issuerExt: '' }),
          ],
          ['D', 'Deno:A', 'nobody', 7, 'Deno:A', 'Deno:B', 'Deno:A', '__proto__', 'constructor'],
        ),
      ),
    );
    // Named tokens in the order's order (a repeated id takes the next token with it), then the rest.
    expect(result.accounts.map((a) => [a.account, a.counter])).toEqual([
      ['D', 0],
      ['A', 0],
      ['A', 10],
      ['B', 42],
      ['C', 0],
    ]);
  });

  it('takes a list of tokens without an order', async () => {
    expectAccounts(unwrap(await readWith(freeotpPlusImporter, saved([token()]))), [
      fixtureAccount('Deno'),
    ]);
    expect(await errorOf(textBytes('{"tokens":[{"secret":"ABC"}]}'))).toBe('import_unrecognised');
  });

  it('refuses the tokens it cannot take, naming them and why', async () => {
    const result = unwrap(
      await readWith(
        freeotpPlusImporter,
        saved(
          [
            token({ algo: 'MD5', issuerExt: 'Md5' }),
            token({ issuerExt: 'Range', secret: [1, 2, 3, 4, 300] }),
            token({ issuerExt: 'Text', secret: 'JBSWY3DPEHPK3PXP' }),
            token({ issuerExt: 'None', secret: undefined }),
            token({ issuerExt: 'Short', secret: [1, 2] }),
            token({ issuerExt: 'Steam', type: 'HOTP' }),
            token({ issuerExt: 'Neg', type: 'HOTP', counter: -2 }),
            token({ issuerExt: 'Digits', digits: 0 }),
            'x',
            token(),
          ],
          [],
        ),
      ),
    );
    expect(result.refused).toEqual([
      { index: 1, issuer: 'Md5', account: 'Mason', reason: 'algorithm_unsupported', detail: 'MD5' },
      { index: 2, issuer: 'Range', account: 'Mason', reason: 'secret_invalid' },
      { index: 3, issuer: 'Text', account: 'Mason', reason: 'secret_invalid' },
      { index: 4, issuer: 'None', account: 'Mason', reason: 'secret_missing' },
      { index: 5, issuer: 'Short', account: 'Mason', reason: 'secret_too_short' },
      {
        index: 6,
        issuer: 'Steam',
        account: 'Mason',
        reason: 'type_unsupported',
        detail: 'steam hotp',
      },
      { index: 7, issuer: 'Neg', account: 'Mason', reason: 'counter_invalid' },
      { index: 8, issuer: 'Digits', account: 'Mason', reason: 'digits_invalid' },
      { index: 9, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
    expectAccounts(result, [fixtureAccount('Deno')]);
  });

  it('says when a file is empty or too long', async () => {
    expect(await errorOf(saved([], []))).toBe('import_empty');
    expect(
      await errorOf(
        saved(
          Array.from({ length: 10_001 }, () => token()),
          [],
        ),
      ),
    ).toBe('import_too_large');
    expect(
      await errorOf(
        saved(
          [token()],
          Array.from({ length: 10_001 }, () => 'x'),
        ),
      ),
    ).toBe('import_too_large');
  });

  it('reads escaped names in the internal store', async () => {
    const json = JSON.stringify(token({ label: 'a&b "c"' }))
      .replaceAll('&', '&amp;')
      .replaceAll('"', '&quot;');
    const xml = `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>
<map>
    <string name="Deno:a&amp;b &quot;c&quot;">${json}</string>
    <string name="broken">{&quot;not json</string>
    <string name="tokenOrder">[&quot;Deno:a&amp;b \\&quot;c\\&quot;&quot;]</string>
</map>
`;
    const result = unwrap(await readWith(freeotpPlusImporter, textBytes(xml)));
    expect(result.accounts.map((a) => a.account)).toEqual(['a&b "c"']);
    expect(result.refused).toEqual([
      { index: 2, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
    const badOrder = xml.replace(/name="tokenOrder">[^<]*/, 'name="tokenOrder">{}');
    expect(await errorOf(textBytes(badOrder))).toBe('import_damaged');
  });

  it('is not confused by prototype keys', async () => {
    const raw = `{"tokenOrder":["__proto__:constructor"],"tokens":[{"__proto__":{"polluted":1},
      "issuerExt":"__proto__","label":"constructor","secret":${JSON.stringify(DENO)},
      "constructor":{"prototype":{"polluted":1}}},{"label":"x","__proto__":{"secret":${JSON.stringify(DENO)}}}]}`;
    const result = unwrap(await readWith(freeotpPlusImporter, textBytes(raw)));
    expect(result.accounts.map((a) => [a.issuer, a.account])).toEqual([
      ['__proto__', 'constructor'],
    ]);
    expect(result.refused).toEqual([
      { index: 2, issuer: '', account: 'x', reason: 'secret_missing' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
