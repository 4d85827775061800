/**
 * 2FAuth (the self-hosted web app, Bubka/2FAuth): its export, "Manage" → select → Export, is JSON
 * `{ app: "2fauth_v5.1.1", schema: 1, datetime, data: [...] }`, one object per account with
 * `otp_type` (totp, hotp, steamtotp), `service` (the issuer), `account`, `secret` (base32, Steam's
 * too), `digits`, `algorithm` (sha1, sha256, sha512, md5), `period`, `counter`, the icon
 * (`icon_file`, base64) and `legacy_uri`, the link the account was made from.
 *
 * 2FAuth's own import runs `htmlspecialchars_decode` over the file before parsing it, so names
 * are read the same way here ("AT&amp;T" is "AT&T"), as the app that wrote them reads them.
 */
import { err } from '../../result';
import { readEntryList, sourceNumber, type ReadEntry } from './collect';
import { entryFromFields, UNREADABLE_SECRET } from './entry';
import { field, isObject, stringField } from './input';
import type { DroppedField, Importer } from './types';

const HTML_SPECIAL: ReadonlyArray<readonly [RegExp, string]> = [
  [/&quot;/g, '"'],
  [/&#0?39;/g, "'"],
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
  // Last, so that "&amp;lt;" becomes "&lt;" as PHP's decoder leaves it.
  [/&amp;/g, '&'],
];

function decoded(value: string | undefined): string {
  let text = value ?? '';
  for (const [entity, plain] of HTML_SPECIAL) text = text.replace(entity, plain);
  return text;
}

function twofauthData(json: unknown): unknown[] | null {
  if (!isObject(json)) return null;
  const app = stringField(json, 'app');
  const data = field(json, 'data');
  return app !== undefined && /^2fauth/i.test(app.trim()) && Array.isArray(data) ? data : null;
}

function turnAccount(item: unknown, index: number): ReadEntry {
  if (!isObject(item)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const issuer = decoded(stringField(item, 'service'));
  const account = decoded(stringField(item, 'account'));
  const labels = { issuer, account };
  const kind = (stringField(item, 'otp_type') ?? 'totp').trim().toLowerCase();
  const secret = field(item, 'secret');
  const dropped: DroppedField[] = [];
  const icon = field(item, 'icon_file');
  if (typeof icon === 'string' && icon.trim() !== '') dropped.push('icon');
  return {
    index,
    labels,
    result: entryFromFields({
      type: kind === 'steamtotp' ? 'steam' : kind,
      secret:
        secret === undefined || secret === null
          ? undefined
          : typeof secret === 'string'
            ? { base32: secret }
            : UNREADABLE_SECRET,
      algorithm: stringField(item, 'algorithm') ?? null,
      digits: sourceNumber(field(item, 'digits')),
      // 2FAuth takes a period of 0 (or none) as its default, 30 s.
      period:
        kind === 'totp' && field(item, 'period') !== 0
          ? sourceNumber(field(item, 'period'))
          : undefined,
      counter: kind === 'hotp' ? sourceNumber(field(item, 'counter')) : undefined,
      issuer,
      account,
      dropped,
    }),
  };
}

export const twofauthImporter: Importer = {
  format: 'twofauth',
  detect: (input) => twofauthData(input.json) !== null,
  read(input) {
    const data = twofauthData(input.json) ?? [];
    return readEntryList('twofauth', data, turnAccount);
  },
};
