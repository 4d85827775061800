/**
 * 1Password 8's CSV export (File → Export → "Comma Separated Values"): the header
 * `Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes`, every field quoted, the
 * flags written as `true`/`false`, a one-time password as its otpauth URI (or a bare key) in
 * `OTPAuth`. Only logins come out this way; rows without a one-time password are not accounts.
 */
import { err, ok, type Result } from '../../result';
import { csvHeader, csvRow, parseCsv } from './csv';
import { ImportCollector, distinct, entryFromTotpValue, withDropped } from './password-manager';
import type { ImportError, ImportResult } from './types';

/** The columns that tell 1Password's CSV from other apps' (Apple's has no Favorite/Archived). */
export function isOnePasswordCsv(text: string | null): text is string {
  const header = csvHeader(text);
  return (
    header !== null &&
    header[0] === 'title' &&
    ['otpauth', 'favorite', 'archived'].every((name) => header.includes(name))
  );
}

export function readOnePasswordCsv(text: string): Result<ImportResult, ImportError> {
  const records = parseCsv(text);
  if (!records.ok) return err({ code: 'import_damaged' });
  const [header = [], ...rows] = records.value;
  const names = header.map((h) => h.trim().toLowerCase());
  const out = new ImportCollector();
  out.expect(rows.filter((r) => csvRow(names, r)('otpauth').trim() !== '').length);
  for (let i = 0; i < rows.length && !out.full; i++) {
    const get = csvRow(names, rows[i] ?? []);
    const otp = get('otpauth');
    if (otp.trim() === '') continue;
    const itemNames = { name: get('title'), username: get('username') };
    const entry = entryFromTotpValue(otp, itemNames, {
      note: get('notes'),
      pinned: get('favorite').trim().toLowerCase() === 'true',
      // Archived items are out of use but kept: what Otter's Trash holds (as for the .1pux).
      trashed: get('archived').trim().toLowerCase() === 'true',
      tags: distinct(get('tags').split(',')),
      sites: distinct([get('url')]),
    });
    const password = get('password') !== '' && 'login_fields';
    out.add(
      i + 1,
      itemNames,
      entry.ok ? ok(withDropped(entry.value, itemNames.username, [password])) : entry,
    );
  }
  return out.result('onepassword', false);
}
