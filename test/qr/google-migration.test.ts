import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../src/otp/secret';
import { ALGORITHMS, LIMITS, type OtpEntry } from '../../src/otp/types';
import { decodeBase64, encodeBase64 } from '../../src/qr/base64';
import {
  decodeMigrationPayload,
  decodeMigrationUri,
  encodeMigrationUris,
  MAX_ACCOUNTS_PER_CODE,
  MAX_MIGRATION_URI_LENGTH,
  MIGRATION_ENTRY_ERRORS,
  MIGRATION_ERRORS,
  type MigrationPayload,
} from '../../src/qr/google-migration';
import { MessageWriter } from '../../src/qr/protobuf-wire';
import { describeWithShared, readSharedText } from '../support/shared';

const DIR = 'formats/samples/google-migration';

/** The migration URIs of a sample file, skipping its comments. */
function uris(file: string): string[] {
  return readSharedText(`${DIR}/${file}`)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

interface Expected {
  otp_parameters: Array<{
    secret_b32: string;
    name: string;
    issuer?: string;
    algorithm: string;
    digits: 'SIX' | 'EIGHT';
    type: 'TOTP' | 'HOTP';
    counter?: number;
  }>;
  batch_size: number;
  batch_index: number;
  batch_id: number;
}

function decodeOk(uri: string): MigrationPayload {
  const result = decodeMigrationUri(uri);
  if (!result.ok) throw new Error(`decode failed: ${result.error.code}`);
  return result.value;
}

/** FORMATS.md §4.3: a name prefix equal to the issuer goes; with no issuer, a prefix becomes it. */
function expectedNames(name: string, issuer = ''): { issuer: string; account: string } {
  if (issuer !== '') {
    return {
      issuer,
      account: name.startsWith(`${issuer}:`) ? name.slice(issuer.length + 1) : name,
    };
  }
  const colon = name.indexOf(':');
  return colon < 0
    ? { issuer: '', account: name }
    : { issuer: name.slice(0, colon).trim(), account: name.slice(colon + 1).trimStart() };
}

describeWithShared('Google Authenticator export samples', () => {
  it.each([
    ['scito_example_export.txt', 'scito_example_export.decoded.jsonl'],
    ['scito_test_plus_problem_export.txt', 'scito_test_plus_problem_export.decoded.jsonl'],
    ['SYNTHETIC_two_batch_export.txt', 'SYNTHETIC_two_batch_export.decoded.jsonl'],
  ])('%s decodes as %s', (file, decoded) => {
    const expected = readSharedText(`${DIR}/${decoded}`)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Expected);
    const payloads = uris(file).map(decodeOk);
    expect(payloads).toHaveLength(expected.length);
    payloads.forEach((payload, i) => {
      const want = expected[i]!;
      expect(payload.errors).toEqual([]);
      expect(payload.batch).toEqual({
        id: want.batch_id,
        index: want.batch_index,
        size: want.batch_size,
      });
      expect(payload.entries.map((e) => ({ ...e, secret: encodeBase32(e.secret) }))).toEqual(
        want.otp_parameters.map((p) => ({
          type: p.type === 'HOTP' ? 'hotp' : 'totp',
          secret: p.secret_b32,
          algorithm: p.algorithm,
          digits: p.digits === 'EIGHT' ? 8 : 6,
          period: 30,
          counter: p.counter ?? 0,
          ...expectedNames(p.name, p.issuer),
          extra: {},
        })),
      );
    });
  });

  it('strips "Issuer:" from names and keeps raw + and / in the data', () => {
    const [payload] = uris('scito_test_plus_problem_export.txt').map(decodeOk);
    expect(payload?.entries.map((e) => [e.issuer, e.account])).toEqual([
      ['SerenityLabs', 'test1@serenitylabs.co.uk'],
      ['SerenityLabs', 'test2@serenitylabs.co.uk'],
      ['SerenityLabs', 'test3@serenitylabs.co.uk'],
      ['SerenityLabs', 'test4@serenitylabs.co.uk'],
    ]);
  });

  it('reads data whose + became a space (a form decoder ran over it)', () => {
    const [uri] = uris('scito_test_plus_problem_export.txt');
    expect(uri).toContain('+');
    expect(decodeOk(uri!.replaceAll('+', ' '))).toEqual(decodeOk(uri!));
  });

  it('reads URL-safe base64 without padding, and a percent-encoded URI', () => {
    const [uri] = uris('scito_test_plus_problem_export.txt');
    const data = uri!.slice(uri!.indexOf('data=') + 5);
    const urlSafe = data.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    expect(decodeOk(`otpauth-migration://offline?data=${urlSafe}`)).toEqual(decodeOk(uri!));
    expect(decodeOk(`OTPAUTH-MIGRATION://offline?data=${encodeURIComponent(data)}&x=1`)).toEqual(
      decodeOk(uri!),
    );
  });

  it('sign-extends a negative batch id written as a 10-byte varint', () => {
    const payloads = uris('SYNTHETIC_two_batch_export.txt').map(decodeOk);
    expect(payloads.map((p) => p.batch)).toEqual([
      { id: -123456789, index: 0, size: 2 },
      { id: -123456789, index: 1, size: 2 },
    ]);
  });

  it.each([
    ['scito_test_export_wrong_data.txt', 'migration_data_invalid'],
    ['scito_test_export_wrong_prefix.txt', 'migration_scheme'],
  ])('%s gives %s', (file, code) => {
    const [uri] = uris(file);
    expect(decodeMigrationUri(uri!)).toEqual({ ok: false, error: { code } });
  });
});

