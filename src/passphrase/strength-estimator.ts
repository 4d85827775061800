/**
 * zxcvbn (@zxcvbn-ts/core) set up as Otter rates secrets (strength.ts has the rule). Imported only
 * with the word lists (strength-data.ts), when a passphrase is being chosen.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import {
  RATED_LENGTH,
  STRENGTH_SUGGESTIONS,
  STRENGTH_WARNINGS,
  type StrengthData,
  type StrengthEstimator,
  type StrengthSuggestion,
  type StrengthWarning,
} from './strength';

/**
 * How many de-leeted spellings ("p4$$w0rd" → "password") zxcvbn tries per secret; its default
 * of 100 made random symbols and digits slow (each spelling is matched against every list) and
 * rated no common leet password differently in Otter's tests.
 */
const LEET_SPELLINGS = 8;

/** Words that belong to Otter itself: a passphrase built from them is easy to guess. */
const OTTER_WORDS = [
  'otter',
  'authenticator',
  'otterauthenticator',
  'passphrase',
  'backup',
  'lösenfras',
  'säkerhetskopia',
];

const isWarning = (key: string | null): key is StrengthWarning =>
  (STRENGTH_WARNINGS as readonly (string | null)[]).includes(key);
const isSuggestion = (key: string): key is StrengthSuggestion =>
  (STRENGTH_SUGGESTIONS as readonly string[]).includes(key);

export function createStrengthEstimator(data: StrengthData): StrengthEstimator {
  // Without `translations`, zxcvbn's feedback is its translation keys, which Otter translates.
  const zxcvbn = new ZxcvbnFactory({
    dictionary: data.dictionary as Record<string, string[]>,
    graphs: data.graphs,
    maxLength: RATED_LENGTH,
    l33tMaxSubstitutions: LEET_SPELLINGS,
  });
  return (passphrase) => {
    const result = zxcvbn.check(passphrase, OTTER_WORDS);
    return {
      score: result.score,
      guessesLog10: result.guessesLog10,
      warning: isWarning(result.feedback.warning) ? result.feedback.warning : null,
      suggestions: result.feedback.suggestions.filter(isSuggestion),
    };
  };
}
