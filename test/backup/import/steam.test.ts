import { describe, expect, it } from 'vitest';
import { steamImporter } from '../../../src/backup/import/steam';
import type { ImportResult } from '../../../src/backup/import/types';
import { decodeBase32 } from '../../../src/otp/secret';
import { describeWithShared } from '../../support/shared';
import {
  codeOf,
  fuzzImporter,
  readDetected,
  readWith,
  sampleBytes,
  textBytes,
  unwrap,
} from './support';

const NEW_SAMPLE = 'samples/steam/steam.json';
const OLD_SAMPLE = 'samples/steam/steam_old.json';
/** The key of Aegis's Steam fixture, as its `uri` writes it in base32. */
const SOPHIA = 'JRZCL47CMXVOQMNPZR2F7J4RGI';
const SOPHIA_BASE64 = 'THIl8+Jl6ugxr8x0X6eRMg==';
/** A second key: 20 bytes, as Steam's are. */
const SECOND_BASE64 = 'AAECAwQFBgcICQoLDA0ODxAREhM=';

function key(base32: string): Uint8Array {
  const decoded = decodeBase32(base32);
  if (!decoded.ok) throw new Error('bad test key');
  return decoded.value;
}

function expectSteam(
  result: ImportResult,
  expected: { account: string; secret: Uint8Array; revocation?: string; dropped?: string[] }[],
): void {
  expect(result.accounts).toHaveLength(expected.length);
  result.accounts.forEach((a, i) => {
    const e = expected[i]!;
    expect(a).toEqual({
      type: 'steam',
      secret: e.secret,
      algorithm: 'SHA1',
      digits: 5,
      period: 30,
      counter: 0,
      issuer: 'Steam',
      account: e.account,
      extra: {},
      note: '',
      pinned: false,
      tags: [],
      sites: [],
      trashed: false,
      dropped: e.dropped ?? [],
      ...(e.revocation === undefined ? {} : { revocationCode: e.revocation }),
    });
  });
}

/** A `.maFile` as Steam Desktop Authenticator writes it (fields from its SteamGuardAccount). */
function maFile(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    shared_secret: SOPHIA_BASE64,
    serial_number: '3513420981239087651',
    revocation_code: 'R54321',
    uri: `otpauth://totp/Steam:sophia_k?secret=${SOPHIA}&issuer=Steam`,
    server_time: 1700000000,
    account_name: 'sophia_k',
    token_gid: '2b1a9f4c7d3e5a60',
    identity_secret: 'dGhpcyBpcyBhIHRlc3Qgc3RyaW5n',
    secret_1: 'eWV0IGFub3RoZXIgdGVzdCBzdHJpbmc=',
    status: 1,
    device_id: 'android:9b2e0a5c-1f3d-4e6a-8b7c-0d1e2f3a4b5c',
    fully_enrolled: true,
    Session: { SteamID: 76561198000000000, AccessToken: 'eyJ0eXAi', RefreshToken: 'eyJ0eXAi' },
    ...fields,
  };
}

function json(value: unknown): Uint8Array {
  return textBytes(JSON.stringify(value));
}

async function errorOf(bytes: Uint8Array): Promise<string> {
  const result = await readDetected(bytes);
  return result.ok ? 'ok' : result.error.code;
}

