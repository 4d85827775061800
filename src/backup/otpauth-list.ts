/**
 * The plain export: one otpauth:// URI per line, the text format Aegis, FreeOTP+, ente and most
 * authenticators read and write (FORMATS.md §8, §10). It is not encrypted and carries only what a
 * URI can (no note, site, order, pinned or trash state): the native backup is the full one.
 *
 * Reading collects a typed error per bad line and goes on; the caller commits all or nothing.
 */
import { err, ok, type Result } from '../result';
import { formatOtpauthUri, parseOtpauthUri, type UriError, type UriWarning } from '../otp/uri';
import type { OtpEntry } from '../otp/types';
import { BACKUP_LIMITS } from './limits';

export const OTPAUTH_LIST_ERRORS = ['otpauth_list_too_large', 'otpauth_list_empty'] as const;
export type OtpauthListError = (typeof OTPAUTH_LIST_ERRORS)[number];

export const OTPAUTH_LIST_MIME_TYPE = 'text/plain';

export interface OtpauthListEntry {
  /** 1-based line number in the text. */
  readonly line: number;
  readonly entry: OtpEntry;
  readonly warnings: readonly UriWarning[];
}

export interface OtpauthListLineError {
  readonly line: number;
  /** Why the line is not a usable URI; never the line itself, which may hold a secret. */
  readonly error: UriError;
}

export interface OtpauthList {
  readonly entries: readonly OtpauthListEntry[];
  readonly errors: readonly OtpauthListLineError[];
}

/** One URI per line, `\n`-terminated (an empty list is an empty text). */
export function formatOtpauthList(entries: readonly OtpEntry[]): string {
  return entries.map((e) => `${formatOtpauthUri(e)}\n`).join('');
}

/**
 * Parses a list of otpauth URIs. Blank lines, surrounding spaces, `\r\n` or `\r` line ends and a
 * leading byte-order mark are tolerated; every other line must be a URI.
 */
export function readOtpauthList(text: string): Result<OtpauthList, OtpauthListError> {
  if (text.length > BACKUP_LIMITS.maxFileChars) return err('otpauth_list_too_large');
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const entries: OtpauthListEntry[] = [];
  const errors: OtpauthListLineError[] = [];
  const lines = body.split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (entries.length + errors.length === BACKUP_LIMITS.maxAccounts) {
      return err('otpauth_list_too_large');
    }
    const parsed = parseOtpauthUri(line);
    if (parsed.ok)
      entries.push({ line: i + 1, entry: parsed.value.entry, warnings: parsed.value.warnings });
    else errors.push({ line: i + 1, error: parsed.error });
  }
  if (entries.length + errors.length === 0) return err('otpauth_list_empty');
  return ok({ entries, errors });
}

/** `otter-otpauth-2026-11-24.txt` (the UTC date of `now`). */
export function otpauthListFileName(now: number): string {
  const date = new Date(now);
  return Number.isNaN(date.getTime())
    ? 'otter-otpauth.txt'
    : `otter-otpauth-${date.toISOString().slice(0, 10)}.txt`;
}
