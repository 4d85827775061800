/**
 * How hard a new passphrase or backup password is to guess, by zxcvbn (@zxcvbn-ts/core): it
 * finds the common passwords, words, names, keyboard walks, repeats, sequences and dates an
 * attacker tries first, and estimates the guesses needed by someone who knows those patterns.
 * This file is the rule and its vocabulary, light enough for any page; zxcvbn itself is in
 * strength-estimator.ts and its word lists in strength-data.ts. The pages import those on demand;
 * the worker bundles zxcvbn's code but reads the lists only when a secret is chosen. The same rule
 * runs in the pages (to disable the button and say why) and in the worker (which cannot trust a
 * page: new-secret.ts).
 */
import type { OptionsGraph, TranslationKeys } from '@zxcvbn-ts/core';

/**
 * The least zxcvbn score accepted for the vault passphrase and for a separate backup password.
 *
 * Score 3 means at least 10^8 guesses by zxcvbn's estimate, which is a lower bound: it assumes
 * the attacker knows the pattern (which word lists, in which order, with which substitutions).
 * Both secrets guard a file an attacker can copy and attack offline, but only through Argon2id at
 * 64 MiB, t = 3 (src/crypto/kdf.ts): every guess costs about 200 MiB of memory traffic, so even
 * a GPU farm manages a few thousand guesses a second where zxcvbn's "slow hash" model assumes
 * 10^4. Score 4 (10^10) would also refuse, for example, three uncommon words or ten random
 * characters; a backup password has no recovery code, and one too hard to remember loses the
 * backup for good. 3 is also where zxcvbn stops giving feedback ("safely unguessable").
 */
export const MIN_STRENGTH_SCORE = 3;

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** zxcvbn's warnings, as its translation keys (Otter translates them: strengthWarning_<key>). */
export const STRENGTH_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
] as const satisfies readonly (keyof TranslationKeys['warnings'])[];
export type StrengthWarning = (typeof STRENGTH_WARNINGS)[number];

/** zxcvbn's suggestions, as its translation keys (strengthSuggestion_<key>). */
export const STRENGTH_SUGGESTIONS = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
] as const satisfies readonly (keyof TranslationKeys['suggestions'])[];
export type StrengthSuggestion = (typeof STRENGTH_SUGGESTIONS)[number];

// Every key zxcvbn can answer with is listed (and so translated), except `pwned`: Otter never
// asks an online breach service.
type Unlisted<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const allWarnings: Unlisted<keyof TranslationKeys['warnings'], StrengthWarning | 'pwned'> = true;
const allSuggestions: Unlisted<keyof TranslationKeys['suggestions'], StrengthSuggestion | 'pwned'> =
  true;
void allWarnings;
void allSuggestions;

export interface Strength {
  /** 0 too guessable · 1 very guessable · 2 somewhat guessable · 3 safely · 4 very unguessable */
  readonly score: StrengthScore;
  /** log10 of the estimated guesses (for tests and the boundary, not shown). */
  readonly guessesLog10: number;
  readonly warning: StrengthWarning | null;
  readonly suggestions: readonly StrengthSuggestion[];
}

/** The word lists (zxcvbn dictionaries: name → words, most common first) and keyboard layouts. */
export interface StrengthData {
  readonly dictionary: Readonly<Record<string, readonly string[]>>;
  readonly graphs: OptionsGraph;
}

export type StrengthEstimator = (passphrase: string) => Strength;

/**
 * zxcvbn rates only the first this many characters. Its matching work grows with the square of
 * the length (every substring against every list): 4096 random characters at its default of 256
 * took seconds, at 64 a tenth of a second. A longer secret can only be harder to guess than its
 * beginning, so this never lets a weak one through; one whose first 64 characters are weak is
 * refused.
 */
export const RATED_LENGTH = 64;

export function strongEnough(strength: Strength): boolean {
  return strength.score >= MIN_STRENGTH_SCORE;
}
