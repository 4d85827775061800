/**
 * The passphrase rule as the pages load it: this module is imported on demand (use-new-secret.ts),
 * when a passphrase or backup password is being chosen, so neither zxcvbn nor the rule weighs on
 * a page's first paint; the word lists are then read from the extension's files.
 */
import { readPackagedText } from '../src/platform/packaged-file';
import { newSecretProblem } from '../src/passphrase/new-secret';
import {
  MIN_STRENGTH_SCORE,
  type StrengthEstimator,
  type StrengthScore,
} from '../src/passphrase/strength';
import { strengthLoader } from '../src/passphrase/strength-data';

export interface PassphraseRule {
  readonly rate: StrengthEstimator;
  /** What is wrong with a new secret (src/vault/new-secret.ts), as the worker will judge it. */
  readonly problem: typeof newSecretProblem;
  readonly minScore: StrengthScore;
}

const loadStrength = strengthLoader(readPackagedText);

export async function loadPassphraseRule(): Promise<PassphraseRule> {
  return { rate: await loadStrength(), problem: newSecretProblem, minScore: MIN_STRENGTH_SCORE };
}
