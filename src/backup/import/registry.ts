/**
 * Every importer, in the order their `detect` is tried (FORMATS.md §10: the most specific
 * shapes first, the generic otpauth list last). Adding an app is one file and one line here.
 */
import { authenticatorProImporter } from './authenticator-pro';
import { enteImporter } from './ente';
import { lastpassImporter } from './lastpass';
import { protonAuthenticatorImporter } from './proton-authenticator';
import { raivoImporter } from './raivo';
import type { Importer } from './types';

export const IMPORTERS: readonly Importer[] = [
  // Lines of otpauth URIs with Ente's `codeDisplay`, before any generic otpauth list; and
  // Ente's encrypted JSON (kdfParams + encryptedData + encryptionNonce).
  enteImporter,
  // ZIP holding raivo-otp-export.json (WinZip AES), or Raivo's JSON array (kind + timer).
  raivoImporter,
  // JSON: version + entries[].content.uri, or version + salt + content.
  protonAuthenticatorImporter,
  // JSON: accounts[] with issuerName/userName/timeStep (+ folders).
  lastpassImporter,
  // The AUTHENTICATORPRO / AuthenticatorPro binary headers (before any binary catch-all such as
  // andOTP's), its JSON (Authenticators[]) and its HTML table.
  authenticatorProImporter,
];
