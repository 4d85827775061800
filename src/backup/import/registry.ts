/**
 * Every importer, in the order their `detect` is tried (FORMATS.md §10: the most specific
 * shapes first, the generic otpauth list last). Adding an app is one file and one line here.
 */
import { aegisImporter } from './aegis';
import { andotpEncryptedImporter, andotpImporter } from './andotp';
import { freeotpPlusImporter } from './freeotp-plus';
import { twofasImporter } from './twofas';
import type { Importer } from './types';

export const IMPORTERS: readonly Importer[] = [
  // §10.4, JSON with a shape of its own.
  aegisImporter,
  twofasImporter,
  freeotpPlusImporter,
  // §10.4, a bare array of entries: after every JSON object format.
  andotpImporter,
  // §10.5, binary with no header at all: last, it takes any binary file no one else claimed.
  andotpEncryptedImporter,
];
