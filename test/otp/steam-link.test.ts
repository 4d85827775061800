/**
 * `steam://<key>` as Bitwarden and Proton write a Steam Guard key: read only where base32 and
 * base64 cannot be mistaken for each other (Steam's key is 20 bytes), refused otherwise.
 */
import { describe, expect, it } from 'vitest';
import { codeAt } from '../../src/otp/generate';
import { decodeBase32, decodeBase64 } from '../../src/otp/secret';
import { isSteamLink, parseSteamLink, readSteamKey, steamLinkKey } from '../../src/otp/steam-link';

// Vector from bitwarden/sdk-internal crates/bitwarden-vault/src/totp.rs (test_generate_totp), as
// recorded in ../shared/formats/samples/otp-test-vectors/steam_guard.json.
const BITWARDEN = 'steam://HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
const AT = 1_672_531_200_000;
const CODE = '7W6CJ';
// The same 20 bytes in base64, as Proton writes them (proton-pass-common SteamTotp: STANDARD_NO_PAD).
const PROTON = 'steam://PcbKpIJKbSiHZ7IzHiC0MWbLhdk';
const names = { issuer: '', account: 'gamer' };

function entry(text: string, given = names) {
  const parsed = parseSteamLink(text, given);
  if (parsed === null || !parsed.ok) throw new Error(`not read: ${JSON.stringify(parsed)}`);
  return parsed.value;
}

describe('a pasted steam:// key', () => {
  it('Bitwarden’s base32 key gives Bitwarden’s Steam code, named Steam unless named otherwise', () => {
    const steam = entry(BITWARDEN);
    expect(steam).toMatchObject({
      type: 'steam',
      algorithm: 'SHA1',
      digits: 5,
      period: 30,
      counter: 0,
      issuer: 'Steam',
      account: 'gamer',
      extra: {},
    });
    expect(steam.secret).toHaveLength(20);
    expect(codeAt(steam, AT)).toBe(CODE);
    expect(entry(BITWARDEN, { issuer: ' Valve ', account: '' })).toMatchObject({
      issuer: 'Valve',
      account: '',
    });
  });

  it.each([
    ['Proton’s base64, unpadded', PROTON],
    ['base64 with its padding', `${PROTON}=`],
    ['lower-case base32', BITWARDEN.toLowerCase()],
    ['an upper-case scheme and spaces around', `  STEAM://${BITWARDEN.slice(8)}\n`],
    ['a spaced base32 key', `steam://${BITWARDEN.slice(8).replace(/(.{4})/g, '$1 ')}`],
  ])('%s: the same key', (_name, text) => {
    expect(codeAt(entry(text), AT)).toBe(CODE);
  });

  it('tells the two apart by length alone: each form is valid in the other alphabet too', () => {
    // 32 symbols are also valid base64 (24 bytes): read as base32, Steam's 20 bytes.
    expect(readSteamKey(BITWARDEN.slice(8))).toEqual(decodeBase32(BITWARDEN.slice(8)));
    // 27 symbols of the base32 alphabet only: base64 of 20 bytes, never 16 bytes of base32.
    const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZa';
    const read = readSteamKey(b64);
    expect(read).toEqual(decodeBase64(b64));
    expect(read.ok && read.value).toHaveLength(20);
  });

  it.each([
    // Bitwarden's own test export (../shared/formats/samples/bitwarden/bitwarden.json) holds a
    // 26-character (16-byte) key: no Steam key, and which bytes were meant is not known.
    ['16 bytes of base32', 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI'],
    ['a base32 key one symbol short', BITWARDEN.slice(0, -1)],
    ['a base32 key one symbol too long', `${BITWARDEN}A`],
    ['a base32 key with a 1 in it', `${BITWARDEN.slice(0, -1)}1`],
    ['base64 one symbol short', PROTON.slice(0, -1)],
    ['base64 one symbol too long', `${PROTON}A`],
    ['URL-safe base64', PROTON.replace('+', '-').replace('J', '_')],
    ['base64 padded twice', `${PROTON}==`],
    ['a query after the key', `${BITWARDEN}?issuer=Steam`],
    ['a slash after the key', `${BITWARDEN}/`],
    ['no key', 'steam://'],
    ['a very long key', `steam://${'A'.repeat(5000)}`],
  ])('%s: refused as an unreadable Steam key, naming nothing of it', (_name, text) => {
    const parsed = parseSteamLink(text, names);
    expect(parsed).toEqual({ ok: false, error: { code: 'steam_key_unreadable' } });
  });

  it('is no Steam link unless it starts with steam://', () => {
    for (const text of ['otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP', 'steam:KEY', 'JBSW']) {
      expect(isSteamLink(text)).toBe(false);
      expect(parseSteamLink(text, names)).toBeNull();
    }
    expect(steamLinkKey('Steam://abc')).toBe('abc');
  });
});

describe('decodeBase64 (shared with the importers)', () => {
  it.each([
    ['', 'secret_missing'],
    ['QUJD', 'secret_too_short'],
    ['QUJDRE', 'secret_too_short'],
    ['QUJDREVG*', 'secret_invalid_char'],
    // One symbol over a whole group: six bits, no byte (atob would throw on it).
    ['QUJDREVGR', 'secret_invalid_char'],
    ['QU=JD', 'secret_invalid_char'],
  ])('%j: %s', (text, code) => {
    const decoded = decodeBase64(text);
    expect(decoded.ok ? 'ok' : decoded.error.code).toBe(code);
  });

  it('reads standard and URL-safe base64, padded or not', () => {
    const bytes = Uint8Array.from([0xfb, 0xff, 0xbf, 0x41, 0x42, 0x43]);
    for (const text of ['+/+/QUJD', '-_-_QUJD', ' +/+/QUJD ']) {
      expect(decodeBase64(text)).toEqual({ ok: true, value: bytes });
    }
    expect(decodeBase64('QUJDREVGRw==')).toEqual(decodeBase64('QUJDREVGRw'));
  });
});
