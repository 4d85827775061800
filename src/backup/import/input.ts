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
} as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(bytes: Uint8Array): string | null {
  try {
    const text = utf8.decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
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
