import { describe, expect, it } from 'vitest';
import { twofauthImporter } from '../../../src/backup/import/twofauth';
import { decodeBase32 } from '../../../src/otp/secret';
import { fuzzImporter, readDetected, textBytes, unwrap } from './support';

function key(base32: string): Uint8Array {
  const decoded = decodeBase32(base32);
  if (!decoded.ok) throw new Error('bad test key');
  return decoded.value;
}

/**
 * The example of 2FAuth's documentation ("2FA Migration" → "Export schema", Bubka/2fauth-docs),
 * its icon cut short there as it is here.
 */
const DOCS_EXAMPLE = String.raw`{
    "app": "2fauth_v5.1.1",
    "schema": 1,
    "datetime": "2024-04-07T12:16:29.606564Z",
    "data": [
        {
            "otp_type": "totp",
            "account": "johndoe@facebook.com",
            "service": "Facebook",
            "icon": "82yCBkDNghIMJ0RfTkFHLPGFaEZSimAWPB4PMVhT.png",
            "icon_mime": "image\/png",
            "icon_file": "iVBORw0KGgoAAAA[...]RU5ErkJggg==",
            "secret": "A4GRFTVVRBGY7UIW",
            "digits": 6,
            "algorithm": "sha1",
            "period": 30,
            "counter": null,
            "legacy_uri": "otpauth:\/\/totp\/Facebook%3Ajohndoe%40facebook.com?issuer=Facebook&secret=A4GRFTVVRBGY7UIW"
        }
    ]
}`;

const item = (fields: Record<string, unknown>) => ({
  otp_type: 'totp',
  account: 'kim',
  service: 'Example',
  icon: null,
  icon_mime: null,
  icon_file: null,
  secret: 'JBSWY3DPEHPK3PXP',
  digits: 6,
  algorithm: 'sha1',
  period: 30,
  counter: null,
  legacy_uri: 'otpauth://totp/Example:kim?secret=JBSWY3DPEHPK3PXP',
  ...fields,
});
const file = (data: unknown[]) =>
  textBytes(JSON.stringify({ app: '2fauth_v5.6.0', schema: 1, datetime: '', data }));

const base = {
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  extra: {},
  note: '',
  pinned: false,
  tags: [],
  sites: [],
  trashed: false,
  dropped: [],
};

describe('2FAuth exports', () => {
  it('reads the example of its documentation, the icon named as not kept', async () => {
    const result = unwrap(await readDetected(textBytes(DOCS_EXAMPLE)));
    expect(result).toMatchObject({ format: 'twofauth', encrypted: false, refused: [] });
    expect(result.accounts).toEqual([
      {
        ...base,
        type: 'totp',
        secret: key('A4GRFTVVRBGY7UIW'),
        issuer: 'Facebook',
        account: 'johndoe@facebook.com',
        dropped: ['icon'],
      },
    ]);
  });

  it('reads each kind with its parameters, and refuses what Otter cannot make by name', async () => {
    const result = unwrap(
      await readDetected(
        file([
          item({ otp_type: 'hotp', counter: 7, period: null, service: 'AT&amp;T' }),
          item({ otp_type: 'steamtotp', digits: 5, service: 'Steam', account: 'gamer' }),
          item({ algorithm: 'sha512', digits: 8, period: 60, secret: 'JBSWY3DPEHPK3PXP====' }),
          item({ period: 0, digits: null, algorithm: null }),
          item({ algorithm: 'md5', service: 'Old', account: 'md' }),
          item({ otp_type: 'motp', service: 'Odd', account: 'm' }),
          item({ secret: 'not base32!', service: 'Broken', account: 'b' }),
        ]),
      ),
    );
    const secret = key('JBSWY3DPEHPK3PXP');
    expect(result.accounts).toEqual([
      { ...base, type: 'hotp', secret, counter: 7, issuer: 'AT&T', account: 'kim' },
      { ...base, type: 'steam', secret, digits: 5, issuer: 'Steam', account: 'gamer' },
      {
        ...base,
        type: 'totp',
        secret,
        algorithm: 'SHA512',
        digits: 8,
        period: 60,
        issuer: 'Example',
        account: 'kim',
      },
      // 2FAuth takes a period of 0 and an absent digits or algorithm as its defaults.
      { ...base, type: 'totp', secret, issuer: 'Example', account: 'kim' },
    ]);
    expect(result.refused).toEqual([
      { index: 5, issuer: 'Old', account: 'md', reason: 'algorithm_unsupported', detail: 'MD5' },
      { index: 6, issuer: 'Odd', account: 'm', reason: 'type_unsupported', detail: 'motp' },
      { index: 7, issuer: 'Broken', account: 'b', reason: 'secret_invalid' },
    ]);
  });

  it('leaves other JSON with a data list to the others, and calls an empty export empty', async () => {
    const other = { app: 'something', data: [item({})] };
    expect(
      twofauthImporter.detect({ bytes: new Uint8Array(), text: '', json: other, zip: null }),
    ).toBe(false);
    const empty = await readDetected(file([]));
    expect(empty.ok ? 'ok' : empty.error.code).toBe('import_empty');
  });

  it('reads its "otpauth" export, links written fully decoded, names with & # ? = kept whole', async () => {
    // TwoFAccountExportResource (Bubka/2FAuth, with the `otpauth` option) writes
    // `urldecode($this->getURI())`, one link a line, as 2fauth_export_otpauth.txt: OTPHP's
    // `Issuer:account` label and `issuer` parameter lose their encoding, `&` and `#` included.
    const K = 'JBSWY3DPEHPK3PXP'; // 432690 at 2024-01-01T00:00:00Z
    const text = [
      `otpauth://totp/AT&T:bob@example.com?issuer=AT&T&secret=${K}`,
      `otpauth://totp/C#Corner:ann?issuer=C#Corner&secret=${K}`,
      `otpauth://totp/Q&A Site:what?me=yes?digits=8&issuer=Q&A Site&period=60&secret=${K}`,
      `otpauth://hotp/Acme:al?counter=5&issuer=Acme&secret=${K}`,
      // An encoded link with a fragment is read as before: the fragment is no part of it.
      `otpauth://totp/Mail:kim%40example.com?secret=${K}&issuer=Mail#note`,
    ].join('\n');
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.refused).toEqual([]);
    expect(
      result.accounts.map((a) => [a.issuer, a.account, a.type, a.digits, a.period, a.counter]),
    ).toEqual([
      ['AT&T', 'bob@example.com', 'totp', 6, 30, 0],
      ['C#Corner', 'ann', 'totp', 6, 30, 0],
      ['Q&A Site', 'what?me=yes', 'totp', 8, 60, 0],
      ['Acme', 'al', 'hotp', 6, 30, 5],
      ['Mail', 'kim@example.com', 'totp', 6, 30, 0],
    ]);
    expect(result.accounts.every((a) => a.secret.join() === key(K).join())).toBe(true);
  });

  it('survives fuzzing', async () => {
    await fuzzImporter(
      twofauthImporter,
      [textBytes(DOCS_EXAMPLE), file([item({}), item({ otp_type: 'hotp' })])],
      {
        runs: 200,
      },
    );
  });
});
