/**
 * WinAuth exports (WinAuth `WinAuthHelper.ExportAuthenticators`, `WinAuthAuthenticator.ToUrl`):
 * a text file of `otpauth://` links, or the same text as the one `.txt` entry of a ZIP archive
 * (`winauth-<date>.zip`), which WinAuth encrypts (ZipCrypto) when a password is chosen: such an
 * archive is not taken here but opened with its password as any password-protected ZIP
 * (encrypted-zip.ts), whose one text file this importer then reads.
 *
 * Its links differ from the Key URI format in ways that matter:
 * - `?secret=…&digits=N` always come first (that is how the file is recognised);
 * - the account part of the label and the `issuer` value are form-encoded (`+` is a space), the
 *   issuer prefix of the label is written raw;
 * - Steam accounts are `totp` links with issuer `Steam`, 5 digits, and the Steam trade
 *   confirmation data (`deviceid`, `data`), which Otter does not use and does not keep, apart from
 *   the key and the revocation code of the Steam account that `data` holds (its JSON, as a
 *   `.maFile` has it: steam.ts). That key is the one used: steamguard-cli, which reads WinAuth's
 *   exports, takes the account from `data` alone, and its test export has a stand-in `secret`
 *   and no `digits`, so a link with such `data` is WinAuth's without them;
 * - Battle.net accounts are 8-digit TOTP links with issuer `BattleNet` and a `serial`, which is
 *   kept with the account's other link parameters;
 * - a custom icon travels as `icon=base64:<base32 PNG>`, or a built-in icon's name.
 */
import { decodeBase64, encodeBase32 } from '../../otp/secret';
import { percentDecode } from '../../otp/uri';
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import type { Refusal } from './entry';
import { IMPORT_LIMITS, stringField } from './input';
import { contentLines, EntryCollector, entryFromLine, readLinkLines } from './otpauth-list';
import { steamAccounts } from './steam';
import type { DroppedField, ImportedAccount, Importer, ImportInput, ZipEntry } from './types';

/** The shape every line of a WinAuth export has. */
const WINAUTH_LINE = /^otpauth:\/\/[th]otp\/[^?]*\?secret=[^&]*&digits=\d+(?:&|$)/i;
/** Steam's revocation codes are "R" and five digits; anything longer is not kept (steam.ts). */
const MAX_REVOCATION = 16;

/** An unencrypted entry larger than this is not read to recognise the file. */
const MAX_DETECT_BYTES = 4 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isWinAuthLine(line: string): boolean {
  if (WINAUTH_LINE.test(line)) return true;
  if (!/^otpauth:\/\/totp\/[^?]*\?/i.test(line)) return false;
  const data = splitLink(line).params.findLast((p) => p.key.toLowerCase() === 'data');
  return steamData(data?.value) !== null;
}

function isWinAuthText(text: string): boolean {
  const lines = contentLines(text);
  return lines.length > 0 && lines.every((l) => isWinAuthLine(l.text));
}

/** The one `.txt` entry of a ZIP archive, when that is all it holds. */
function textEntry(input: ImportInput): ZipEntry | null {
  const files = input.zip?.entries.filter((e) => !e.name.endsWith('/')) ?? [];
  const only = files.length === 1 ? files[0] : undefined;
  return only !== undefined && /\.txt$/i.test(only.name) ? only : null;
}

function zipText(input: ImportInput, entry: ZipEntry): string | null {
  const bytes = input.zip?.read(entry.name) ?? null;
  if (bytes === null) return null;
  try {
    const text = utf8.decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return null;
  }
}

interface Param {
  readonly key: string;
  readonly value: string;
}

function splitLink(line: string): { head: string; params: Param[]; fragment: string } {
  const q = line.indexOf('?');
  const hash = line.indexOf('#', q);
  const query = hash < 0 ? line.slice(q + 1) : line.slice(q + 1, hash);
  const params = query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? { key: p, value: '' } : { key: p.slice(0, eq), value: p.slice(eq + 1) };
    });
  return { head: line.slice(0, q), params, fragment: hash < 0 ? '' : line.slice(hash) };
}

