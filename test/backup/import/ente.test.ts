import type * as HashWasm from 'hash-wasm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { argon2idKey } from '../../../src/backup/import/crypto-open';
import { enteImporter, ENTE_KDF_LIMITS } from '../../../src/backup/import/ente';
import { importInput } from '../../../src/backup/import/input';
import {
  pullSingleMessage,
  SECRETSTREAM_TAG_FINAL,
  SECRETSTREAM_TAG_PUSH,
  SECRETSTREAM_TAG_REKEY,
} from '../../../src/backup/import/secretstream';
import { fromBase64, utf8 } from '../../../src/bytes';
import { describeWithShared } from '../../support/shared';
import { encryptedTwin, expectAccounts } from './expect-accounts';
import { pushSingleMessage } from './secretstream-push';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

const argon2 = vi.hoisted(() => ({ calls: 0 }));
vi.mock('hash-wasm', async (original) => {
  const real = (await import('../memo-argon2')).memoised(await original<typeof HashWasm>());
  return {
    ...real,
    argon2id: (options: Parameters<typeof real.argon2id>[0]) => {
      argon2.calls++;
      return real.argon2id(options);
    },
  };
});

interface Fixture {
  password: string;
  plain: string;
  export: Record<string, unknown> & { kdfParams: Record<string, unknown> };
  notFinal: Record<string, unknown>;
  vectors: {
    key: string;
    withAd: { ad: string; message: string; header: string; sealed: string };
    empty: { header: string; sealed: string };
  };
}

/** Made with the real libsodium by fixtures/make-ente-fixtures.py (8 KiB, 1 pass). */
const fixture = JSON.parse(
  readFileSync(new URL('fixtures/ente-libsodium.json', import.meta.url), 'utf8'),
) as Fixture;
const json = (value: unknown): Uint8Array => textBytes(JSON.stringify(value));
const b64 = (text: string): Uint8Array => fromBase64(text)!;

/**
 * The fixture export's key, derived as Ente does (crypto_pwhash: memLimit / 1024 KiB, one lane).
 */
async function deriveFixtureKey(): Promise<Uint8Array> {
  const kdf = fixture.export.kdfParams;
  const key = await argon2idKey(fixture.password, b64(kdf.salt as string), {
    memoryKiB: (kdf.memLimit as number) / 1024,
    iterations: kdf.opsLimit as number,
    parallelism: 1,
  });
  if (key === null) throw new Error('the fixture key could not be derived');
  return key;
}

beforeEach(() => {
  argon2.calls = 0;
});