/** A payload written field by field, for the cases no real export shows. */
function payload(build: (m: MessageWriter) => MessageWriter): string {
  const data = encodeBase64(build(new MessageWriter()).finish());
  return `otpauth-migration://offline?data=${encodeURIComponent(data)}`;
}

const SECRET = Uint8Array.from({ length: 10 }, (_, i) => i + 1);

function account(fields: (m: MessageWriter) => MessageWriter): Uint8Array {
  return fields(new MessageWriter()).finish();
}

describe('migration payload errors', () => {
  it.each<[string, string, string]>([
    ['no data parameter', 'otpauth-migration://offline?x=1', 'migration_data_missing'],
    ['empty data', 'otpauth-migration://offline?data=', 'migration_data_missing'],
    ['not base64', 'otpauth-migration://offline?data=%%%%', 'migration_data_invalid'],
    [
      'one base64 symbol too many',
      'otpauth-migration://offline?data=AAAAA',
      'migration_data_invalid',
    ],
    ['another host', 'otpauth-migration://online?data=AAAA', 'migration_scheme'],
    ['an otpauth URI', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'migration_scheme'],
    [
      'too long',
      `otpauth-migration://offline?data=${'A'.repeat(MAX_MIGRATION_URI_LENGTH)}`,
      'migration_too_long',
    ],
    ['index past size', payload((m) => m.varint(3, 2).varint(4, 2)), 'migration_batch_invalid'],
    ['absurd batch size', payload((m) => m.varint(3, 1_000_000)), 'migration_batch_invalid'],
    ['version as bytes', payload((m) => m.bytes(2, SECRET)), 'migration_data_invalid'],
    ['truncated length', 'otpauth-migration://offline?data=CgU%3D', 'migration_data_invalid'],
  ])('%s', (_name, uri, code) => {
    expect(MIGRATION_ERRORS).toContain(code);
    expect(decodeMigrationUri(uri)).toEqual({ ok: false, error: { code } });
  });

  it('skips unknown fields of every wire type', () => {
    const entry = account((m) => m.bytes(1, SECRET).string(2, 'a').varint(99, 5).bytes(42, SECRET));
    const bytes = new Uint8Array([
      ...new MessageWriter().bytes(1, entry).varint(2, 1).finish(),
      // field 14 fixed64, field 15 fixed32 (one-byte keys below field 16)
      (14 << 3) | 1,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      (15 << 3) | 5,
      1,
      2,
      3,
      4,
    ]);
    const result = decodeMigrationPayload(bytes);
    expect(result.ok && result.value.entries.map((e) => e.account)).toEqual(['a']);
  });

  it('lists bad accounts with their position and imports the others', () => {
    const good = account((m) => m.bytes(1, SECRET).string(2, 'good'));
    const cases: Array<[Uint8Array, string]> = [
      [account((m) => m.string(2, 'no secret')), 'secret_missing'],
      [account((m) => m.bytes(1, SECRET.slice(0, 4))), 'secret_too_short'],
      [account((m) => m.bytes(1, new Uint8Array(LIMITS.maxSecretBytes + 1))), 'secret_too_long'],
      [account((m) => m.bytes(1, SECRET).varint(4, 4)), 'algorithm_unsupported'],
      [account((m) => m.bytes(1, SECRET).varint(5, 3)), 'digits_unsupported'],
      [account((m) => m.bytes(1, SECRET).varint(6, 3)), 'type_unsupported'],
      [account((m) => m.bytes(1, SECRET).varint(6, 1).varint(7, -1)), 'counter_invalid'],
      [account((m) => m.varint(1, 5)), 'entry_invalid'],
      [new Uint8Array([0x0a, 0x20, 1]), 'entry_invalid'],
    ];
    const uri = payload((m) => {
      m.bytes(1, good);
      for (const [bytes] of cases) m.bytes(1, bytes);
      return m.bytes(1, good);
    });
    const result = decodeOk(uri);
    expect(result.entries.map((e) => e.account)).toEqual(['good', 'good']);
    expect(result.errors.map(({ index, code }) => ({ index, code }))).toEqual(
      cases.map(([, code], i) => ({ index: i + 1, code })),
    );
    for (const { code } of result.errors) expect(MIGRATION_ENTRY_ERRORS).toContain(code);
    // A bad account keeps the names read before the fault, so the user can tell which it is.
    expect(result.errors[0]).toMatchObject({ issuer: '', account: 'no secret' });
    expect(result.errors.at(-1)).toEqual({ index: cases.length, code: 'entry_invalid' });
  });

  it('reads unspecified enums as SHA1, 6 digits, TOTP; literal digit counts of the old schema', () => {
    const uri = payload((m) =>
      m
        .bytes(
          1,
          account((a) => a.bytes(1, SECRET)),
        )
        .bytes(
          1,
          account((a) => a.bytes(1, SECRET).varint(5, 8).varint(6, 1).varint(7, 7)),
        ),
    );
    expect(decodeOk(uri).entries.map((e) => [e.algorithm, e.digits, e.type, e.counter])).toEqual([
      ['SHA1', 6, 'totp', 0],
      ['SHA1', 8, 'hotp', 7],
    ]);
  });

  it('never leaks input text into an error', () => {
    const secretish = 'JBSWY3DPEHPK3PXP';
    const result = decodeMigrationUri(`otpauth-migration://offline?data=${secretish}!`);
    expect(JSON.stringify(result)).not.toContain(secretish);
  });
});