/** The Steam account's key and revocation code in a link's form-encoded `data` JSON, or null. */
function steamData(value: string | undefined): { key: Uint8Array; revocation?: string } | null {
  if (value === undefined || value === '') return null;
  const parsed = parseBoundedJson(
    percentDecode(value.replaceAll('+', ' ')),
    IMPORT_LIMITS.maxJsonDepth,
  );
  const account = parsed.ok ? steamAccounts(parsed.value) : null;
  if (account?.length !== 1) return null;
  const key = decodeBase64(stringField(account[0], 'shared_secret') ?? '');
  if (!key.ok) return null;
  const revocation = (stringField(account[0], 'revocation_code') ?? '').trim();
  return revocation === '' || revocation.length > MAX_REVOCATION
    ? { key: key.value }
    : { key: key.value, revocation };
}

/**
 * A WinAuth link as the Key URI format has it, and the WinAuth fields it leaves out. `+` becomes
 * `%20` where WinAuth form-encoded (a real `+` was written as `%2B`, so none is lost).
 */
export function normaliseWinAuthLink(line: string): {
  uri: string;
  dropped: DroppedField[];
  revocationCode?: string;
} {
  const { head, params, fragment } = splitLink(line);
  const dropped = new Set<DroppedField>();
  const typeEnd = head.indexOf('/', 'otpauth://'.length);
  const label = head.slice(typeEnd + 1);
  const colon = label.indexOf(':');
  const account = colon < 0 ? label : label.slice(colon + 1);
  const prefix = colon < 0 ? '' : label.slice(0, colon + 1);
  const newHead = `${head.slice(0, typeEnd + 1)}${prefix}${account.replaceAll('+', '%20')}`;

  const get = (key: string): string | undefined =>
    params.findLast((p) => p.key.toLowerCase() === key)?.value;
  const issuer = percentDecode((get('issuer') ?? prefix.slice(0, -1)).replaceAll('+', ' '));
  // WinAuth writes `deviceid` and `data` for its Steam authenticators only (whatever their name);
  // a Steam one exported with WinAuth's compatibility option lacks them but keeps issuer Steam.
  const steam =
    get('deviceid') !== undefined ||
    get('data') !== undefined ||
    (issuer.trim().toLowerCase() === 'steam' && get('digits') === '5');
  // The Steam account in `data` decides the key (steamguard-cli reads nothing else).
  const data = steam ? steamData(get('data')) : null;

  const kept: string[] = [];
  for (const { key, value } of params) {
    const name = key.toLowerCase();
    if (name === 'icon') dropped.add('icon');
    else if (steam && (name === 'deviceid' || name === 'data')) {
      if (value !== '') dropped.add('steam_confirmation');
    } else if (data !== null && name === 'secret') {
      kept.push(`${key}=${encodeBase32(data.key)}`);
    } else kept.push(`${key}=${name === 'issuer' ? value.replaceAll('+', '%20') : value}`);
  }
  if (steam) kept.push('encoder=steam');
  const uri = `${newHead}?${kept.join('&')}${fragment}`;
  return data?.revocation === undefined
    ? { uri, dropped: [...dropped] }
    : { uri, dropped: [...dropped], revocationCode: data.revocation };
}

function readWinAuthLine(text: string): Result<ImportedAccount, Refusal> {
  const { uri, dropped, revocationCode } = normaliseWinAuthLink(text);
  return entryFromLine(
    uri,
    revocationCode === undefined ? { dropped } : { dropped, revocationCode },
  );
}

function readText(text: string): ReturnType<Importer['read']> {
  const collector = new EntryCollector();
  const read = readLinkLines(contentLines(text), collector, (line) =>
    isWinAuthLine(line) ? readWinAuthLine(line) : entryFromLine(line),
  );
  if (!read.ok) return Promise.resolve(read);
  const result = collector.result('winauth');
  return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
}

export const winauthImporter: Importer = {
  format: 'winauth',
  detect(input) {
    // A ZIP first: a small stored archive can be valid UTF-8 text as well.
    if (input.zip === null) {
      return input.text !== null && input.json === undefined && isWinAuthText(input.text);
    }
    const entry = textEntry(input);
    if (entry === null) return false;
    // An encrypted entry cannot be looked into: opened with its password, its text comes back.
    if (entry.encrypted || entry.size > MAX_DETECT_BYTES) return false;
    const text = zipText(input, entry);
    return text !== null && isWinAuthText(text);
  },
  read(input) {
    if (input.zip === null) return readText(input.text ?? '');
    const entry = textEntry(input);
    if (entry === null || entry.encrypted) return Promise.resolve(err({ code: 'import_damaged' }));
    const text = zipText(input, entry);
    if (text === null) return Promise.resolve(err({ code: 'import_damaged' }));
    return readText(text);
  },
};
