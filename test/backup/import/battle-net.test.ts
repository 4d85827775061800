import { describe, expect, it } from 'vitest';
import { battleNetImporter } from '../../../src/backup/import/battle-net';
import { describeWithShared } from '../../support/shared';
import { FIXTURE_TIME, referenceHotp } from './fixture-accounts';
import {
  codeOf,
  fuzzImporter,
  readDetected,
  readWith,
  sampleBytes,
  textBytes,
  unwrap,
} from './support';

const SAMPLE = 'samples/other-aegis-fixtures/battle_net_authenticator.xml';
/** The sample's key and serial, unmasked by hand (Python) with the published mask. */
const KEY_HEX = '0b0d1bbcc5046102f0cc9eba904d7aae16038c28';
const SERIAL = 'US-2211-2050-3346';
/** The mask WinAuth, Aegis and others publish, written out here on its own. */
const MASK = Buffer.from(
  '398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a',
  'hex',
);

function mask(text: string): string {
  return Buffer.from([...Buffer.from(text, 'latin1')].map((b, i) => b ^ MASK[i]!)).toString('hex');
}

function prefs(strings: Record<string, string>): Uint8Array {
  const body = Object.entries(strings)
    .map(([name, value]) => `    <string name="${name}">${value}</string>\n`)
    .join('');
  return textBytes(
    `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n${body}</map>\n`,
  );
}

const APP_SECRET = 'com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET';
const APP_SERIAL = 'com.blizzard.messenger.AUTHENTICATOR_SERIAL';
const BMA_HASH = 'com.blizzard.bma.AUTH_STORE.HASH';

async function errorOf(bytes: Uint8Array): Promise<string> {
  const result = await readDetected(bytes);
  return result.ok ? 'ok' : result.error.code;
}

function expectBlizzard(bytes: Uint8Array, serial = SERIAL, keyHex = KEY_HEX) {
  return async () => {
    const result = unwrap(await readWith(battleNetImporter, bytes));
    expect(result).toMatchObject({ format: 'battle_net', encrypted: false, refused: [] });
    const key = Buffer.from(keyHex, 'hex');
    expect(result.accounts).toEqual([
      {
        type: 'totp',
        secret: new Uint8Array(key),
        algorithm: 'SHA1',
        digits: 8,
        period: 30,
        counter: 0,
        issuer: 'Battle.net',
        account: serial,
        extra: {},
        note: '',
        pinned: false,
        tags: [],
        sites: [],
        trashed: false,
        dropped: [],
      },
    ]);
    const counter = Math.floor(Date.parse(FIXTURE_TIME) / 30_000);
    expect(codeOf(result.accounts[0]!, FIXTURE_TIME)).toBe(referenceHotp(key, 'SHA1', 8, counter));
  };
}

describeWithShared('Battle.net Authenticator sample', () => {
  it('reads the key and serial of the Battle.net app', async () => {
    await expectBlizzard(sampleBytes(SAMPLE))();
  });

  it('refuses truncated files with a code', async () => {
    const bytes = sampleBytes(SAMPLE);
    const at = new TextDecoder().decode(bytes).indexOf(APP_SECRET);
    for (const n of [0, 30, at + 80]) {
      expect(await errorOf(bytes.slice(0, n)), `cut at ${n}`).toMatch(
        /^import_(unrecognised|damaged)$/,
      );
    }
  });

  it('survives fuzzing of the real sample', async () => {
    await fuzzImporter(battleNetImporter, [sampleBytes(SAMPLE)], { runs: 200 });
  });
});

describe('Battle.net Authenticator stores', () => {
  it(
    'reads the older app (com.blizzard.bma): one value, key then serial',
    expectBlizzard(prefs({ [BMA_HASH]: mask(KEY_HEX + 'EU-1234-5678-9012') }), 'EU-1234-5678-9012'),
  );

  it(
    'reads the Battle.net app without a serial',
    expectBlizzard(prefs({ [APP_SECRET]: mask(KEY_HEX) }), ''),
  );

  it('refuses a key that does not unmask to hex, naming the account', async () => {
    for (const secret of [mask('not hex at all!'), 'zz', '0', mask('ab'.repeat(40))]) {
      const result = unwrap(
        await readWith(
          battleNetImporter,
          prefs({ [APP_SECRET]: secret, [APP_SERIAL]: mask(SERIAL) }),
        ),
      );
      expect(result.accounts).toEqual([]);
      expect(result.refused).toEqual([
        { index: 1, issuer: 'Battle.net', account: SERIAL, reason: 'secret_invalid' },
      ]);
    }
  });

  it('shows no serial that is not one', async () => {
    const bytes = prefs({ [APP_SECRET]: mask(KEY_HEX), [APP_SERIAL]: mask('<script>') });
    expect(unwrap(await readWith(battleNetImporter, bytes)).accounts[0]?.account).toBe('');
  });

  it('is not taken for other preferences files', () => {
    const text = '<?xml version=\'1.0\' ?><map><string name="other">x</string></map>';
    expect(
      battleNetImporter.detect({ bytes: textBytes(text), text, json: undefined, zip: null }),
    ).toBe(false);
  });
});