describe('migration decoder on random input', () => {
  it('never throws on random text, and bounds its work', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        decodeMigrationUri(`otpauth-migration://offline?data=${tail}`);
        decodeMigrationUri(tail);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random bytes, and returns entries that pass the limits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = decodeMigrationPayload(bytes);
        if (!result.ok) return;
        for (const e of result.value.entries) {
          expect(e.secret.length).toBeGreaterThanOrEqual(LIMITS.minSecretBytes);
          expect([6, 8]).toContain(e.digits);
        }
        const { index, size } = result.value.batch;
        expect(index).toBeLessThan(size);
      }),
      { numRuns: 3000 },
    );
  });

  it('stays fast on the largest input it accepts', () => {
    // Nested lengths that each claim the rest of the buffer, and a flood of tiny fields.
    const nested = new Uint8Array(12_000).fill(0x0a);
    const flood = new Uint8Array(12_000).fill(0x08).map((b, i) => (i % 2 === 0 ? b : 1));
    const start = performance.now();
    for (const bytes of [nested, flood]) {
      const uri = `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(bytes))}`;
      decodeMigrationUri(uri.slice(0, MAX_MIGRATION_URI_LENGTH));
    }
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('base64', () => {
  it('round-trips any bytes, and reads the URL-safe form', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(decodeBase64(text)).toEqual(bytes);
        expect(
          decodeBase64(text.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')),
        ).toEqual(bytes);
      }),
    );
  });
});

