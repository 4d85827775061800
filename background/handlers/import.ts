/**
 * Importing another app's export: read the file (src/backup/import/read.ts finds the app by its
 * content; Steam Desktop Authenticator's manifest.json comes with its `.maFile` files), decrypt it
 * with the user's password, preview, and commit what the user confirms.
 *
 * Between the preview and the commit the accounts are sealed in the session area under an
 * import id (background/pending-imports.ts): the worker may stop while the user chooses, and
 * the page never holds a secret (it sees names and codes). Nothing is written before the
 * commit, and the commit is one transaction: all of it, or nothing.
 */
import { planImportCommit, type ImportCounts } from '../../src/backup/import/commit';
import { previewImport, type ImportPreview } from '../../src/backup/import/preview';
import { readImportFiles, type CompanionFile } from '../../src/backup/import/read';
import type { ImportResult, RefusedEntry } from '../../src/backup/import/types';
import { fromBase64 } from '../../src/bytes';
import type { AppError } from '../../src/errors';
import { allowedIssuer, withoutRefusedIssuers } from '../../src/policy/rules';
import { err, ok, type Result } from '../../src/result';
import type { WorkerContext } from '../context';
import type { HandlerGroup } from './types';

/** The preview of a held import, against the vault's accounts in use now. */
async function preview(
  context: WorkerContext,
  importId: string,
  file: ImportResult,
): Promise<Result<ImportPreview, AppError>> {
  const list = await context.vault.list();
  if (!list.ok) return err({ code: list.error });
  return ok(previewImport(importId, file, list.value.active, context.now()));
}

export const importHandlers: HandlerGroup<
  'importFile' | 'importPreview' | 'importCommit' | 'importDiscard'
> = {
  async importFile({ file, password, companions = [] }, context) {
    const bytes = fromBase64(file);
    if (bytes === null) return err({ code: 'bad_request' });
    const others: CompanionFile[] = [];
    for (const companion of companions) {
      const decoded = fromBase64(companion.file);
      if (decoded === null) return err({ code: 'bad_request' });
      others.push({ name: companion.name, bytes: decoded });
    }
    const read = await readImportFiles(bytes, others);
    if (!read.ok) return err({ code: read.error.code });
    let result: ImportResult;
    if (read.value.kind === 'encrypted') {
      if (password === undefined)
        return ok({ format: read.value.format, needsPassword: true, preview: null });
      const opened = await read.value.decrypt(password);
      if (!opened.ok) return err({ code: opened.error.code });
      result = opened.value;
    } else {
      result = read.value.result;
    }
    // Accounts the organisation's AllowedIssuers refuse join the file's refused entries.
    result = withoutRefusedIssuers(result, context.policy());
    const importId = await context.imports.hold(result);
    if (!importId.ok) return err({ code: importId.error });
    const shown = await preview(context, importId.value, result);
    return shown.ok
      ? ok({ format: result.format, needsPassword: false, preview: shown.value })
      : shown;
  },

  async importPreview({ importId }, context) {
    const held = await context.imports.get(importId);
    if (!held.ok) return err({ code: held.error });
    return preview(context, importId, held.value);
  },

  async importCommit({ importId, choices, tagsLabel, revocationLabel }, context) {
    const held = await context.imports.get(importId);
    if (!held.ok) return err({ code: held.error });
    // The policy may have changed since the file was read: what it refuses now is not written,
    // and is named beside the entries the file itself could not give (the preview's).
    const policy = context.policy();
    const planned: { counts?: ImportCounts; notAllowed?: readonly number[] } = {};
    // Planned inside the vault's write queue, against the accounts as they are then.
    const written = await context.vault.writeAccounts((current) => {
      const plan = planImportCommit(held.value.accounts, current, choices, {
        now: context.now(),
        tagsLabel,
        revocationLabel,
        allowed: (a) => allowedIssuer(a.issuer, policy),
      });
      if (!plan.ok) return plan;
      planned.counts = plan.value.counts;
      planned.notAllowed = plan.value.notAllowed;
      return ok({ add: plan.value.add, trash: plan.value.trash });
    });
    if (!written.ok) return err({ code: written.error });
    // Written: forgetting the file read only tidies up (it expires, and the next file read drops
    // it), and must not make the page report an import that was done as failed.
    await context.imports.drop(importId).catch(() => undefined);
    const refusedNow = (planned.notAllowed ?? []).map((index): RefusedEntry => {
      const { issuer, account } = held.value.accounts[index]!;
      // Numbered as the file's other refusals are: 1-based, among the accounts read.
      return { index: index + 1, issuer, account, reason: 'issuer_not_allowed' };
    });
    return ok({
      format: held.value.format,
      ...planned.counts!,
      refused: [...held.value.refused, ...refusedNow],
    });
  },

  async importDiscard({ importId }, { imports }) {
    await imports.drop(importId);
    return ok({});
  },
};
