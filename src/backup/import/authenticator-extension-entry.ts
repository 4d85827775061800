/**
 * One Authenticator-extension entry record (FORMATS.md §5.1, §5.4) as an account. It follows what
 * the extension itself computes, so the imported codes are the ones it showed:
 * - `type` is a name (`totp`, `hotp`, `battle`, `steam`, `hex`, `hhex`) or, in old files, the
 *   enum number (1–6); legacy secrets may carry a `blz-`/`bliz-` (Battle.net) or `stm-` prefix;
 * - `battle` is 8-digit TOTP whatever `digits` says; `hex`/`hhex` and a totp/hotp secret that is
 *   hex but not base32 are keys in hex;
 * - a missing, zero or out-of-range `digits` is 6 and a missing or non-positive `period` is 30;
 * - `algorithm` is a name or the enum number; GOST ones are refused (Otter has no GOST).
 */
import type { Result } from '../../result';
import { entryFromFields, type EntryFields, type Refusal } from './entry';
import { field, stringField } from './input';
import { evenHex, isHexNotBase32 } from './otpauth-list';
import type { ImportedAccount } from './types';

const TYPE_BY_NUMBER: ReadonlyMap<number, string> = new Map([
  [1, 'totp'],
  [2, 'hotp'],
  [3, 'battle'],
  [4, 'steam'],
  [5, 'hex'],
  [6, 'hhex'],
]);

const ALGORITHM_BY_NUMBER: ReadonlyMap<number, string> = new Map([
  [1, 'SHA1'],
  [2, 'SHA256'],
  [3, 'SHA512'],
  [4, 'GOST3411_2012_256'],
  [5, 'GOST3411_2012_512'],
]);

function typeName(raw: unknown): string {
  if (typeof raw === 'number') return TYPE_BY_NUMBER.get(raw) ?? String(raw);
  return typeof raw === 'string' ? raw.trim().toLowerCase() : 'totp';
}

function algorithmName(raw: unknown): string | null {
  if (typeof raw === 'number') return ALGORITHM_BY_NUMBER.get(raw) ?? String(raw);
  return typeof raw === 'string' ? raw : null;
}

function positiveNumber(raw: unknown): number | null {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** The extension's digits: 1–10, anything else (absent, 0, 12, "x") is 6. */
function digitsOf(raw: unknown): number | null {
  const value = positiveNumber(raw);
  return value !== null && Number.isInteger(value) && value <= 10 ? value : null;
}

export interface ExtensionAccount {
  readonly entry: Result<ImportedAccount, Refusal>;
  readonly labels: { readonly issuer: string; readonly account: string };
}

export function accountFromRecord(
  record: Record<string, unknown>,
  groups: ReadonlyMap<string, string>,
): ExtensionAccount {
  const issuer = stringField(record, 'issuer') ?? '';
  const account = stringField(record, 'account') ?? '';
  const labels = { issuer, account };
  let secret = (stringField(record, 'secret') ?? '').replace(/\s/g, '');
  let type = typeName(field(record, 'type'));
  const prefix = /^(blz-|bliz-|stm-)/i.exec(secret);
  if (prefix?.[1] !== undefined) {
    secret = secret.slice(prefix[1].length);
    type = prefix[1].toLowerCase() === 'stm-' ? 'steam' : 'battle';
  }
  const hex = type === 'hex' || type === 'hhex' || isHexNotBase32(secret);
  const kind = type === 'hex' || type === 'battle' ? 'totp' : type === 'hhex' ? 'hotp' : type;
  const groupId = stringField(record, 'groupId');
  const group = groupId === undefined ? undefined : groups.get(groupId);
  const fields: EntryFields = {
    type: kind,
    secret:
      secret === ''
        ? undefined
        : hex && kind !== 'steam'
          ? { hex: evenHex(secret) }
          : { base32: secret },
    algorithm: algorithmName(field(record, 'algorithm')),
    digits: type === 'battle' ? 8 : (digitsOf(field(record, 'digits')) ?? 6),
    period: positiveNumber(field(record, 'period')),
    counter: kind === 'hotp' ? (positiveNumber(field(record, 'counter')) ?? 0) : null,
    issuer,
    account,
    pinned: field(record, 'pinned') === true,
    tags: group === undefined ? [] : [group],
  };
  return { entry: entryFromFields(fields), labels };
}
