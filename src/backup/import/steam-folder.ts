/**
 * Steam Desktop Authenticator's (and steamguard-cli's) `maFiles` folder, chosen as one: its
 * `manifest.json` with the `<steamid>.maFile` files beside it. The manifest names each account's
 * file, and, when the files are encrypted with a passkey, holds each file's salt and IV, without
 * which no passkey opens a file (steam-crypto.ts). Read together, the whole folder is one import
 * and asks for the passkey once.
 *
 * - SDA (Manifest.cs): `encrypted`, and `entries` of `{ encryption_iv, encryption_salt, filename,
 *   steamid }` (the IV and salt null when unencrypted). steamguard-cli wrote the same before its
 *   manifest version 1, sometimes with `encryption_scheme`.
 * - steamguard-cli, manifest `version` 1: `entries` of `{ filename, steam_id, account_name,
 *   encryption }`, `encryption` null or `{ iv, salt, scheme }` with scheme `LegacySdaCompatible`
 *   or `Argon2idAes256`.
 *
 * Every entry is matched to a chosen file by its name (case aside, as Windows names are). A file
 * the manifest names but that was not chosen is named as missing; the others are imported. A file
 * not in the manifest is read as an unencrypted `.maFile`, or named as unreadable, except the
 * copies steamguard-cli leaves when it migrates a folder (`manifest.json.bak`, and `<file>.bak`
 * beside each file the manifest names): an older copy of the same account, which steamguard-cli
 * never reads again, is left aside. A file that holds an account's JSON is read as it is,
 * whatever the manifest says of it.
 *
 * The first encrypted file decides whether the passkey is right (as SDA checks it): a file after
 * it that does not open is named as unreadable, and the rest are imported.
 */
import { fromUtf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { finishImport, tooManyEntries, type ReadEntry } from './collect';
import { field, IMPORT_LIMITS, isObject, stringField } from './input';
import { maFileOpener, sealedMaFile, type SealedMaFile, type SteamScheme } from './steam-crypto';
import { present, STEAM_ISSUER, steamAccounts, steamManifest, turnAccount } from './steam';
import type { ImportError, ImportResult, ReadFile, RefuseReason } from './types';

/** A file chosen with the one being imported: its name as the page gave it, and its bytes. */
export interface CompanionFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

interface Encryption {
  readonly scheme: SteamScheme | null;
  readonly salt: unknown;
  readonly iv: unknown;
}

interface FolderEntry {
  readonly filename: string;
  /** steamguard-cli's `account_name` ('' in SDA's manifest, which names accounts by id only). */
  readonly account: string;
  readonly encryption: Encryption | null;
}

/** Where an entry's account is: its file's name, and its login name when the manifest has it. */
interface Named {
  readonly index: number;
  readonly account: string;
  readonly filename: string;
}

/** What one manifest entry, or one file no entry names, turned out to be. */
type Slot =
  | { readonly kind: 'plain'; readonly index: number; readonly accounts: readonly unknown[] }
  | (Named & { readonly kind: 'sealed'; readonly sealed: SealedMaFile })
  | (Named & { readonly kind: 'missing' | 'unreadable' });

function schemeOf(value: unknown): SteamScheme | null {
  // Absent: the default steamguard-cli gave it, SDA's own encryption.
  if (value === undefined || value === null || value === 'LegacySdaCompatible') {
    return 'LegacySdaCompatible';
  }
  return value === 'Argon2idAes256' ? 'Argon2idAes256' : null;
}

function encryptionOf(entry: unknown): Encryption | null {
  const nested = field(entry, 'encryption');
  if (isObject(nested)) {
    return {
      scheme: schemeOf(field(nested, 'scheme')),
      salt: field(nested, 'salt'),
      iv: field(nested, 'iv'),
    };
  }
  const salt = field(entry, 'encryption_salt');
  const iv = field(entry, 'encryption_iv');
  if (!present(salt) && !present(iv)) return null;
  return { scheme: schemeOf(field(entry, 'encryption_scheme')), salt, iv };
}

/** The manifest's entries, or null when the JSON is not a Steam manifest (steam.ts decides). */
function folderEntries(json: unknown): FolderEntry[] | null {
  const entries = steamManifest(json) === null ? null : field(json, 'entries');
  if (!Array.isArray(entries)) return null;
  return entries.map((entry) => ({
    filename: stringField(entry, 'filename') ?? '',
    account: (stringField(entry, 'account_name') ?? '').trim(),
    encryption: encryptionOf(entry),
  }));
}

/** The name without a folder: a manifest names files in its own folder. */
function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
}

/** The accounts in a file's JSON text, or null when it holds none (encrypted, or not Steam's). */
function plainAccounts(bytes: Uint8Array): unknown[] | null {
  const text = fromUtf8(bytes)?.replace(/^\uFEFF/, '') ?? '';
  if (!text.trimStart().startsWith('{')) return null;
  const parsed = parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
  return parsed.ok ? steamAccounts(parsed.value) : null;
}

