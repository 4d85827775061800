/**
 * The entry point for every import: bounds the file, finds the importer whose `detect` accepts
 * its content (never its name), and reads it. Nothing here writes.
 */
import { err, ok, type Result } from '../../result';
import { IMPORT_LIMITS, importInput } from './input';
import { IMPORTERS } from './registry';
import type { ImportError, ReadFile } from './types';

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

export async function readImportFile(bytes: Uint8Array): Promise<Result<ReadFile, ImportError>> {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) return err({ code: 'import_too_large' });
  const input = importInput(bytes);
  for (const importer of IMPORTERS) {
    let matches: boolean;
    try {
      matches = importer.detect(input);
    } catch {
      matches = false;
    }
    if (matches) {
      try {
        const read = await importer.read(input);
        return read.ok && read.value.kind === 'encrypted' ? ok(guarded(read.value)) : read;
      } catch {
        // A bug in an importer: the file is reported as damaged, and nothing is written.
        return err({ code: 'import_damaged' });
      }
    }
  }
  return err({ code: 'import_unrecognised' });
}
