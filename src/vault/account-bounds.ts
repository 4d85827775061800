/**
 * The one set of bounds for an account about to be written, applied on every path that makes one
 * (typed by hand, a pasted link, a scanned code, a Google export, another app's export) exactly
 * as the vault's reader applies them (format.ts `decodeAccount`): an account the vault accepts
 * always reads back. Without it the write path's last check (account-records.ts `commit`) refuses
 * the whole write, which for an import or a Google export loses every account in it.
 *
 * What does not fit is said, never silently changed: names and the note are cut to the limit
 * (`name_shortened`, `note_shortened`), an unknown otpauth parameter too long to keep (a huge
 * `image=`) is dropped (`link_parameter`), and an HOTP counter that could not be advanced even
 * once is refused (`counter_invalid`): storing it would make an account that gives no code.
 */
import { LIMITS, type OtpEntry } from '../otp/types';
import { err, ok, type Result } from '../result';
import { TEXT_LIMITS } from '../text-limits';

/** What was changed to make an account fit (translated as `warning_<note>` and, in an import, `import_dropped_<note>`). */
export const FIT_NOTES = ['name_shortened', 'note_shortened', 'link_parameter'] as const;
export type FitNote = (typeof FIT_NOTES)[number];

/** The highest counter a new account may have: the next code (counter + 1) must still be stored. */
export const MAX_NEW_COUNTER = LIMITS.maxCounter - 1;

/** Cuts `text` to `max` UTF-16 units (the reader's measure) without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * The otpauth parameters the vault can keep: a value over the reader's bound is dropped, and so
 * is `__proto__` (assigning it makes no key, and a backup holding one is refused by its reader).
 */
export function fitExtra(extra: Readonly<Record<string, string>>): {
  readonly extra: Record<string, string>;
  readonly dropped: boolean;
} {
  const kept: Record<string, string> = {};
  let dropped = false;
  for (const [key, value] of Object.entries(extra)) {
    if (key === '__proto__' || value.length > TEXT_LIMITS.extraValue) dropped = true;
    else kept[key] = value;
  }
  return { extra: kept, dropped };
}

/**
 * The fields of a new account beyond its OTP parameters that the reader bounds. Sites are not
 * here: a site is normalised to its origin where it is typed or found (src/sites), and a cut
 * address would be another address.
 */
interface Fittable extends OtpEntry {
  readonly note?: string;
}

export interface Fitted<T> {
  readonly entry: T;
  /** What had to be cut or dropped, for the user to see (empty when it fitted as it was). */
  readonly notes: readonly FitNote[];
}

/**
 * `entry` within the reader's bounds, with what was changed, or `counter_invalid` for an HOTP
 * counter that cannot be advanced.
 */
export function fitAccount<T extends Fittable>(entry: T): Result<Fitted<T>, 'counter_invalid'> {
  if (!Number.isSafeInteger(entry.counter) || entry.counter < 0 || entry.counter > MAX_NEW_COUNTER)
    return err('counter_invalid');
  const notes = new Set<FitNote>();
  const name = (value: string, max: number): string => {
    if (value.length <= max) return value;
    notes.add('name_shortened');
    return cutText(value, max);
  };
  const { extra, dropped } = fitExtra(entry.extra);
  if (dropped) notes.add('link_parameter');
  const note = entry.note ?? '';
  if (note.length > TEXT_LIMITS.note) notes.add('note_shortened');
  const fitted: T = {
    ...entry,
    issuer: name(entry.issuer, TEXT_LIMITS.issuer),
    account: name(entry.account, TEXT_LIMITS.account),
    extra,
    ...(entry.note === undefined ? {} : { note: cutText(note, TEXT_LIMITS.note) }),
  };
  return ok({ entry: fitted, notes: [...notes] });
}
