/**
 * Steam Guard keys as the tools that hold them write them: one JSON object per account with the
 * key in `shared_secret` (base64; Steam's codes are 5 characters from it every 30 s), the login
 * name in `account_name`, and the `revocation_code` Steam asks for to take the authenticator off.
 *
 * - Steam Desktop Authenticator, steamguard-cli and NebulaAuth: a `<steamid>.maFile` per account
 *   (unencrypted; SDA's encrypted files need the salt and IV kept in its `manifest.json`, so they
 *   are decrypted in SDA first, see docs/import.md);
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

const ISSUER = 'Steam';
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
function steamAccounts(json: unknown): unknown[] | null {
  if (isSteamAccount(json)) return [json];
  const accounts = isObject(json) ? field(json, 'accounts') : undefined;
  if (!isObject(accounts) || Array.isArray(accounts)) return null;
  const values = Object.values(accounts);
  return values.length > 0 && values.some(isSteamAccount) ? values : null;
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return !isObject(value) || Object.keys(value).length > 0;
}

function turnAccount(account: unknown, index: number): ReadEntry {
  if (!isObject(account)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const name = (stringField(account, 'account_name') ?? '').trim();
  const labels = { issuer: ISSUER, account: name };
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
      issuer: ISSUER,
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
  detect: (input) => steamAccounts(input.json) !== null,
  read(input) {
    const accounts = steamAccounts(input.json) ?? [];
    return readEntryList('steam', accounts, turnAccount);
  },
};