describeWithShared('Ente Auth samples', () => {
  const plainBytes = sampleBytes('samples/ente-auth/ente_auth.txt');
  const encryptedBytes = sampleBytes('samples/ente-auth/SYNTHETIC_ente_auth_encrypted.txt');

  it('reads every account of the plain export (codeDisplay taken out of the link)', async () => {
    const result = unwrap(await readWith(enteImporter, plainBytes));
    expect(result.format).toBe('ente');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expectAccounts(result.accounts, [
      {
        type: 'hotp',
        secret: 'KUVJJOM753IHTNDSZVCNKL7GII',
        algorithm: 'SHA256',
        digits: 7,
        counter: 50,
        issuer: 'Air Canada',
        account: 'Benjamin',
        code: '4444976',
      },
      {
        secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
        algorithm: 'SHA512',
        digits: 8,
        period: 50,
        issuer: 'Airbnb',
        account: 'Elijah',
        code: '65516786',
      },
      {
        type: 'steam',
        secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
        issuer: 'Boeing',
        account: 'Sophia',
        code: '747JR',
      },
      {
        secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
        issuer: 'Deno',
        account: 'Mason',
        code: '790195',
      },
      {
        type: 'hotp',
        secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4',
        counter: 1,
        issuer: 'Issuu',
        account: 'James',
        code: '253717',
      },
      {
        secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU',
        algorithm: 'SHA256',
        digits: 7,
        period: 20,
        issuer: 'SPDX',
        account: 'James',
        code: '9993814',
      },
      {
        // Ente writes `period=30` on HOTP links too; the link parser keeps it as an extra.
        type: 'hotp',
        secret: '5VAML3X35THCEBVRLV24CGBKOY',
        algorithm: 'SHA512',
        digits: 8,
        counter: 10300,
        issuer: 'WWE',
        account: 'Mason',
        extra: { period: '30' },
        code: '24622277',
      },
    ]);
  });

  it('decrypts the encrypted export to the same accounts', async () => {
    const plain = unwrap(await readWith(enteImporter, plainBytes));
    const encrypted = unwrap(await readWith(enteImporter, encryptedBytes, 'test'));
    expect(encrypted).toEqual(encryptedTwin(plain));
  });

  it('tells a wrong password apart', async () => {
    const read = await readWith(enteImporter, encryptedBytes, 'Test');
    expect(read).toEqual({ ok: false, error: { code: 'import_wrong_password' } });
  });

  it('is chosen by content through the shared detection', async () => {
    expect(unwrap(await readDetected(plainBytes)).format).toBe('ente');
    expect(unwrap(await readDetected(encryptedBytes, 'test')).accounts).toHaveLength(7);
    expect(await readDetected(encryptedBytes)).toEqual({
      ok: false,
      error: { code: 'import_password_required' },
    });
  });

  it('survives random bytes, truncations and byte changes of the samples', async () => {
    await fuzzImporter(enteImporter, [plainBytes, encryptedBytes], { runs: 200 });
  });
});