describe('migration export', () => {
  const entryArb: fc.Arbitrary<OtpEntry> = fc
    .record({
      type: fc.constantFrom('totp' as const, 'hotp' as const),
      secret: fc.uint8Array({ minLength: LIMITS.minSecretBytes, maxLength: 64 }),
      algorithm: fc.constantFrom(...ALGORITHMS),
      digits: fc.constantFrom(6, 8),
      counter: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      // Otter's names are trimmed (every parser and form trims them).
      issuer: fc.string({ maxLength: 20 }).map((s) => s.trim()),
      account: fc.string({ maxLength: 30 }).map((s) => s.trim()),
    })
    .map((e) => ({ ...e, period: 30, counter: e.type === 'hotp' ? e.counter : 0, extra: {} }));

  it('round-trips: decode(encode(entries)) gives the entries back, in order', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 25 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (entries, batchId) => {
          const exported = encodeMigrationUris(entries, { batchId });
          expect(exported.skipped).toEqual([]);
          const decoded = exported.uris.map(decodeOk);
          expect(decoded.flatMap((p) => p.entries)).toEqual(entries);
          decoded.forEach((p, index) => {
            expect(p.errors).toEqual([]);
            expect(p.batch).toEqual({ id: batchId, index, size: exported.uris.length });
            expect(p.entries.length).toBeLessThanOrEqual(MAX_ACCOUNTS_PER_CODE);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits 25 accounts into codes of at most 10, one batch id', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({
      type: 'totp' as const,
      secret: SECRET,
      algorithm: 'SHA1' as const,
      digits: 6,
      period: 30,
      counter: 0,
      issuer: 'Site',
      account: `user${i}`,
      extra: {},
    }));
    const { uris: codes } = encodeMigrationUris(entries);
    expect(codes).toHaveLength(3);
    const batches = codes.map((u) => decodeOk(u).batch);
    expect(new Set(batches.map((b) => b.id)).size).toBe(1);
    expect(batches.map((b) => [b.index, b.size])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    for (const uri of codes)
      expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/);
  });

  it('keeps a name that starts with U+FEFF (the decoder would drop it as a byte-order mark)', () => {
    const entry: OtpEntry = {
      type: 'totp',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      issuer: '\uFEFFSite',
      account: '\uFEFFuser',
      extra: {},
    };
    const [uri] = encodeMigrationUris([entry]).uris;
    expect(decodeOk(uri!).entries).toEqual([entry]);
  });

  it('skips, with a reason, what the format cannot carry', () => {
    const base: OtpEntry = {
      type: 'totp',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      issuer: 'A',
      account: 'b',
      extra: { image: 'x' },
    };
    const { uris: codes, skipped } = encodeMigrationUris([
      base,
      { ...base, type: 'steam', digits: 5 },
      { ...base, digits: 7 },
      { ...base, period: 60 },
      { ...base, type: 'hotp', period: 30, counter: 3 },
      { ...base, account: 'x'.repeat(2000) },
    ]);
    expect(skipped).toEqual([
      { index: 1, reason: 'steam_unsupported' },
      { index: 2, reason: 'digits_unsupported' },
      { index: 3, reason: 'period_unsupported' },
      { index: 5, reason: 'entry_too_large' },
    ]);
    expect(codes.flatMap((u) => decodeOk(u).entries.map((e) => e.type))).toEqual(['totp', 'hotp']);
  });

  it('writes nothing for nothing', () => {
    expect(encodeMigrationUris([])).toEqual({ uris: [], skipped: [] });
  });
});
