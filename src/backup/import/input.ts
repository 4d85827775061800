/** Looks at a file once, for every importer's `detect`: text, JSON, ZIP listing. */
import { parseBoundedJson } from '../bounded-json';
import type { ImportInput } from './types';
import { readZip } from './zip';

export const IMPORT_LIMITS = {
  /** Bytes of a file, checked before anything is read: real exports are a few hundred KB. */
  maxFileBytes: 32 * 1024 * 1024,
  /** Accounts (and refused entries) in one file. */
  maxEntries: 10_000,
  /** Nesting of JSON objects and arrays (Proton Pass and Bitwarden exports nest about 7 deep). */
  maxJsonDepth: 24,
  /**
   * Files read together with the one chosen (src/backup/import/read.ts `readImportFiles`):
   * Steam Desktop Authenticator's `.maFile` files beside its manifest.json, one per account.
   */
  maxCompanions: 1000,
  /** Bytes of each of them: a `.maFile` is a few KB. */
  maxCompanionBytes: 256 * 1024,
} as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/**
 * UTF-8, or UTF-16 when the file starts with its byte-order mark: what Windows PowerShell's `>`
 * and Notepad's "Unicode" write when a list of links is saved there. Every export is mostly
 * ASCII (keys, links, field names); random bytes read as UTF-16 almost never are, so a binary
 * file that happens to start with a mark (an andOTP nonce) stays binary.
 */
function decodeText(bytes: Uint8Array): string | null {
  const decoder =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? utf16le
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? utf16be
        : utf8;
  try {
    const decoded = decoder.decode(bytes);
    const text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
    if (decoder === utf8) return text;
    let ascii = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) ascii++;
    return ascii * 2 >= text.length ? text : null;
  } catch {
    return null;
  }
}

/** The file as importers see it; call only for files within `maxFileBytes`. */
export function importInput(bytes: Uint8Array): ImportInput {
  const text = decodeText(bytes);
  const trimmed = text?.trimStart() ?? '';
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  const parsed =
    text !== null && looksJson ? parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth) : null;
  return {
    bytes,
    text,
    json: parsed?.ok === true ? parsed.value : undefined,
    zip: text === null || !looksJson ? readZip(bytes) : null,
  };
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a JSON object, never one from the prototype chain (`__proto__`, `constructor`). */
export function field(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** A string field, or undefined when absent or of another type. */
export function stringField(value: unknown, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
}
