/**
 * The user's answers to the duplicates a restore plan or an import preview showed: one choice per
 * duplicate, with the id of the vault's account it was shown against. Restore (merge.ts) keys them
 * by the backup account's id, import (import/commit.ts) by the file account's index; both read
 * them here, as sent by the page (so checked), and both refuse answers given to another plan.
 */

export const DUPLICATE_CHOICES = ['keep_both', 'replace', 'skip'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

/**
 * The user's answer for one duplicate: the choice, and the id of the vault's account it was shown
 * with (`Duplicate.existing`), so that the choice applies to that account and to no other.
 */
export interface DuplicateAnswer {
  readonly choice: DuplicateChoice;
  readonly existing: string;
}

/**
 * The answers as sent by the page, each under `keyOf` its key; null when a key (`keyOf` gives
 * null) or an answer is malformed.
 */
export function readDuplicateAnswers<K>(
  answers: Readonly<Record<string, unknown>>,
  keyOf: (key: string) => K | null,
): Map<K, DuplicateAnswer> | null {
  const read = new Map<K, DuplicateAnswer>();
  for (const key of Object.keys(answers)) {
    const mapped = keyOf(key);
    if (mapped === null) return null;
    const value: unknown = answers[key];
    if (typeof value !== 'object' || value === null) return null;
    const { choice, existing } = value as Record<string, unknown>;
    const known = DUPLICATE_CHOICES.find((c) => c === choice);
    if (known === undefined || typeof existing !== 'string') return null;
    read.set(mapped, { choice: known, existing });
  }
  return read;
}

/**
 * Whether the answers were given to these duplicates (each its key and the id of the vault's
 * account it matches now): one for each, naming that account, and none for anything else.
 */
export function answersFit<K>(
  duplicates: readonly (readonly [K, string])[],
  answers: ReadonlyMap<K, DuplicateAnswer>,
): boolean {
  return (
    answers.size === duplicates.length &&
    duplicates.every(([key, existing]) => answers.get(key)?.existing === existing)
  );
}
