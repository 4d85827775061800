/**
 * Every importer, in the order their `detect` is tried (FORMATS.md §10: the most specific
 * shapes first, the generic otpauth list last). Adding an app is one file and one line here.
 */
import { aegisImporter } from './aegis';
import { authenticatorProDbImporter } from './authenticator-pro-db';
import { googleAuthenticatorDbImporter } from './google-authenticator-db';
import { microsoftAuthenticatorImporter } from './microsoft-authenticator';
import { unreadableDatabaseImporter } from './sqlite-app';
import { authenticatorPlusImporter } from './authenticator-plus';
import { authyImporter } from './authy';
import { authyApiImporter } from './authy-api';
import { battleNetImporter } from './battle-net';
import { DASHLANE, dashlaneImporter, dashlaneOtherFileImporter } from './dashlane';
import { duoImporter } from './duo';
import { authenticatorExtensionImporter } from './authenticator-extension';
import { googleMigrationImporter } from './google-migration';
import { keepassImporter, keepassXmlImporter } from './keepass';
import { otpauthJsonImporter } from './otpauth-json';
import { otpauthListImporter } from './otpauth-list';
import { winauthImporter } from './winauth';
import { andotpEncryptedImporter, andotpImporter } from './andotp';
import { authenticatorProImporter } from './authenticator-pro';
import { bitwardenImporter } from './bitwarden';
import { bitwardenAuthenticatorImporter } from './bitwarden-authenticator';
import { enteImporter } from './ente';
import { enpassImporter } from './enpass';
import { freeotpPlusImporter } from './freeotp-plus';
import { freeotpImporter } from './freeotp';
import { keeperImporter } from './keeper';
import { lastpassImporter } from './lastpass';
import { LASTPASS_CSV, lastpassCsvImporter } from './lastpass-csv';
import { applePasswordsImporter } from './apple-passwords';
import { KEEPASSXC_CSV, keepassXcCsvImporter } from './keepassxc-csv';
import { keylessCsvImporter } from './csv-logins';
import { browserPasswordsImporter, nordpassImporter } from './passwords-only';
import { onePasswordImporter } from './onepassword';
import { protonAuthenticatorImporter } from './proton-authenticator';
import { protonPassImporter } from './proton-pass';
import { raivoImporter } from './raivo';
import { roboformImporter } from './roboform';
import { twofasImporter } from './twofas';
import { zohoVaultImporter } from './zoho-vault';
import { twofauthImporter } from './twofauth';
import { steamImporter } from './steam';
import { totpAuthenticatorImporter } from './totp-authenticator';
import type { Importer } from './types';