describeWithShared('Steam Guard samples (Aegis importer fixtures)', () => {
  it.each([NEW_SAMPLE, OLD_SAMPLE])(
    '%s: the account, its key, its revocation code, the confirmation keys dropped',
    async (sample) => {
      const result = unwrap(await readDetected(sampleBytes(sample)));
      expect(result).toMatchObject({ format: 'steam', encrypted: false, refused: [] });
      // Aegis's SteamImporterTest: one Steam account "Sophia" with this key.
      expectSteam(result, [
        {
          account: 'Sophia',
          secret: key(SOPHIA),
          revocation: 'R1234',
          dropped: ['steam_confirmation'],
        },
      ]);
      // Steam's 5-character code, from the same key as the otpauth link in the file.
      const code = codeOf(result.accounts[0]!, '2024-01-01T00:00:00Z');
      expect(code).toMatch(/^[2-9BCDFGHJKMNPQRTVWXY]{5}$/);
    },
  );

  it('takes nothing but a whole file', async () => {
    const bytes = sampleBytes(NEW_SAMPLE);
    for (const n of [0, 1, 40, bytes.length >> 1, bytes.length - 3]) {
      expect(await errorOf(bytes.slice(0, n)), `cut at ${n}`).toBe('import_unrecognised');
    }
  });

  it('survives fuzzing of the real samples', async () => {
    await fuzzImporter(steamImporter, [sampleBytes(NEW_SAMPLE), sampleBytes(OLD_SAMPLE)], {
      runs: 200,
    });
  });
});

describe('Steam Guard files', () => {
  it('reads a Steam Desktop Authenticator .maFile, with its saved login dropped', async () => {
    const result = unwrap(await readDetected(json(maFile())));
    expect(result.format).toBe('steam');
    expectSteam(result, [
      {
        account: 'sophia_k',
        secret: key(SOPHIA),
        revocation: 'R54321',
        dropped: ['steam_confirmation'],
      },
    ]);
  });

  it('reads a bare key and name (nothing dropped, no revocation code)', async () => {
    const result = unwrap(
      await readDetected(json({ shared_secret: SOPHIA_BASE64, account_name: 'gamer' })),
    );
    expectSteam(result, [{ account: 'gamer', secret: key(SOPHIA) }]);
  });

  it("reads the Steam app's accounts by id, and refuses a broken one by name", async () => {
    const file = {
      accounts: {
        '76561198000000001': maFile({ account_name: 'first', Session: undefined }),
        '76561198000000002': maFile({
          account_name: 'second',
          shared_secret: SECOND_BASE64,
          revocation_code: 'R00042',
          identity_secret: '',
          device_id: '',
          Session: null,
        }),
        '76561198000000003': maFile({ account_name: 'broken', shared_secret: 'not base64!' }),
        '76561198000000004': maFile({ account_name: 'keyless', shared_secret: '' }),
        '76561198000000005': maFile({ account_name: 'numbered', shared_secret: 12345 }),
      },
    };
    const result = unwrap(await readWith(steamImporter, json(file)));
    expectSteam(result, [
      {
        account: 'first',
        secret: key(SOPHIA),
        revocation: 'R54321',
        dropped: ['steam_confirmation'],
      },
      {
        account: 'second',
        secret: Uint8Array.from({ length: 20 }, (_, i) => i),
        revocation: 'R00042',
      },
    ]);
    expect(result.refused).toEqual([
      { index: 3, issuer: 'Steam', account: 'broken', reason: 'secret_invalid' },
      { index: 4, issuer: 'Steam', account: 'keyless', reason: 'secret_missing' },
      { index: 5, issuer: 'Steam', account: 'numbered', reason: 'secret_invalid' },
    ]);
  });

  it('keeps no revocation code that is not one', async () => {
    const result = unwrap(
      await readWith(steamImporter, json(maFile({ revocation_code: 'R'.repeat(40) }))),
    );
    expect(result.accounts[0]).not.toHaveProperty('revocationCode');
  });

  it('leaves JSON that only resembles it to the others', () => {
    for (const other of [
      { shared_secret: SOPHIA_BASE64 },
      { accounts: [] },
      { accounts: {} },
      { accounts: { a: { name: 'x' } } },
      [maFile()],
    ]) {
      const bytes = json(other);
      expect(steamImporter.detect({ bytes, text: '', json: other, zip: null })).toBe(false);
    }
  });

  it('survives fuzzing of a .maFile', async () => {
    await fuzzImporter(steamImporter, [json(maFile()), json({ accounts: { a: maFile() } })], {
      runs: 200,
    });
  });
});
