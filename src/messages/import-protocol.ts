/**
 * The import requests of the protocol (src/messages/protocol.ts), kept apart so that file stays
 * readable; protocol.ts re-exports them.
 */
import type { ImportCounts } from '../backup/import/commit';
import type { DuplicateAnswer } from '../backup/merge';
import type { ImportPreview } from '../backup/import/preview';
import type { ImportFormat, RefusedEntry } from '../backup/import/types';

type Empty = Record<string, never>;

/** A file sent with the one imported: its name as picked, and its bytes in base64. */
export interface ImportCompanion {
  readonly name: string;
  readonly file: string;
}

/** What a picked file turned out to be: its app, and its accounts unless it needs a password. */
export type ImportOpened =
  | { readonly format: ImportFormat; readonly needsPassword: true; readonly preview: null }
  | {
      readonly format: ImportFormat;
      readonly needsPassword: false;
      readonly preview: ImportPreview;
    };

/**
 * Importing another app's export (background/handlers/import.ts): read the file (and decrypt
 * it), preview, commit. The accounts stay sealed in the worker under an import id between these
 * requests (the worker may stop meanwhile); the page sees names and codes, never a secret.
 */
export interface ImportProtocol {
  /**
   * Reads a file (its bytes in base64): which app made it, and its accounts, sealed under an
   * import id, as a preview. An encrypted file without `password` answers `needsPassword`; a
   * wrong password is `import_wrong_password`, distinct from a damaged file. Writes nothing.
   * `companions`: the files chosen with it that it needs, by name (Steam Desktop
   * Authenticator's manifest.json names its `.maFile` files): one import, one password.
   */
  importFile: {
    request: { file: string; password?: string; companions?: readonly ImportCompanion[] };
    response: ImportOpened;
  };
  /**
   * The preview again: fresh codes, and duplicates against the vault as it is now. `auto`: the
   * page refreshing its codes on its own, which does not count as activity.
   */
  importPreview: { request: { importId: string; auto?: boolean }; response: ImportPreview };
  /**
   * Imports every account of the preview in one transaction, with an answer for each duplicate
   * (its index → keep both, skip or replace, and the id of the vault account the preview showed
   * it with), or nothing: `import_preview_stale` when the vault changed so that the duplicates
   * are not those the user answered. `tagsLabel` ("Tags") and `revocationLabel` ("Steam
   * revocation code"), in the user's language, label the lines they add to the note.
   * `refused`: every entry not imported and why, the file's own (as the preview listed them)
   * and those the organisation's AllowedIssuers refuse at the commit (the policy may have
   * changed since the preview; an answer given for one of them is set aside).
   */
  importCommit: {
    request: {
      importId: string;
      choices: Record<string, DuplicateAnswer>;
      tagsLabel: string;
      revocationLabel: string;
    };
    response: ImportCounts & {
      readonly format: ImportFormat;
      readonly refused: readonly RefusedEntry[];
    };
  };
  /** Forgets the accounts read from a file (the user cancelled). */
  importDiscard: { request: { importId: string }; response: Empty };
}
