/**
 * FreeOTP+ backups (FORMATS.md §7.1): the JSON export `{tokens, tokenOrder}`, and the same
 * tokens as the app keeps them internally (an Android preferences XML, freeotp-plus-xml.ts).
 * That XML is FreeOTP 1's `tokens.xml`, which FreeOTP+ kept as it was: the same fields, the
 * same counter, nothing to tell the two apps' files apart, so it is named for both.
 *
 * A token's secret is an array of signed bytes; its HOTP `counter` is one less than the next
 * counter to use (FreeOTP stores the value before its own pre-increment); the issuer is
 * `issuerExt`, where a token named "Steam" makes Steam codes. `tokenOrder` lists token ids
 * (`issuer:label`) in the user's order; tokens it does not name follow, in file order (FreeOTP+
 * itself would drop them).
 */
import { err, ok, type Result } from '../../result';
import { finishImport, sourceNumber, tooManyEntries, type ReadEntry } from './collect';
import { entryFromFields, UNREADABLE_SECRET, type SecretSource } from './entry';
import { readFreeOtpPlusXml, looksLikeFreeOtpPlusXml } from './freeotp-plus-xml';
import { field, isObject, stringField } from './input';
import { LIMITS } from '../../otp/types';
import type { DroppedField, ImportError, ImportFormat, ImportResult, Importer } from './types';

export interface SavedTokens {
  readonly tokens: readonly unknown[];
  readonly tokenOrder: readonly unknown[];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** Java bytes (−128..127) as Gson writes them; 0..255 is read the same way. */
function secretBytes(value: unknown): SecretSource | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > LIMITS.maxSecretBytes) return UNREADABLE_SECRET;
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const b: unknown = value[i];
    if (typeof b !== 'number' || !Number.isInteger(b) || b < -128 || b > 255)
      return UNREADABLE_SECRET;
    bytes[i] = b & 0xff;
  }
  return { bytes };
}

/** FreeOTP+ stores the counter before its pre-increment: the next counter is one more. */
function storedCounter(value: unknown): number | string | undefined {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string' && /^\s*-?\d{1,16}\s*$/.test(value)) return Number(value) + 1;
  return sourceNumber(value);
}

/** The id FreeOTP+ matches `tokenOrder` against (legacy Token.getID). */
function tokenId(token: unknown): string {
  const label = stringField(token, 'label') ?? '';
  const issuer =
    nonEmpty(stringField(token, 'issuerInt')) ?? nonEmpty(stringField(token, 'issuerExt'));
  return issuer === undefined ? label : `${issuer}:${label}`;
}

function turnToken(token: unknown, index: number): ReadEntry {
  if (!isObject(token)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const issuerExt = stringField(token, 'issuerExt');
  // The name the user gave (`alias`, newer versions) is what FreeOTP+ shows as the title.
  const issuer =
    nonEmpty(stringField(token, 'alias')) ??
    nonEmpty(stringField(token, 'issuerAlt')) ??
    nonEmpty(issuerExt) ??
    nonEmpty(stringField(token, 'issuerInt')) ??
    '';
  const account = stringField(token, 'labelAlt') ?? stringField(token, 'label') ?? '';
  const kind = (stringField(token, 'type') ?? 'TOTP').toUpperCase();
  const steam = issuerExt === 'Steam';
  if (steam && kind === 'HOTP') {
    // Counter-based Steam codes: nothing else makes them, and Otter has no such type.
    return {
      index,
      labels: { issuer, account },
      result: err({ reason: 'type_unsupported', detail: 'steam hotp' }),
    };
  }
  const counter = storedCounter(field(token, 'counter'));
  const dropped: DroppedField[] = [];
  if (
    ['image', 'imageAlt', 'iconKey'].some((key) => nonEmpty(stringField(token, key)) !== undefined)
  )
    dropped.push('icon');
  const category = nonEmpty(stringField(token, 'category'));
  const built = entryFromFields({
    type: steam ? 'steam' : kind,
    secret: secretBytes(field(token, 'secret')),
    algorithm: stringField(token, 'algo') ?? null,
    digits: sourceNumber(field(token, 'digits')),
    period: sourceNumber(field(token, 'period')),
    counter,
    issuer,
    account,
    tags: category === undefined ? [] : [category],
    dropped,
  });
  return { index, labels: { issuer, account }, result: built };
}

/** Token positions in the user's order: `tokenOrder` first, then the tokens it leaves out. */
function ordered(saved: SavedTokens): number[] {
  // Two tokens may share an id: each mention in the order takes the next one not yet placed.
  const byId = new Map<string, { readonly at: number[]; taken: number }>();
  saved.tokens.forEach((token, i) => {
    const id = tokenId(token);
    const same = byId.get(id);
    if (same === undefined) byId.set(id, { at: [i], taken: 0 });
    else same.at.push(i);
  });
  const order: number[] = [];
  const used = new Set<number>();
  for (const id of saved.tokenOrder) {
    const same = typeof id === 'string' ? byId.get(id) : undefined;
    const next = same?.at[same.taken];
    if (same !== undefined && next !== undefined) {
      same.taken++;
      order.push(next);
      used.add(next);
    }
  }
  saved.tokens.forEach((_, i) => {
    if (!used.has(i)) order.push(i);
  });
  return order;
}

export function readSavedTokens(
  saved: SavedTokens,
  format: ImportFormat = 'freeotp_plus',
): Result<ImportResult, ImportError> {
  if (tooManyEntries(saved.tokens) || tooManyEntries(saved.tokenOrder))
    return err({ code: 'import_too_large' });
  return finishImport(
    format,
    false,
    ordered(saved).map((i) => turnToken(saved.tokens[i], i + 1)),
  );
}

function savedTokensJson(json: unknown): SavedTokens | null {
  const tokens = field(json, 'tokens');
  const tokenOrder = field(json, 'tokenOrder');
  if (!isObject(json) || !Array.isArray(tokens)) return null;
  if (Array.isArray(tokenOrder)) return { tokens, tokenOrder };
  // Without an order, only a list of tokens with byte-array secrets is taken for FreeOTP+.
  return tokenOrder === undefined && tokens.some((t) => Array.isArray(field(t, 'secret')))
    ? { tokens, tokenOrder: [] }
    : null;
}

export const freeotpPlusImporter: Importer = {
  format: 'freeotp_plus',

  detect(input) {
    return savedTokensJson(input.json) !== null || looksLikeFreeOtpPlusXml(input.text);
  },

  read(input) {
    const saved = savedTokensJson(input.json);
    const tokens = saved !== null ? ok(saved) : readFreeOtpPlusXml(input.text ?? '');
    // The JSON export is FreeOTP+'s own; tokens.xml is FreeOTP 1's store, kept by FreeOTP+.
    const format = saved !== null ? 'freeotp_plus' : 'freeotp_tokens';
    const result = tokens.ok ? readSavedTokens(tokens.value, format) : tokens;
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
