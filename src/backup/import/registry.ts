/**
 * Every importer, in the order their `detect` is tried (FORMATS.md §10: the most specific
 * shapes first, the generic otpauth list last). Adding an app is one file and one line here.
 */
import { authenticatorExtensionImporter } from './authenticator-extension';
import { googleMigrationImporter } from './google-migration';
import { keepassImporter } from './keepass';
import { otpauthListImporter } from './otpauth-list';
import type { Importer } from './types';
import { winauthImporter } from './winauth';

export const IMPORTERS: readonly Importer[] = [
  // Recognised by signature bytes.
  keepassImporter,
  // App-specific JSON shapes.
  authenticatorExtensionImporter,
  // App-specific text and ZIP shapes (after the ZIP formats that name their entries).
  winauthImporter,
  // Generic text: Google's transfer links, then any list of otpauth:// links, last of all.
  googleMigrationImporter,
  otpauthListImporter,
];
