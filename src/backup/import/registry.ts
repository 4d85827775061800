/**
 * Every importer, in the order their `detect` is tried (FORMATS.md §10: the most specific
 * shapes first, the generic otpauth list last). Adding an app is one file and one line here.
 */
import { bitwardenImporter } from './bitwarden';
import { bitwardenAuthenticatorImporter } from './bitwarden-authenticator';
import { onePasswordImporter } from './onepassword';
import { protonPassImporter } from './proton-pass';
import type { Importer } from './types';

export const IMPORTERS: readonly Importer[] = [
  // ZIP archives, by the entries they hold (§10.3).
  protonPassImporter,
  onePasswordImporter,
  // JSON (§10.4) and CSV. Bitwarden Authenticator imitates Bitwarden's shape: its own importer
  // comes first, though each detect also refuses the other's files.
  bitwardenAuthenticatorImporter,
  bitwardenImporter,
];
