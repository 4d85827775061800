/**
 * Every importer, in the order their `detect` is tried (FORMATS.md §10: the most specific
 * shapes first, the generic otpauth list last). Adding an app is one file and one line here.
 */
import { aegisImporter } from './aegis';
import { andotpEncryptedImporter, andotpImporter } from './andotp';
import { bitwardenImporter } from './bitwarden';
import { bitwardenAuthenticatorImporter } from './bitwarden-authenticator';
import { freeotpPlusImporter } from './freeotp-plus';
import { onePasswordImporter } from './onepassword';
import { protonPassImporter } from './proton-pass';
import { twofasImporter } from './twofas';
import type { Importer } from './types';

export const IMPORTERS: readonly Importer[] = [
  // ZIP archives, by the entries they hold (§10.3).
  protonPassImporter,
  onePasswordImporter,
  // §10.4, JSON with a shape of its own.
  aegisImporter,
  twofasImporter,
  freeotpPlusImporter,
  // JSON and CSV. Bitwarden Authenticator imitates Bitwarden's shape: its own importer comes
  // first, though each detect also refuses the other's files.
  bitwardenAuthenticatorImporter,
  bitwardenImporter,
  // §10.4, a bare array of entries: after every JSON object format.
  andotpImporter,
  // §10.5, binary with no header at all: last, it takes any binary file no one else claimed.
  andotpEncryptedImporter,
];
