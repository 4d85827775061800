/**
 * The entry point for every import: bounds the file, finds the importer whose `detect` accepts
 * its content (never its name), and reads it. A file chosen with others it needs (Steam Desktop
 * Authenticator's manifest.json with its `.maFile` files) is read with them. Nothing here writes.
 */
import { err, ok, type Result } from '../../result';
import { encryptedZip } from './encrypted-zip';
import { IMPORT_LIMITS, importInput } from './input';
import { IMPORTERS } from './registry';
import { readSteamFolder, type CompanionFile } from './steam-folder';
import type { ImportError, ImportInput, ReadFile } from './types';

export type { CompanionFile } from './steam-folder';

/** A decrypt that throws (a bug) reports a damaged file instead, and writes nothing. */
function guarded(file: Extract<ReadFile, { kind: 'encrypted' }>): ReadFile {
  return {
    kind: 'encrypted',
    format: file.format,
    decrypt: async (password) => {
      if (password === '') return err({ code: 'import_password_required' });
      try {
        return await file.decrypt(password);
      } catch {
        return err({ code: 'import_damaged' });
      }
    },
  };
}

/** The first importer whose `detect` takes `input`, and what it reads; null when none does. */
export async function detectAndRead(
  input: ImportInput,
): Promise<Result<ReadFile, ImportError> | null> {
  for (const importer of IMPORTERS) {
    let matches: boolean;
    try {
      matches = importer.detect(input);
    } catch {
      matches = false;
    }
    if (matches) {
      try {
        return await importer.read(input);
      } catch {
        // A bug in an importer: the file is reported as damaged, and nothing is written.
        return err({ code: 'import_damaged' });
      }
    }
  }
  return null;
}

export async function readImportFile(bytes: Uint8Array): Promise<Result<ReadFile, ImportError>> {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) return err({ code: 'import_too_large' });
  const input = importInput(bytes);
  // A password-protected ZIP only when no importer knows the archive as it is: Authenticator
  // Plus and Raivo open their own encrypted archives.
  const read =
    (await detectAndRead(input)) ??
    (input.zip === null ? null : encryptedZip(bytes, detectAndRead));
  if (read === null) return err({ code: 'import_unrecognised' });
  return read.ok && read.value.kind === 'encrypted' ? ok(guarded(read.value)) : read;
}

/**
 * A file and the files chosen with it, read as one import. Only a Steam manifest takes others
 * (the page sends them only with a file named manifest.json): for any other content the group is
 * not one Otter knows. Without companions, the file is read on its own.
 */
export async function readImportFiles(
  bytes: Uint8Array,
  companions: readonly CompanionFile[],
): Promise<Result<ReadFile, ImportError>> {
  if (companions.length === 0) return readImportFile(bytes);
  if (
    bytes.length > IMPORT_LIMITS.maxFileBytes ||
    companions.length > IMPORT_LIMITS.maxCompanions ||
    companions.some((file) => file.bytes.length > IMPORT_LIMITS.maxCompanionBytes)
  ) {
    return err({ code: 'import_too_large' });
  }
  const read = readSteamFolder(importInput(bytes).json, companions);
  if (read === null) return err({ code: 'import_unrecognised' });
  return read.ok && read.value.kind === 'encrypted' ? ok(guarded(read.value)) : read;
}
