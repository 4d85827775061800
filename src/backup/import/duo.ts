/**
 * Duo Mobile has no export. Its accounts are in `files/duokit/accounts.json` inside the app's data
 * (copied from a rooted Android phone): a JSON array of accounts, each with `name`, the
 * `otpGenerator` (`otpSecret` in base32, and a `counter` when its codes are HOTP; TOTP otherwise,
 * 6 digits, 30 s, SHA-1) and what Duo shows beside it (`serviceTypeLabel`, a logo).
 *
 * An account without `otpGenerator` (a Duo Push account, when the app keeps it so) makes no codes
 * Otter could make: it is refused as such.
 */
import { err } from '../../result';
import { readEntryList, sourceNumber, type ReadEntry } from './collect';
import { entryFromFields, UNREADABLE_SECRET } from './entry';
import { field, isObject, stringField } from './input';
import type { DroppedField, Importer } from './types';

function isDuoAccount(value: unknown): boolean {
  return (
    isObject(value) &&
    Object.hasOwn(value, 'accountType') &&
    (isObject(field(value, 'otpGenerator')) || typeof field(value, 'pkey') === 'string')
  );
}

function looksLikeDuo(json: unknown): json is unknown[] {
  return Array.isArray(json) && json.length > 0 && isDuoAccount(json[0]);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function turnAccount(account: unknown, index: number): ReadEntry {
  if (!isObject(account)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  // Duo shows the service label (its own or one the user typed) above the account's name.
  const issuer = nonEmpty(stringField(account, 'serviceTypeLabel')) ?? '';
  const name = stringField(account, 'name') ?? '';
  const labels = { issuer, account: name };
  const generator = field(account, 'otpGenerator');
  if (generator === undefined || generator === null) {
    const kind = (stringField(account, 'accountType') ?? '').trim().toLowerCase().slice(0, 32);
    return { index, labels, result: err({ reason: 'type_unsupported', detail: kind || 'push' }) };
  }
  if (!isObject(generator)) return { index, labels, result: err({ reason: 'entry_invalid' }) };
  const secret = field(generator, 'otpSecret');
  const counter = field(generator, 'counter');
  const dropped: DroppedField[] = [];
  if (nonEmpty(stringField(account, 'logoUri')) !== undefined) dropped.push('icon');
  return {
    index,
    labels,
    result: entryFromFields({
      type: counter === undefined || counter === null ? 'totp' : 'hotp',
      secret:
        secret === undefined || secret === null
          ? undefined
          : typeof secret === 'string'
            ? { base32: secret }
            : UNREADABLE_SECRET,
      counter: sourceNumber(counter),
      issuer,
      account: name,
      dropped,
    }),
  };
}

export const duoImporter: Importer = {
  format: 'duo',
  detect: (input) => looksLikeDuo(input.json),
  read(input) {
    const accounts = looksLikeDuo(input.json) ? input.json : [];
    return readEntryList('duo', accounts, turnAccount);
  },
};
