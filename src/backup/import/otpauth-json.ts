/**
 * The last resort for JSON that no app's importer claimed (registry.ts tries it after every one
 * of them): any JSON holding `otpauth://` link strings, at any depth, as scripts and lesser-known
 * apps write their exports. Each link is an account, in document order, named by the link; a
 * link that names no service or no account takes it from the object holding it (its `title`,
 * `name`, `issuer`... and `username`, `account`, `email`... strings), so `{"name": "GitHub",
 * "uri": "otpauth://totp/?secret=…"}` is named GitHub.
 *
 * Only links are read: a bare key in such a file could be anything, and no shape says which
 * parameters go with it.
 */
import { ok } from '../../result';
import { uriLabels } from './collect';
import { IMPORT_LIMITS, field, isObject } from './input';
import { ImportCollector, entryFromTotpValue, type ItemNames } from './password-manager';
import type { Importer } from './types';

const FORMAT = 'otpauth_json';
const OTPAUTH = /^\s*otpauth:\/\//i;
const ISSUER_KEYS = ['issuer', 'title', 'name', 'service', 'label'];
const ACCOUNT_KEYS = ['account', 'username', 'user', 'email', 'login', 'accountName', 'userName'];

interface Link {
  readonly uri: string;
  /** The object whose value (or array value) the link is. */
  readonly holder: unknown;
}

/**
 * The file's link strings in document order (object keys in their order, arrays by position),
 * stopping once more than `max` are found.
 */
function findLinks(json: unknown, max: number): Link[] {
  const links: Link[] = [];
  // Depth-first, children pushed in reverse so that they come off the stack in order.
  const stack: Array<{ value: unknown; holder: unknown }> = [{ value: json, holder: null }];
  while (stack.length > 0 && links.length <= max) {
    const { value, holder } = stack.pop() as { value: unknown; holder: unknown };
    if (typeof value === 'string') {
      if (OTPAUTH.test(value)) links.push({ uri: value.trim(), holder });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], holder });
    } else if (isObject(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ value: value[keys[i] ?? ''], holder: value });
      }
    }
  }
  return links;
}

function sibling(holder: unknown, keys: readonly string[]): string {
  for (const key of keys) {
    const value = field(holder, key);
    if (typeof value === 'string' && value.trim() !== '' && !OTPAUTH.test(value)) return value;
  }
  return '';
}

export const otpauthJsonImporter: Importer = {
  format: FORMAT,
  detect: (input) => input.json !== undefined && findLinks(input.json, 0).length > 0,
  read(input) {
    const links = findLinks(input.json, IMPORT_LIMITS.maxEntries);
    const out = new ImportCollector();
    out.expect(links.length);
    links.forEach(({ uri, holder }, i) => {
      if (out.full) return;
      const names: ItemNames = {
        name: sibling(holder, ISSUER_KEYS),
        username: sibling(holder, ACCOUNT_KEYS),
      };
      const entry = entryFromTotpValue(uri, names, {});
      const labels = uriLabels(uri);
      out.add(
        i + 1,
        {
          name: labels.issuer?.trim() ? labels.issuer : names.name,
          username: labels.account?.trim() ? labels.account : names.username,
        },
        entry,
      );
    });
    const result = out.result(FORMAT, false);
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
