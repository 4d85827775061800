/**
 * `steam://<key>`: how Bitwarden (its "Authenticator key" field and its exports, FORMATS.md §6)
 * and Proton (proton-pass-common `SteamTotp::uri`, FORMATS.md §7.4) write a Steam Guard key.
 * Bitwarden's key is base32. Proton writes base32 when the key came to it as base32, else base64
 * without padding. The importers know which app wrote a file; a pasted key does not say, so it
 * is read only where the two cannot be mistaken for each other: Steam's shared secret is always
 * 20 bytes, which is 32 base32 symbols or 27 base64 symbols (28 with padding). Anything else is
 * refused: a key read the wrong way gives codes that never work, with nothing to tell why.
 */
import { err, ok, type Result } from '../result';
import { decodeBase32, decodeBase64 } from './secret';
import { DEFAULT_PERIOD, STEAM_DIGITS, type OtpEntry } from './types';

export const STEAM_LINK_ERRORS = ['steam_key_unreadable'] as const;
export type SteamLinkErrorCode = (typeof STEAM_LINK_ERRORS)[number];

/** The length of Steam's shared secret (Steam Desktop Authenticator's `shared_secret`). */
export const STEAM_KEY_BYTES = 20;

/** The issuer a Steam key gets when the user gives none (Proton shows them all so). */
export const STEAM_ISSUER = 'Steam';

const STEAM_LINK = /^steam:\/\/(.*)$/is;
/** 32 base32 symbols, in any case, spaced or dashed as keys are typed. */
const BASE32_KEY = /^(?:[A-Za-z2-7][\s-]*){32}$/;
/** 27 standard base64 symbols, padded or not. */
const BASE64_KEY = /^[A-Za-z0-9+/]{27}=?$/;

/** The text after `steam://`, or null when the text is no Steam link. */
export function steamLinkKey(text: string): string | null {
  const match = STEAM_LINK.exec(text.trim());
  return match ? (match[1] ?? '') : null;
}

/** Whether the text is written as a Steam link (it may still hold no readable key). */
export function isSteamLink(text: string): boolean {
  return steamLinkKey(text) !== null;
}

/** Steam's 20-byte key from a `steam://` link, base32 or base64; never a guess. */
export function readSteamKey(key: string): Result<Uint8Array, SteamLinkErrorCode> {
  const text = key.trim();
  // Far longer than either form: refused before any pattern runs over it.
  if (text.length > 100) return err('steam_key_unreadable');
  const decoded = BASE32_KEY.test(text)
    ? decodeBase32(text)
    : BASE64_KEY.test(text)
      ? decodeBase64(text)
      : null;
  return decoded?.ok === true && decoded.value.length === STEAM_KEY_BYTES
    ? ok(decoded.value)
    : err('steam_key_unreadable');
}

/**
 * A Steam key from a file whose app writes one form (`otherwise`, the key as that form reads it):
 * a 20-byte key in either form is read as what it is (Proton writes base32 when the key came to it
 * as base32, from Bitwarden); any other key as the file's form, as before.
 */
export function steamKeySource<Source>(
  key: string,
  otherwise: Source,
): { readonly bytes: Uint8Array } | Source {
  const read = readSteamKey(key);
  return read.ok ? { bytes: read.value } : otherwise;
}

/**
 * A pasted `steam://` link as a Steam account with the names the user typed (issuer "Steam" when
 * none); null when the text is no Steam link.
 */
export function parseSteamLink(
  text: string,
  names: { readonly issuer: string; readonly account: string },
): Result<OtpEntry, { readonly code: SteamLinkErrorCode }> | null {
  const key = steamLinkKey(text);
  if (key === null) return null;
  const secret = readSteamKey(key);
  if (!secret.ok) return err({ code: secret.error });
  const issuer = names.issuer.trim();
  return ok({
    type: 'steam',
    secret: secret.value,
    algorithm: 'SHA1',
    digits: STEAM_DIGITS,
    period: DEFAULT_PERIOD,
    counter: 0,
    issuer: issuer === '' ? STEAM_ISSUER : issuer,
    account: names.account.trim(),
    extra: {},
  });
}
