/**
 * The one interface every importer implements (one file per app, `src/backup/import/<app>.ts`,
 * as Aegis organises its importers). An importer never writes: it turns a file into accounts to
 * preview, the entries it had to refuse (each with a reason), and names the source fields Otter
 * cannot keep. The worker commits what the user confirms, in one transaction.
 *
 * Nothing here may carry a secret, a password or file content in an error: errors are codes.
 */
import type { OtpEntry } from '../../otp/types';
import type { Result } from '../../result';

/** Which app (and variant) a file came from; `import_format_<id>` names it to the user. */
export const IMPORT_FORMATS = [
  'aegis',
  'twofas',
  'andotp',
  'authenticator_pro',
  'ente',
  'bitwarden',
  'bitwarden_authenticator',
  'proton_authenticator',
  'proton_pass',
  'lastpass',
  'freeotp_plus',
  'authenticator_extension',
  'onepassword',
  'keepass',
  'raivo',
  'winauth',
  'otpauth_list',
  'google_migration',
  'freeotp',
  /** FreeOTP 1's token store, which FreeOTP+ kept: the two apps' files cannot be told apart. */
  'freeotp_tokens',
  'totp_authenticator',
  /**
   * Base64 text of AES-CBC ciphertext: a TOTP Authenticator backup, or a Steam Desktop
   * Authenticator `.maFile` encrypted with a passkey, chosen without its manifest.json. Nothing
   * but a key tells the two apart (the file's name is not looked at), so the password prompt
   * names both; a file that opens is TOTP Authenticator's.
   */
  'totp_authenticator_or_steam',
  'google_authenticator',
  'microsoft_authenticator',
  'authy',
  'duo',
  'battle_net',
  'authenticator_plus',
  /** Steam Desktop Authenticator's, steamguard-cli's and the Steam app's Steam Guard files. */
  'steam',
  /** 2FAuth, the self-hosted web app. */
  'twofauth',
  'enpass',
  /** Keeper's JSON (bare or in its ZIP) and CSV exports. */
  'keeper',
  /** Dashlane's CSV export: its ZIP, or credentials.csv on its own. */
  'dashlane',
  'zoho_vault',
  'roboform',
  /** LastPass's password manager CSV export (not LastPass Authenticator's JSON: `lastpass`). */
  'lastpass_csv',
  /** Apple Passwords' (macOS, iOS) and Safari's CSV export. */
  'apple_passwords',
  /** KeePassXC's (and KeePassium's) CSV export. */
  'keepassxc_csv',
  /** NordPass's CSV: recognised only to say that it holds no authenticator keys. */
  'nordpass',
  /** A browser's saved passwords (Chrome, Edge, Firefox): recognised only to say so. */
  'browser_passwords',
  /** Any other JSON holding otpauth:// links (registry.ts: the last JSON reader). */
  'otpauth_json',
  /**
   * A password-protected ZIP archive no importer knows as it is (encrypted-zip.ts): named only
   * while its password is asked for; once opened, the file inside names the app.
   */
  'zip',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Why a whole file cannot be imported (translated as `error_<code>`). */
export const IMPORT_ERRORS = [
  /** No importer recognises the content: not an export Otter knows. */
  'import_unrecognised',
  /** Over the size, entry or nesting bounds, before any parsing work. */
  'import_too_large',
  /** Recognised, but broken: truncated, malformed, a checksum or tag fails after the password check. */
  'import_damaged',
  /** The password does not open the file (distinct from a damaged file). */
  'import_wrong_password',
  /**
   * The password does not open it as a TOTP Authenticator backup, and it may be an encrypted
   * Steam Desktop Authenticator `.maFile` instead, which opens only with SDA's manifest.json (its
   * salt and IV are there): say both, and to choose the manifest with the `.maFile` files.
   */
  'import_wrong_password_or_steam_encrypted',
  /**
   * The password does not open it as an andOTP backup, whose first bytes are not a plausible
   * iteration count either: the file may not be an andOTP backup at all (andOTP's encrypted
   * file has no header, so it is what an unrecognised binary file is tried as). Says both.
   */
  'import_wrong_password_or_not_andotp',
  /** An encrypted file was given no password. */
  'import_password_required',
  /** KDF parameters outside what the app writes (a crafted file asking for huge memory or time). */
  'import_kdf_unsupported',
  /**
   * Each entry sealed under its own password-derived key (Authy), and together more derivation
   * work than one password try may cost: a crafted file, or more accounts than one file opens.
   */
  'import_kdf_too_costly',
  /** A newer or unknown version of the app's format. */
  'import_version_unsupported',
  /** Encrypted with the app's account key (Bitwarden "account restricted"): only that app opens it. */
  'import_account_restricted',
  /** Encrypted in a way Otter cannot open (say so, and how to export without it). */
  'import_encryption_unsupported',
  /** The file holds no accounts at all. */
  'import_empty',
  /** An app's SQLite database copied while the app ran: its data is partly in the `-wal` file. */
  'import_database_incomplete',
  /**
   * Steam Desktop Authenticator's manifest.json chosen alone: it names the accounts, the
   * `.maFile`s hold the keys (chosen with it, they are read together: steam-folder.ts).
   */
  'import_steam_manifest',
  /** The same, and SDA encrypts the `.maFile`s: they open only when chosen with the manifest. */
  'import_steam_manifest_encrypted',
  /** NordPass's CSV export: it holds no authenticator keys (each account is set up again). */
  'import_nordpass_no_keys',
  /** A browser's saved passwords: no authenticator keys in them (the browser makes no codes). */
  'import_browser_passwords_no_keys',
  /** One of Dashlane's CSV files other than credentials.csv: its codes are in credentials.csv. */
  'import_dashlane_no_keys',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERRORS)[number];

/** The codes that mean "this password did not open it" (the password field is marked wrong). */
export const WRONG_PASSWORD_ERRORS: readonly ImportErrorCode[] = [
  'import_wrong_password',
  'import_wrong_password_or_steam_encrypted',
  'import_wrong_password_or_not_andotp',
];

export interface ImportError {
  readonly code: ImportErrorCode;
}

/** Why one entry of a file was not taken (translated as `import_refused_<reason>`). */
export const REFUSE_REASONS = [
  /** mOTP, Yandex, Battle.net-only kinds, push accounts...: `detail` names the kind. */
  'type_unsupported',
  'secret_missing',
  /** Not decodable (bad characters), or longer than any real key. */
  'secret_invalid',
  /**
   * Decodes to fewer than 5 bytes (8 base32 characters): no service issues such a key, and its
   * codes would be guessed. Named apart from `secret_invalid`, since the source app accepted it.
   */
  'secret_too_short',
  /** MD5, GOST, SHA224...: `detail` names it. */
  'algorithm_unsupported',
  'digits_invalid',
  'period_invalid',
  'counter_invalid',
  /** An entry of the wrong shape (not an object, a required field of the wrong type). */
  'entry_invalid',
  /** Its issuer matches none of the organisation's AllowedIssuers (src/policy/issuers.ts). */
  'issuer_not_allowed',
  /**
   * A file the chosen manifest names (Steam Desktop Authenticator's manifest.json) was not chosen
   * with it: `detail` names the file.
   */
  'file_missing',
  /**
   * A file chosen with a manifest that neither holds an account nor opens with the passkey that
   * opened the others (damaged, or encrypted by something else): `detail` names the file.
   */
  'file_unreadable',
] as const;
export type RefuseReason = (typeof REFUSE_REASONS)[number];

/** Kinds of source field Otter cannot keep (or keeps shortened). Extend with a translation. */
export const DROPPED_FIELDS = [
  /** A custom icon or image. */
  'icon',
  /** A colour, badge or label style. */
  'colour',
  /** The PIN of an mOTP/Yandex-style account, or an app lock. */
  'pin',
  /** The password, username or other login fields of a password manager item. */
  'login_fields',
  /** Custom fields of a password manager item other than the one-time code. */
  'custom_fields',
  'attachments',
  /** Usage counts, last-used times. */
  'usage',
  /** An issuer or account name longer than Otter keeps (cut to its limit). */
  'name_shortened',
  /** A note longer than Otter keeps (cut to its limit). */
  'note_shortened',
  /** An unknown otpauth parameter too long to keep (such as a huge `image=`). */
  'link_parameter',
  /** Archived in the source (Aegis): Otter has no archive, so it is imported as a live account. */
  'archived',
  /** Steam trade confirmation data (device id, session) kept by WinAuth: Otter makes codes only. */
  'steam_confirmation',
] as const;
export type DroppedField = (typeof DROPPED_FIELDS)[number];

/**
 * What Otter keeps of an account beyond its OTP parameters. Importers fill in what the source
 * has; the commit step turns tags into a line of the note and sites into the account's sites.
 */
export interface ImportedAccount extends OtpEntry {
  /** The source's note or description ('' when none). */
  readonly note: string;
  /** Favourite / pinned in the source. */
  readonly pinned: boolean;
  /** Groups, tags, folders or categories the source put it in. */
  readonly tags: readonly string[];
  /** Web addresses the source tied it to (Bitwarden and KeePass URLs, Proton Pass urls...). */
  readonly sites: readonly string[];
  /** In the source's own trash (Ente, Proton Pass): imported into Otter's Trash. */
  readonly trashed: boolean;
  /**
   * Source fields with a value that Otter cannot keep, or had to shorten: shown in the result
   * (`import_dropped_<field>`) so nothing is lost silently. Names only, never a value.
   */
  readonly dropped: readonly DroppedField[];
  /**
   * The code Steam asks for to take the authenticator off an account (Steam Guard files): kept
   * as a line of the note, under its name in the user's language.
   */
  readonly revocationCode?: string;
}

/** An entry the importer could not take. Labels only (they are not secret); never the key. */
export interface RefusedEntry {
  /** 1-based position of the entry in the file (line, array index, item...). */
  readonly index: number;
  readonly issuer: string;
  readonly account: string;
  readonly reason: RefuseReason;
  /**
   * For `type_unsupported` and `algorithm_unsupported`: which one ("motp", "MD5"); for
   * `file_missing` and `file_unreadable`: the file's name.
   */
  readonly detail?: string;
}

export interface ImportResult {
  readonly format: ImportFormat;
  /** The file was encrypted (shown as "encrypted Aegis backup"). */
  readonly encrypted: boolean;
  /** In the source's order (its own position field when it has one). */
  readonly accounts: readonly ImportedAccount[];
  readonly refused: readonly RefusedEntry[];
}

/** The file, looked at once for every importer's `detect` (src/backup/import/input.ts). */
export interface ImportInput {
  readonly bytes: Uint8Array;
  /** The bytes as UTF-8 (a byte-order mark removed), or null when they are not valid UTF-8. */
  readonly text: string | null;
  /** The text parsed as JSON with bounded nesting, or undefined when it is not JSON. */
  readonly json: unknown;
  /** The entries of a ZIP archive by name (not encrypted ones' contents), or null if not a ZIP. */
  readonly zip: ZipListing | null;
}

export interface ZipEntry {
  readonly name: string;
  /** The entry is encrypted (WinZip AES or ZipCrypto): its bytes need a password. */
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly size: number;
}

export interface ZipListing {
  readonly entries: readonly ZipEntry[];
  /** The uncompressed bytes of an unencrypted entry (bounded), or null when it cannot be read. */
  read(name: string): Uint8Array | null;
}

/** A file an importer recognised: either readable now, or waiting for its password. */
export type ReadFile =
  | { readonly kind: 'plain'; readonly result: ImportResult }
  | {
      readonly kind: 'encrypted';
      readonly format: ImportFormat;
      /**
       * Wrong password: `import_wrong_password` (or a WRONG_PASSWORD_ERRORS code that also says
       * what else the file may be); everything else that fails: its own code.
       */
      decrypt(password: string): Promise<Result<ImportResult, ImportError>>;
    };

export interface Importer {
  readonly format: ImportFormat;
  /** Cheap and never throws: does this content look like this app's export? */
  detect(input: ImportInput): boolean;
  /** Reads a file `detect` accepted. Never throws; bounded in size, entries and KDF cost. */
  read(input: ImportInput): Promise<Result<ReadFile, ImportError>>;
}
