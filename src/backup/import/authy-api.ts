/**
 * Authy's token list as its servers send it: what the Authy desktop and Chrome apps (and the phone
 * apps, behind a proxy) fetch from `api.authy.com/json/users/<id>/authenticator_tokens`. The
 * community's export guides have people save that response, or the browser's or proxy's HAR file
 * of it, since Authy itself cannot export. Read here:
 *
 * - the response: `{"authenticator_tokens": [...], "deleted": [...], "message", "success"}`. Only
 *   `authenticator_tokens`: `deleted` holds accounts the user removed in Authy;
 * - the bare array of its tokens (what a script that pulls it out prints);
 * - a HAR file (`log.entries[]`): the last entry whose request went to `…/authenticator_tokens`
 *   and whose `response.content.text` (base64 when `encoding` says so) is such a response.
 *
 * A token: `account_type`, `digits`, `encrypted_seed`, `issuer`, `key_derivation_iterations`,
 * `logo`, `name`, `original_name`, `salt`, `unique_iv` (and ids and times Otter has no use for).
 * Every key is sealed with the backup password (authy-crypto.ts); the codes are TOTP, SHA-1,
 * 30 s, with the token's digits. The tokens are read as the Android store's are (authy.ts), under
 * that store's field names, so both name accounts alike and share the bound on derivation work.
 */
import { fromBase64, fromUtf8 } from '../../bytes';
import { err, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { readAuthyTokens } from './authy';
import { authyIterations, type SealedSecret } from './authy-crypto';
import { tooManyEntries } from './collect';
import { field, IMPORT_LIMITS, isObject, stringField } from './input';
import type { ImportError, Importer, ReadFile } from './types';

const TOKENS_KEY = 'authenticator_tokens';
const TOKENS_PATH = '/authenticator_tokens';

function isApiToken(value: unknown): boolean {
  return isObject(value) && Object.hasOwn(value, 'encrypted_seed') && Object.hasOwn(value, 'salt');
}

/** The response's token list, or undefined when `json` is not such a response. */
function responseTokens(json: unknown): unknown[] | undefined {
  const tokens = field(json, TOKENS_KEY);
  return Array.isArray(tokens) ? (tokens as unknown[]) : undefined;
}

function isTokenArray(json: unknown): json is unknown[] {
  return Array.isArray(json) && json.length > 0 && isApiToken(json[0]);
}

function harEntries(json: unknown): unknown[] | undefined {
  const entries = field(field(json, 'log'), 'entries');
  return Array.isArray(entries) ? (entries as unknown[]) : undefined;
}

/** A HAR entry of the request for the token list (its query holds the device's codes). */
function isTokensEntry(entry: unknown): boolean {
  const url = stringField(field(entry, 'request'), 'url');
  return url?.split(/[?#]/, 1)[0]?.endsWith(TOKENS_PATH) === true;
}

/** The token list in a HAR entry's response body, or undefined when it holds none. */
function bodyTokens(entry: unknown): unknown[] | undefined {
  const content = field(field(entry, 'response'), 'content');
  const text = stringField(content, 'text');
  if (text === undefined) return undefined;
  // Browsers keep a body as text when it is text; base64 is the exception, named by `encoding`.
  let body: string | null = text;
  if (field(content, 'encoding') === 'base64') {
    const bytes = fromBase64(text.trim());
    body = bytes === null ? null : fromUtf8(bytes);
  }
  const json = body === null ? null : parseBoundedJson(body, IMPORT_LIMITS.maxJsonDepth);
  return json?.ok === true ? responseTokens(json.value) : undefined;
}

/** The file's token list; undefined for a HAR whose requests for it kept no readable answer. */
function fileTokens(json: unknown): unknown[] | undefined {
  const tokens = responseTokens(json) ?? (isTokenArray(json) ? json : undefined);
  if (tokens !== undefined) return tokens;
  const entries = harEntries(json) ?? [];
  // The last answer is Authy's latest list (an app that synced twice asked twice).
  for (let i = entries.length - 1; i >= 0; i--) {
    if (!isTokensEntry(entries[i])) continue;
    const found = bodyTokens(entries[i]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A token under the Android store's field names, which authy.ts names and reads accounts by. */
function storeShape(token: unknown): unknown {
  if (!isObject(token)) return token;
  return {
    accountType: field(token, 'account_type'),
    digits: field(token, 'digits'),
    logo: field(token, 'logo'),
    name: field(token, 'name'),
    originalName: field(token, 'original_name'),
    originalIssuer: field(token, 'issuer'),
  };
}

function readApiTokens(tokens: readonly unknown[]): Result<ReadFile, ImportError> {
  if (tooManyEntries(tokens)) return err({ code: 'import_too_large' });
  const sealed = new Map<number, SealedSecret>();
  for (const [i, token] of tokens.entries()) {
    const seed = field(token, 'encrypted_seed');
    // No sealed key: refused as a token without a key (secret_missing).
    if (seed === undefined || seed === null) continue;
    const iterations = authyIterations(field(token, 'key_derivation_iterations'));
    // A round count no Authy writes (zero, a fraction, millions): a crafted file.
    if (iterations === null) return err({ code: 'import_kdf_unsupported' });
    const iv = field(token, 'unique_iv');
    sealed.set(i, { sealed: seed, salt: field(token, 'salt'), iterations, iv });
  }
  return readAuthyTokens(tokens.map(storeShape), sealed);
}

export const authyApiImporter: Importer = {
  format: 'authy',
  detect: (input) =>
    responseTokens(input.json) !== undefined ||
    isTokenArray(input.json) ||
    harEntries(input.json)?.some(isTokensEntry) === true,
  read(input) {
    const tokens = fileTokens(input.json);
    // Only a HAR gets here without a list: it asked for the tokens, but kept no answer to read.
    if (tokens === undefined) return Promise.resolve(err({ code: 'import_damaged' }));
    return Promise.resolve(readApiTokens(tokens));
  },
};
