/**
 * The Battle.net Authenticator has no export. Its key is in the app's SharedPreferences, copied
 * from a rooted Android phone or an `adb backup`, XOR-masked with a fixed 57-byte mask (the same
 * in every install; WinAuth and others publish it), written as hex:
 *
 * - the Battle.net app (`com.blizzard.messenger`, `authenticator_preferences.xml`): the key's hex
 *   text masked in `…AUTHENTICATOR_DEVICE_SECRET`, the serial ("US-1234-5678-9012") masked in
 *   `…AUTHENTICATOR_SERIAL`, each from the mask's first byte;
 * - the older Battle.net Mobile Authenticator (`com.blizzard.bma`, `AUTH_STORE.xml`): one masked
 *   value, `com.blizzard.bma.AUTH_STORE.HASH`, 40 hex characters of key then the 17-character
 *   serial.
 *
 * Blizzard's codes are TOTP, SHA-1, 8 digits, 30 s. The account is named "Battle.net" with the
 * serial, which Blizzard asks for when the authenticator is removed or restored.
 */
import { err, ok, type Result } from '../../result';
import { hasPreferenceString, preferenceStrings } from './android-prefs';
import { finishImport } from './collect';
import { entryFromFields, type Refusal } from './entry';
import type { ImportedAccount, Importer } from './types';

const MASK = decodeMask(
  '398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6' +
    'c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a',
);
const APP_SECRET = 'com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET';
const APP_SERIAL = 'com.blizzard.messenger.AUTHENTICATOR_SERIAL';
const BMA_HASH = 'com.blizzard.bma.AUTH_STORE.HASH';
const KEY_HEX_CHARS = 40;
const ISSUER = 'Battle.net';
const DIGITS = 8;
const PERIOD = 30;

function decodeMask(hex: string): Uint8Array {
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) =>
    Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16),
  );
}

/** The masked hex value as text, or null when it is not hex or longer than the mask. */
function unmask(masked: string): string | null {
  const text = masked.trim();
  if (text.length === 0 || text.length % 2 !== 0 || text.length > MASK.length * 2) return null;
  if (!/^[0-9a-f]+$/i.test(text)) return null;
  let out = '';
  for (let i = 0; i < text.length / 2; i++) {
    const byte = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16) ^ (MASK[i] ?? 0);
    out += String.fromCharCode(byte);
  }
  return out;
}

/** A serial as the app writes it; anything else (a broken value) is not shown. */
function serialText(text: string | null): string {
  return text !== null && /^[A-Z]{2}-\d{4}-\d{4}-\d{4}$/.test(text.trim()) ? text.trim() : '';
}

function account(keyHex: string | null, serial: string): Result<ImportedAccount, Refusal> {
  // The unmasked key is hex text; a value that does not unmask to hex is damaged.
  if (keyHex === null || !/^[0-9a-f]+$/i.test(keyHex)) return err({ reason: 'secret_invalid' });
  return entryFromFields({
    type: 'totp',
    secret: { hex: keyHex },
    digits: DIGITS,
    period: PERIOD,
    issuer: ISSUER,
    account: serial,
  });
}

function readStore(text: string): ReturnType<Importer['read']> {
  const strings = preferenceStrings(text);
  if (strings === null) return Promise.resolve(err({ code: 'import_too_large' }));
  const secret = strings.get(APP_SECRET);
  const hash = strings.get(BMA_HASH);
  let serial: string;
  let result: Result<ImportedAccount, Refusal>;
  if (secret !== undefined) {
    const masked = strings.get(APP_SERIAL);
    serial = masked === undefined ? '' : serialText(unmask(masked));
    result = account(unmask(secret), serial);
  } else if (hash !== undefined) {
    const plain = unmask(hash);
    serial = plain === null ? '' : serialText(plain.slice(KEY_HEX_CHARS));
    result = account(plain === null ? null : plain.slice(0, KEY_HEX_CHARS), serial);
  } else {
    // `detect` saw the key's start: a value that never closes was cut short.
    return Promise.resolve(err({ code: 'import_damaged' }));
  }
  const done = finishImport('battle_net', false, [
    { labels: { issuer: ISSUER, account: serial }, result },
  ]);
  return Promise.resolve(done.ok ? ok({ kind: 'plain', result: done.value }) : done);
}

export const battleNetImporter: Importer = {
  format: 'battle_net',
  detect: (input) =>
    hasPreferenceString(input.text, APP_SECRET) || hasPreferenceString(input.text, BMA_HASH),
  read: (input) => readStore(input.text ?? ''),
};