describe('Ente Auth codeDisplay and encryption (made with libsodium)', () => {
  const exportBytes = json(fixture.export);

  const expected = [
    {
      // position 0
      type: 'steam' as const,
      secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
      issuer: 'Steam',
      account: 'gamer',
      tags: ['Games'],
      code: 'C5TDQ',
    },
    {
      // position 1, in Ente's trash
      type: 'hotp' as const,
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      counter: 7,
      issuer: 'Forge',
      account: 'dev',
      trashed: true,
      code: '162583',
    },
    {
      // position 2
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA256' as const,
      digits: 8,
      period: 60,
      issuer: 'Example Bank',
      account: 'anna@example.com',
      note: 'Recovery codes in the drawer, 2nd shelf',
      pinned: true,
      tags: ['Money', 'Work'],
      dropped: ['icon', 'usage'],
      code: '71205722',
    },
  ];

  it('keeps pinned, trashed, tags, note and order, and names the icon and usage it drops', async () => {
    const result = unwrap(await readWith(enteImporter, textBytes(fixture.plain)));
    expectAccounts(result.accounts, expected);
    expect(result.refused).toEqual([
      {
        index: 4,
        issuer: 'Yandex',
        account: 'ivan',
        reason: 'type_unsupported',
        detail: 'yandex',
      },
    ]);
  });

  it('decrypts a libsodium-made export with the cost it names', async () => {
    const result = unwrap(await readWith(enteImporter, exportBytes, fixture.password));
    expect(result.encrypted).toBe(true);
    expectAccounts(result.accounts, expected);
    expect(result.refused).toHaveLength(1);
  });

  it('opens single-message streams the way libsodium wrote them, with and without data', () => {
    const key = b64(fixture.vectors.key);
    const withAd = fixture.vectors.withAd;
    const opened = pullSingleMessage(key, b64(withAd.header), b64(withAd.sealed), utf8(withAd.ad));
    expect(opened).toEqual({
      ok: true,
      value: { message: utf8(withAd.message), tag: SECRETSTREAM_TAG_FINAL },
    });
    expect(pullSingleMessage(key, b64(withAd.header), b64(withAd.sealed))).toEqual({
      ok: false,
      error: 'stream_forged',
    });
    const empty = fixture.vectors.empty;
    expect(pullSingleMessage(key, b64(empty.header), b64(empty.sealed))).toEqual({
      ok: true,
      value: { message: new Uint8Array(0), tag: SECRETSTREAM_TAG_FINAL },
    });
    expect(pullSingleMessage(key, b64(empty.header).subarray(1), b64(empty.sealed))).toEqual({
      ok: false,
      error: 'stream_invalid',
    });
  });

  it('gives back any message with the tag it was pushed with, and spots a changed tag byte', () => {
    const key = b64(fixture.vectors.key);
    const header = b64(fixture.vectors.withAd.header);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 0, max: 255 }),
        (message, tag) => {
          const sealed = pushSingleMessage(key, header, message, new Uint8Array(0), tag);
          expect(pullSingleMessage(key, header, sealed)).toEqual({
            ok: true,
            value: { message, tag },
          });
          const changed = sealed.slice();
          changed[0] = (changed[0] ?? 0) ^ 1;
          expect(pullSingleMessage(key, header, changed)).toEqual({
            ok: false,
            error: 'stream_forged',
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes single-message streams exactly as libsodium does (the tests’ own writer)', () => {
    const key = b64(fixture.vectors.key);
    const { ad, message, header, sealed } = fixture.vectors.withAd;
    expect(pushSingleMessage(key, b64(header), utf8(message), utf8(ad))).toEqual(b64(sealed));
    const empty = fixture.vectors.empty;
    expect(pushSingleMessage(key, b64(empty.header), new Uint8Array(0))).toEqual(b64(empty.sealed));
  });

  it('opens an export whose only message is tagged MESSAGE, as real Ente exports are', async () => {
    // The Ente Auth export in Authenticator Pro's test suite carries MESSAGE, not FINAL
    // (authenticator-pro-tests.test.ts opens it); libsodium made this one the same way.
    const result = unwrap(await readWith(enteImporter, json(fixture.notFinal), fixture.password));
    expectAccounts(result.accounts, expected);
  });

  it.each([
    ['PUSH', SECRETSTREAM_TAG_PUSH],
    ['REKEY', SECRETSTREAM_TAG_REKEY],
  ])('reports an export whose only message is tagged %s as damaged', async (_, tag) => {
    const key = await deriveFixtureKey();
    const header = b64(fixture.export.encryptionNonce as string);
    const sealed = pushSingleMessage(key, header, utf8(fixture.plain), new Uint8Array(0), tag);
    const file = { ...fixture.export, encryptedData: Buffer.from(sealed).toString('base64') };
    const read = await readWith(enteImporter, json(file), fixture.password);
    expect(read).toEqual({ ok: false, error: { code: 'import_damaged' } });
  });

  it('reports a changed byte of the ciphertext as a wrong password (the MAC cannot tell)', async () => {
    const data = b64(fixture.export.encryptedData as string);
    data[10] = (data[10] ?? 0) ^ 1;
    const changed = { ...fixture.export, encryptedData: Buffer.from(data).toString('base64') };
    const read = await readWith(enteImporter, json(changed), fixture.password);
    expect(read).toEqual({ ok: false, error: { code: 'import_wrong_password' } });
  });

  it.each([
    ['more memory than Ente ever asks for', { memLimit: 2 * 1024 ** 3, opsLimit: 2 }],
    [
      'the most memory with more passes than Ente trades it for',
      { memLimit: 1024 ** 3, opsLimit: 5 },
    ],
    ['a huge pass count', { memLimit: 64 * 1024 ** 2, opsLimit: 1_000_000 }],
    ['less memory than libsodium allows', { memLimit: 4096, opsLimit: 4 }],
    ['no passes', { memLimit: 65536, opsLimit: 0 }],
    ['a fractional memory limit', { memLimit: 65536.5, opsLimit: 2 }],
  ])('refuses %s before deriving anything', async (_, params) => {
    const crafted = json({
      ...fixture.export,
      kdfParams: { ...fixture.export.kdfParams, ...params },
    });
    const started = performance.now();
    const read = await enteImporter.read(importInput(crafted));
    expect(read).toEqual({ ok: false, error: { code: 'import_kdf_unsupported' } });
    expect(argon2.calls).toBe(0);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("accepts every cost Ente's adaptive derivation can write (without deriving here)", async () => {
    for (let mem = ENTE_KDF_LIMITS.maxMemLimit, ops = 4; mem >= 8192; mem /= 2, ops *= 2) {
      const file = json({
        ...fixture.export,
        kdfParams: { ...fixture.export.kdfParams, memLimit: mem, opsLimit: ops },
      });
      const read = await enteImporter.read(importInput(file));
      expect(read.ok && read.value.kind).toBe('encrypted');
    }
    expect(argon2.calls).toBe(0);
  });

  it.each([
    ['version 2', { version: 2 }, 'import_version_unsupported'],
    ['no version', { version: undefined }, 'import_damaged'],
    [
      'a short salt',
      { kdfParams: { ...fixture.export.kdfParams, salt: 'AAAA' } },
      'import_damaged',
    ],
    ['a short stream header', { encryptionNonce: 'AAAA' }, 'import_damaged'],
    ['data shorter than a tag', { encryptedData: 'AAAA' }, 'import_damaged'],
    ['data that is not base64', { encryptedData: '#####' }, 'import_damaged'],
    ['kdfParams of the wrong type', { kdfParams: 'fast' }, 'import_damaged'],
  ])('refuses %s', async (_, change, code) => {
    const read = await readDetected(json({ ...fixture.export, ...change }), fixture.password);
    expect(read).toEqual({ ok: false, error: { code } });
  });

  it('never reads a truncated export as a result', async () => {
    for (const n of [0, 1, 20, 80, exportBytes.length - 30, exportBytes.length - 2]) {
      const read = await readDetected(exportBytes.subarray(0, n), fixture.password);
      expect(read.ok).toBe(false);
    }
    const text = textBytes(fixture.plain);
    const cut = unwrap(await readDetected(text.subarray(0, Math.floor(text.length / 2))));
    expect(cut.accounts.length + cut.refused.length).toBe(2);
  });

  it('reads `+` as a space in links as Ente writes them (Dart query encoding)', async () => {
    // Dart's Uri.encodeQueryComponent: a space is `+`, a `+` is `%2B`; an empty value loses `=`.
    const dartQuery = (value: string): string =>
      encodeURIComponent(value).replaceAll('%20', '+').replaceAll(',', '%2C');
    const display = (note: string, tags: string[], position: number): string =>
      dartQuery(
        JSON.stringify({
          pinned: false,
          trashed: false,
          lastUsedAt: 0,
          tapCount: 0,
          tags,
          note,
          position,
          iconSrc: 'ente',
          iconID: '',
        }),
      );
    const text =
      [
        // Typed in: issuer and account raw in the label (Dart's Uri.parse escapes the space).
        'otpauth://totp/My%20Bank:anna+1@example.com?algorithm=SHA512&digits=8' +
          `&issuer=${dartQuery('My Bank')}&period=60&secret=JBSWY3DPEHPK3PXP` +
          `&codeDisplay=${display('Call Bob, then 2+2', ['Work stuff'], 0)}`,
        // Scanned: the issuer only in the parameter.
        'otpauth://hotp/alice?secret=GEZDGNBVGY3TQOJQ&issuer=Old+Forge&counter=12' +
          `&codeDisplay=${display('', [], 1)}`,
        // No issuer: Dart writes the empty parameter without `=`.
        'otpauth://totp/:carol?algorithm=SHA1&digits=6&issuer&period=30' +
          `&secret=JBSWY3DPEHPK3PXP&codeDisplay=${display('', [], 2)}`,
      ].join('\n') + '\n';
    const result = unwrap(await readWith(enteImporter, textBytes(text)));
    expect(result.refused).toEqual([]);
    expect(
      result.accounts.map((a) => [a.issuer, a.account, a.note, a.tags, a.extra, a.digits]),
    ).toEqual([
      ['My Bank', 'anna+1@example.com', 'Call Bob, then 2+2', ['Work stuff'], {}, 8],
      ['Old Forge', 'alice', '', [], {}, 6],
      ['', 'carol', '', [], {}, 6],
    ]);
    expect(result.accounts.map((a) => [a.algorithm, a.period, a.counter])).toEqual([
      ['SHA512', 60, 0],
      ['SHA1', 30, 12],
      ['SHA1', 30, 0],
    ]);
  });

  it("reads the enum name older Ente versions wrote as the algorithm ('Algorithm.sha256')", async () => {
    const text =
      'otpauth://totp/Forge:dev?algorithm=Algorithm.sha256&digits=6&issuer=Forge&period=30' +
      '&secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%7D\n' +
      'otpauth://totp/Mill:ops?algorithm=Algorithm.sha512&digits=8&issuer=Mill&period=30' +
      '&secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%7D\n';
    const result = unwrap(await readWith(enteImporter, textBytes(text)));
    expect(result.refused).toEqual([]);
    expect(result.accounts.map((a) => [a.issuer, a.algorithm, a.digits])).toEqual([
      ['Forge', 'SHA256', 6],
      ['Mill', 'SHA512', 8],
    ]);
  });

  it('names the service as Ente does when `period=` ran into the issuer (no `&` before it)', async () => {
    // Links with `issuer=<name>period=<n>` are kept in Ente's store as first saved and exported
    // as they are; Ente names the service by what comes before `period=` and takes no period
    // from there (mobile/apps/auth/lib/models/code.dart, _getIssuer and _getPeriod, citing
    // ente-io/ente pull 77). Built here in that shape, with Ente's export form.
    const text =
      'otpauth://totp/Forge:dev?algorithm=SHA1&digits=6&issuer=Forgeperiod=30' +
      '&secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%7D\n' +
      'otpauth://totp/Old+Mill:ops?algorithm=SHA1&digits=6&issuer=Old+Millperiod=30' +
      '&secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%7D\n' +
      // A `+` in the issuer is a space however the label is written.
      'otpauth://totp/ops?algorithm=SHA1&digits=6&issuer=New+Millperiod=30' +
      '&secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%7D\n';
    const result = unwrap(await readWith(enteImporter, textBytes(text)));
    expect(result.refused).toEqual([]);
    expect(result.accounts.map((a) => [a.issuer, a.account, a.period])).toEqual([
      ['Forge', 'dev', 30],
      ['Old Mill', 'ops', 30],
      ['New Mill', 'ops', 30],
    ]);
  });

  it('ignores prototype keys and codeDisplay JSON it cannot read', async () => {
    const polluted =
      'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&codeDisplay=' +
      encodeURIComponent('{"__proto__":{"pinned":true},"constructor":{"trashed":true}}') +
      '\notpauth://totp/C:d?secret=JBSWY3DPEHPK3PXP&codeDisplay=%7Bbroken\n' +
      'otpauth://totp/E:f?secret=JBSWY3DPEHPK3PXP&__proto__=x&codeDisplay=%5B1%5D\n';
    const result = unwrap(await readDetected(textBytes(polluted)));
    expect(result.accounts.map((a) => [a.issuer, a.pinned, a.trashed, a.extra])).toEqual([
      ['A', false, false, {}],
      ['C', false, false, {}],
      ['E', false, false, {}],
    ]);
    expect(({} as Record<string, unknown>).pinned).toBeUndefined();
  });

  it('bounds the number of lines', async () => {
    const line = 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%7D\n';
    const read = await readDetected(textBytes(line.repeat(10_001)));
    expect(read).toEqual({ ok: false, error: { code: 'import_too_large' } });
  });

  it('leaves otpauth lists without codeDisplay to the generic reader', () => {
    const list = importInput(textBytes('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\n'));
    expect(enteImporter.detect(list)).toBe(false);
  });

  it('survives mutations of a cheap encrypted export, with the password', async () => {
    await fuzzImporter(enteImporter, [exportBytes, textBytes(fixture.plain)], {
      runs: 150,
      password: fixture.password,
    });
  });
});
