/**
 * Steam Guard keys as the tools that hold them write them: one JSON object per account with the
 * key in `shared_secret` (base64; Steam's codes are 5 characters from it every 30 s), the login
 * name in `account_name`, and the `revocation_code` Steam asks for to take the authenticator off.
 *
 * - Steam Desktop Authenticator, steamguard-cli and NebulaAuth: a `<steamid>.maFile` per account
 *   (unencrypted: a file encrypted with a passkey needs the salt and IV kept in `manifest.json`,
 *   and is read with it, in steam-folder.ts);
 * - SDA's `manifest.json` itself (and steamguard-cli's), chosen alone: recognised only to say that
 *   it names the accounts but holds no key, and that the `.maFile` files beside it are what to
 *   choose with it;
 * - the Steam app on Android, `files/Steamguard-<steamid>` copied from a rooted phone: the same
 *   object, or in newer versions an object `accounts` of them by id.
 *
 * Otter makes codes only: the keys for trade confirmations (`identity_secret`, `device_id`) and a
 * saved login (`Session`) are named as dropped. The revocation code goes into the note, under its
 * name in the user's language (src/backup/import/vault-fields.ts).
 */
import { err } from '../../result';
import { readEntryList, type ReadEntry } from './collect';
import { entryFromFields, UNREADABLE_SECRET } from './entry';
import { field, isObject, stringField } from './input';
import type { DroppedField, Importer } from './types';

export const STEAM_ISSUER = 'Steam';
/** Steam's revocation codes are "R" and five digits; anything longer is not kept. */
const MAX_REVOCATION = 16;
const CONFIRMATION_FIELDS = ['identity_secret', 'device_id', 'Session'];

function isSteamAccount(value: unknown): value is Record<string, unknown> {
  return (
    isObject(value) &&
    typeof field(value, 'shared_secret') === 'string' &&
    (Object.hasOwn(value, 'account_name') ||
      Object.hasOwn(value, 'serial_number') ||
      Object.hasOwn(value, 'revocation_code'))
  );
}

/** The file's accounts, or null when it is not a Steam Guard file. */
export function steamAccounts(json: unknown): unknown[] | null {
  if (isSteamAccount(json)) return [json];
  const accounts = isObject(json) ? field(json, 'accounts') : undefined;
  if (!isObject(accounts) || Array.isArray(accounts)) return null;
  const values = Object.values(accounts);
  return values.length > 0 && values.some(isSteamAccount) ? values : null;
}

/**
 * SDA's `manifest.json`: `entries` of `{ filename, steamid, encryption_iv, encryption_salt }` and
 * an `encrypted` flag (steamguard-cli writes `steam_id` and an `encryption` object per entry).
 * Null when the JSON is not one; otherwise whether it says the `.maFile` files are encrypted.
 */
export function steamManifest(json: unknown): { encrypted: boolean } | null {
  const entries = field(json, 'entries');
  if (!Array.isArray(entries)) return null;
  const listsMaFiles =
    entries.length > 0 &&
    entries.every(
      (e) =>
        typeof field(e, 'filename') === 'string' &&
        (field(e, 'steamid') !== undefined || field(e, 'steam_id') !== undefined),
    );
  // An SDA that has no account yet still writes its flag beside an empty list.
  const emptySda = entries.length === 0 && typeof field(json, 'encrypted') === 'boolean';
  if (!listsMaFiles && !emptySda) return null;
  const encrypted =
    field(json, 'encrypted') === true ||
    entries.some(
      (e) =>
        present(field(e, 'encryption_iv')) ||
        present(field(e, 'encryption_salt')) ||
        present(field(e, 'encryption')),
    );
  return { encrypted };
}

export function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return !isObject(value) || Object.keys(value).length > 0;
}

/** One account object of a Steam Guard file, as the entry at 1-based `index`. */
export function turnAccount(account: unknown, index: number): ReadEntry {
  if (!isObject(account)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const name = (stringField(account, 'account_name') ?? '').trim();
  const labels = { issuer: STEAM_ISSUER, account: name };
  const secret = field(account, 'shared_secret');
  const revocation = (stringField(account, 'revocation_code') ?? '').trim();
  const dropped: DroppedField[] = CONFIRMATION_FIELDS.some((key) => present(field(account, key)))
    ? ['steam_confirmation']
    : [];
  return {
    index,
    labels,
    result: entryFromFields({
      type: 'steam',
      secret:
        secret === undefined || secret === null || secret === ''
          ? undefined
          : typeof secret === 'string'
            ? { base64: secret }
            : UNREADABLE_SECRET,
      issuer: STEAM_ISSUER,
      account: name,
      ...(revocation !== '' && revocation.length <= MAX_REVOCATION
        ? { revocationCode: revocation }
        : {}),
      dropped,
    }),
  };
}

export const steamImporter: Importer = {
  format: 'steam',
  detect: (input) => steamAccounts(input.json) !== null || steamManifest(input.json) !== null,
  read(input) {
    const accounts = steamAccounts(input.json);
    if (accounts !== null) return readEntryList('steam', accounts, turnAccount);
    const manifest = steamManifest(input.json);
    return Promise.resolve(
      err({
        code:
          manifest?.encrypted === true
            ? 'import_steam_manifest_encrypted'
            : 'import_steam_manifest',
      }),
    );
  },
};
