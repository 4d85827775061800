/**
 * The strength estimate as the pages load it: this module is imported on demand (use-new-secret.ts),
 * when a passphrase or backup password is being chosen, so zxcvbn never weighs on a page's first
 * paint; its word lists are then read from the extension's files.
 */
import { readPackagedText } from '../src/platform/packaged-file';
import { strengthLoader } from '../src/vault/strength-data';

export const loadStrength = strengthLoader(readPackagedText);
