/**
 * A Steam key written as `steam://` in either form, read by the importers of apps that write one
 * form: Proton writes base32 when the key came to it as base32 (from Bitwarden; proton-pass-common
 * SteamTotp keeps the form it was given), and a password manager's item may hold Proton's base64.
 * A 20-byte key is read as what it is; read the file's way, it gave a wrong key without a word.
 */
import { describe, expect, it } from 'vitest';
import { entryFromTotpValue } from '../../../src/backup/import/password-manager';
import { decodeBase32 } from '../../../src/otp/secret';
import { readDetected, textBytes, unwrap } from './support';

// Bitwarden's Steam vector (../shared/formats/samples/otp-test-vectors/steam_guard.json) and the
// same 20 bytes in base64 without padding, as Proton writes a key it was given in base64.
const BASE32 = 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
const BASE64 = 'PcbKpIJKbSiHZ7IzHiC0MWbLhdk';
const KEY = decodeBase32(BASE32);

describe('a 20-byte Steam key in the form the app does not usually write', () => {
  it('Proton Authenticator: a base32 key (one that came from Bitwarden) is read as base32', async () => {
    const file = {
      version: 1,
      entries: [
        { id: 'a', content: { uri: `steam://${BASE32}`, entry_type: 'Steam', name: 'gamer' } },
        { id: 'b', content: { uri: `steam://${BASE64}`, entry_type: 'Steam', name: 'other' } },
      ],
    };
    const read = unwrap(await readDetected(textBytes(JSON.stringify(file))));
    expect(read.refused).toEqual([]);
    expect(read.accounts.map((a) => [a.account, { ok: true, value: a.secret }])).toEqual([
      ['gamer', KEY],
      ['other', KEY],
    ]);
  });

  it.each([
    ['base32, as Bitwarden writes it', BASE32],
    ['base64, as Proton writes it', BASE64],
    ['base64 padded', `${BASE64}=`],
  ])('a password manager’s item: %s', (_name, key) => {
    const read = entryFromTotpValue(`steam://${key}`, { name: 'Steam', username: 'gamer' }, {});
    expect(read.ok && { ok: true, value: read.value.secret }).toEqual(KEY);
  });
});