function slotOf(entry: FolderEntry, index: number, file: CompanionFile | undefined): Slot {
  const named = { index, account: entry.account, filename: entry.filename };
  if (file === undefined) return { kind: 'missing', ...named };
  const accounts = plainAccounts(file.bytes);
  if (accounts !== null) return { kind: 'plain', index, accounts };
  const { encryption } = entry;
  // No salt and IV, or a scheme no version of either app wrote: nothing opens it.
  const sealed =
    encryption === null || encryption.scheme === null
      ? null
      : sealedMaFile(encryption.scheme, encryption.salt, encryption.iv, file.bytes);
  return sealed === null ? { kind: 'unreadable', ...named } : { kind: 'sealed', ...named, sealed };
}

const MAX_FILE_NAME = 255;

function refusal(slot: Named, reason: RefuseReason): ReadEntry {
  return {
    index: slot.index,
    labels: { issuer: STEAM_ISSUER, account: slot.account },
    // A file's name as the manifest writes it, within what a file system allows.
    result: err({ reason, detail: slot.filename.slice(0, MAX_FILE_NAME) }),
  };
}

function accountEntries(accounts: readonly unknown[], index: number): ReadEntry[] {
  return accounts.map((account) => turnAccount(account, index));
}

/** A slot's entries; a sealed one as `opened` (its account object, or null: not opened). */
function entriesOf(slot: Slot, opened: Record<string, unknown> | null = null): ReadEntry[] {
  switch (slot.kind) {
    case 'plain':
      return accountEntries(slot.accounts, slot.index);
    case 'missing':
      return [refusal(slot, 'file_missing')];
    case 'unreadable':
      return [refusal(slot, 'file_unreadable')];
    case 'sealed':
      return opened === null
        ? [refusal(slot, 'file_unreadable')]
        : accountEntries(steamAccounts(opened) ?? [opened], slot.index);
  }
}

async function openFolder(
  slots: readonly Slot[],
  passkey: string,
): Promise<Result<ImportResult, ImportError>> {
  const open = maFileOpener(passkey);
  let checked = false;
  const entries: ReadEntry[] = [];
  for (const slot of slots) {
    if (slot.kind !== 'sealed') {
      entries.push(...entriesOf(slot));
      continue;
    }
    const opened = await open(slot.sealed);
    // After the first file opened, one that does not is damaged or sealed by something else.
    if (opened === null && !checked) return err({ code: 'import_wrong_password' });
    checked = true;
    entries.push(...entriesOf(slot, opened));
  }
  return finishImport('steam', true, entries);
}

/**
 * The folder, read from its manifest (parsed JSON) and the files chosen with it; null when the
 * JSON is not a Steam manifest. Encrypted files make it wait for the passkey.
 */
export function readSteamFolder(
  manifest: unknown,
  files: readonly CompanionFile[],
): Result<ReadFile, ImportError> | null {
  const listed = folderEntries(manifest);
  if (listed === null) return null;
  // One entry per file: a manifest naming a file twice would open it (one key derivation each)
  // and list its account twice.
  const entries: FolderEntry[] = [];
  const seen = new Set<string>();
  for (const entry of listed) {
    const name = baseName(entry.filename);
    if (seen.has(name)) continue;
    seen.add(name);
    entries.push(entry);
  }
  if (tooManyEntries(entries.length + files.length)) return err({ code: 'import_too_large' });
  const byName = new Map<string, CompanionFile>();
  for (const file of files) {
    if (!byName.has(baseName(file.name))) byName.set(baseName(file.name), file);
  }
  const named = new Set(entries.map((e) => baseName(e.filename)));
  // steamguard-cli's migration copies (migrate.rs, backup_file): `<name>.bak` of the manifest
  // and of each file it names.
  const backupCopy = (name: string): boolean =>
    name.endsWith('.bak') && [...named, 'manifest.json'].includes(name.slice(0, -'.bak'.length));
  const slots = entries.map((entry, i) =>
    slotOf(entry, i + 1, byName.get(baseName(entry.filename))),
  );
  files
    .filter((file) => !named.has(baseName(file.name)) && !backupCopy(baseName(file.name)))
    .forEach((file, i) => {
      const extra: FolderEntry = { filename: file.name, account: '', encryption: null };
      slots.push(slotOf(extra, entries.length + i + 1, file));
    });
  if (!slots.some((slot) => slot.kind === 'sealed')) {
    const result = finishImport(
      'steam',
      false,
      slots.flatMap((slot) => entriesOf(slot)),
    );
    return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
  }
  return ok({
    kind: 'encrypted',
    format: 'steam',
    decrypt: (passkey) => openFolder(slots, passkey),
  });
}