export const IMPORTERS: readonly Importer[] = [
  // KeePass, by its signature bytes; its XML export, by its root element.
  keepassImporter,
  keepassXmlImporter,
  // FreeOTP's backup: Java serialization's magic and a java.util.HashMap class descriptor.
  freeotpImporter,
  // Apps' SQLite databases, by the SQLite header and the app's table and columns (before the
  // binary catch-all, which never takes a SQLite file either); then any SQLite file whose header
  // or schema cannot be read, to say why (damaged, incomplete copy) rather than "unrecognised".
  googleAuthenticatorDbImporter,
  microsoftAuthenticatorImporter,
  authenticatorProDbImporter,
  unreadableDatabaseImporter,
  // ZIP archives, by the entries they hold (§10.3).
  protonPassImporter,
  onePasswordImporter,
  // A ZIP holding Accounts.txt (ZipCrypto), before WinAuth's ZIP of one text file.
  authenticatorPlusImporter,
  // A ZIP holding raivo-otp-export.json (WinZip AES), or Raivo's JSON array (kind + timer).
  raivoImporter,
  // §10.4, JSON with a shape of its own.
  aegisImporter,
  authenticatorExtensionImporter,
  twofasImporter,
  freeotpPlusImporter,
  // JSON: version + entries[].content.uri, or version + salt + content.
  protonAuthenticatorImporter,
  // JSON: accounts[] with issuerName/userName/timeStep (+ folders).
  lastpassImporter,
  // Keeper: JSON with records[] (bare, or export.json in a ZIP), or a header-less CSV holding a
  // `TFC:Keeper` name and value pair (before the generic CSV of otpauth links would take it).
  keeperImporter,
  // Dashlane's credentials.csv (bare or in its ZIP), by its header: before the generic CSV of
  // otpauth links (its otpUrl column is one) and WinAuth's ZIP.
  dashlaneImporter,
  // Zoho Vault's CSV, by its header (its TOTP column holds otpauth links).
  zohoVaultImporter,
  // RoboForm's CSV, by its header (a `TOTP KEY$` form field may hold an otpauth link).
  roboformImporter,
  // LastPass's password manager CSV (and Passbolt's copy of it), by its header.
  lastpassCsvImporter,
  // Apple Passwords' (and Safari's) CSV, by its header: only Apple's columns (1Password's CSV,
  // read above, has more).
  applePasswordsImporter,
  // KeePassXC's (and KeePassium's) CSV, by its header: Group,Title,Username,Password,URL,Notes.
  keepassXcCsvImporter,
  // JSON: { app: "2fauth_v…", data: [...] }.
  twofauthImporter,
  // JSON: a Steam Guard object (shared_secret + account_name...), or `accounts` of them by id.
  steamImporter,
  // Lines of otpauth URIs with Ente's `codeDisplay`, before any generic otpauth list; and Ente's
  // encrypted JSON (kdfParams + encryptedData + encryptionNonce).
  enteImporter,
  // JSON: items[] with Enpass's fields[] of {type, label}. Before Bitwarden, which takes any
  // `items` beside `folders` (Enpass's export has both) when its items look like ciphers.
  enpassImporter,
  // JSON and CSV. Bitwarden Authenticator imitates Bitwarden's shape: its own importer comes
  // first, though each detect also refuses the other's files.
  bitwardenAuthenticatorImporter,
  bitwardenImporter,
  // The AUTHENTICATORPRO / AuthenticatorPro binary headers (before any binary catch-all), its
  // JSON (Authenticators[]) and its HTML table.
  authenticatorProImporter,
  // Duo Mobile's accounts.json: a bare array of accounts with an otpGenerator (before andOTP).
  duoImporter,
  // Authy's token store: its Android preferences file, or the bare array of its tokens.
  authyImporter,
  // Authy's token list as its servers send it: the response (authenticator_tokens), the bare
  // array of its tokens (encrypted_seed + salt), or a HAR file of the request for it.
  authyApiImporter,
  // Battle.net Authenticator's Android preferences file, by its keys' names.
  battleNetImporter,
  // §10.4, a bare array of entries: after every JSON object format.
  andotpImporter,
  // WinAuth's text and ZIP shapes (after the ZIP formats that name their entries).
  winauthImporter,
  // §10.5, binary with no header at all: it takes any binary file no one else claimed.
  andotpEncryptedImporter,
  // TOTP Authenticator: its preferences XML, or a backup's base64 text (no otpauth link in it).
  totpAuthenticatorImporter,
  // Any other JSON with otpauth:// link strings in it: after every app's JSON, so that it never
  // takes an app's file; no text importer after it reads JSON.
  otpauthJsonImporter,
  // Generic text: Google's transfer links, then any list of otpauth:// links, last of all.
  googleMigrationImporter,
  otpauthListImporter,
  // NordPass's and the browsers' password CSVs, which hold no keys: recognised only to say so
  // (after the list of links, which reads any otpauth:// link a note holds).
  nordpassImporter,
  browserPasswordsImporter,
  // Password managers' CSVs from before they wrote keys: no accounts in them, said so.
  keylessCsvImporter(LASTPASS_CSV),
  keylessCsvImporter(KEEPASSXC_CSV),
  keylessCsvImporter(DASHLANE),
  // Dashlane's other CSV files (payments, IDs, personal info, secure notes): no codes in them.
  dashlaneOtherFileImporter,
];
