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
 *   confirmation data (`deviceid`, `data`), which Otter does not use and does not keep;
 * - Battle.net accounts are 8-digit TOTP links with issuer `BattleNet` and a `serial`, which is
 *   kept with the account's other link parameters;
 * - a custom icon travels as `icon=base64:<base32 PNG>`, or a built-in icon's name.
 */
import { percentDecode } from '../../otp/uri';
import { err, ok, type Result } from '../../result';
import type { Refusal } from './entry';
import { contentLines, EntryCollector, entryFromLine, readLinkLines } from './otpauth-list';
import type { DroppedField, ImportedAccount, Importer, ImportInput, ZipEntry } from './types';

/** The shape every line of a WinAuth export has. */
const WINAUTH_LINE = /^otpauth:\/\/[th]otp\/[^?]*\?secret=[^&]*&digits=\d+(?:&|$)/i;

/** An unencrypted entry larger than this is not read to recognise the file. */
const MAX_DETECT_BYTES = 4 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isWinAuthText(text: string): boolean {
  const lines = contentLines(text);
  return lines.length > 0 && lines.every((l) => WINAUTH_LINE.test(l.text));
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

/**
 * A WinAuth link as the Key URI format has it, and the WinAuth fields it leaves out. `+` becomes
 * `%20` where WinAuth form-encoded (a real `+` was written as `%2B`, so none is lost).
 */
export function normaliseWinAuthLink(line: string): { uri: string; dropped: DroppedField[] } {
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

  const kept: string[] = [];
  for (const { key, value } of params) {
    const name = key.toLowerCase();
    if (name === 'icon') dropped.add('icon');
    else if (steam && (name === 'deviceid' || name === 'data')) {
      if (value !== '') dropped.add('steam_confirmation');
    } else kept.push(`${key}=${name === 'issuer' ? value.replaceAll('+', '%20') : value}`);
  }
  if (steam) kept.push('encoder=steam');
  return { uri: `${newHead}?${kept.join('&')}${fragment}`, dropped: [...dropped] };
}

function readWinAuthLine(text: string): Result<ImportedAccount, Refusal> {
  const { uri, dropped } = normaliseWinAuthLink(text);
  return entryFromLine(uri, { dropped });
}

function readText(text: string): ReturnType<Importer['read']> {
  const collector = new EntryCollector();
  const read = readLinkLines(contentLines(text), collector, (line) =>
    WINAUTH_LINE.test(line) ? readWinAuthLine(line) : entryFromLine(line),
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
