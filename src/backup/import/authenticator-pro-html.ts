/**
 * Authenticator Pro's HTML backup (Stratum.Core `Backup/HtmlBackup.cs`, `backup_template.html`):
 * a table with a row per account, `<td>issuer</td><td>username</td><td><code>uri</code></td>`
 * and a QR image. Names are HTML-encoded; the URI is written as the app makes it
 * (`Authenticator.GetUri`): Steam as `otpauth://totp/…` with the issuer "Steam" or a bare `steam`
 * parameter (how the app itself reads it back, UriParser.cs), mOTP as `motp://`, Yandex as
 * `otpauth://yaotp/…`.
 */
import { err, type Result } from '../../result';
import { STEAM_DIGITS } from '../../otp/types';
import { finishImport, tooManyEntries, uriLabels, type ReadEntry } from './collect';
import { entryFromUri } from './entry';
import { decodeEntities } from './html-entities';
import type { ImportError, ImportResult, ImportedAccount } from './types';

export function isHtmlBackup(text: string | null): text is string {
  return text !== null && /<th>\s*OTP Auth URI\s*<\/th>/i.test(text) && /<table/i.test(text);
}

/** The app's Steam marks: it reads a TOTP URI back as Steam when one of them is there. */
function asSteam(
  account: ImportedAccount,
  issuerCell: string | undefined,
  uri: string,
): ImportedAccount {
  const query = uri.slice(uri.indexOf('?') + 1).split('&');
  const marked = issuerCell === 'Steam' || account.issuer === 'Steam' || query.includes('steam');
  if (account.type !== 'totp' || !marked) return account;
  const extra = Object.fromEntries(Object.entries(account.extra).filter(([k]) => k !== 'steam'));
  return { ...account, type: 'steam', digits: STEAM_DIGITS, algorithm: 'SHA1', extra };
}

function readRow(row: string): ReadEntry | null {
  const code = /<code>([\s\S]*?)<\/code>/i.exec(row);
  if (!code) return null;
  const uri = decodeEntities(code[1] ?? '').trim();
  const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/gi)].map((m) => decodeEntities(m[1] ?? ''));
  const haveCells = cells.length >= 3;
  const issuer = haveCells ? cells[0] : undefined;
  const username = haveCells ? cells[1] : undefined;
  const fromUri = uriLabels(uri);
  const labels = { issuer: issuer ?? fromUri.issuer, account: username ?? fromUri.account };
  if (/^motp:\/\//i.test(uri))
    return { labels, result: err({ reason: 'type_unsupported', detail: 'motp' }) };
  const result = entryFromUri(uri, { issuer, account: username });
  if (!result.ok) return { labels, result };
  // An account without a username is written with the issuer alone as the label.
  const account =
    username !== undefined && username.trim() === ''
      ? { ...result.value, account: '' }
      : result.value;
  return { labels, result: { ok: true, value: asSteam(account, issuer, uri) } };
}

export function readHtmlBackup(text: string): Result<ImportResult, ImportError> {
  const rows = text.split(/<tr[\s>]/i).slice(1);
  // One header row, then one row per account.
  if (tooManyEntries(rows.length - 1)) return err({ code: 'import_too_large' });
  const entries = rows.map(readRow).filter((e): e is ReadEntry => e !== null);
  return finishImport('authenticator_pro', false, entries);
}
