/**
 * Committing an import: the user's choice for each duplicate (keep both, skip, replace) turned
 * into exactly the accounts to write, which the worker writes in one transaction. It runs inside
 * the vault's write queue against the vault as it is then (vault.writeAccounts), so duplicates
 * are found again there. Each choice names the vault account the preview showed it against: if
 * an account of the file now matches another account than that one, or none, or one where it
 * matched none, nothing is written (`import_preview_stale`) and the page shows the new preview,
 * so that "replace" never moves to the Trash an account the user was not shown.
 *
 * - New accounts come after the vault's last, in the file's order; pinned ones stay pinned.
 * - An account from the source's trash goes into Otter's Trash.
 * - Replace moves the old account to the Trash (a way back); the new one keeps the old one's
 *   note and pin where the file has none, and its sites after the file's.
 * - An HOTP account whose key the vault already holds (any account, the Trash included: whether
 *   kept both, replacing, or no duplicate at all) starts at the highest counter held for it:
 *   every copy counts against the one counter on the server, so codes below it were used.
 */
import { randomId } from '../../crypto/random';
import { err, ok, type Result } from '../../result';
import type { Account } from '../../vault/format';
import { answersFit, readDuplicateAnswers } from '../duplicate-answers';
import { caughtUpCounter, hotpCounters } from '../merge';
import { importDuplicates } from './preview';
import type { ImportedAccount } from './types';
import { mergeSites } from '../../sites/site-list';
import { importedNote, importedSites } from './vault-fields';
import { lastOrder } from '../../vault/account-records';

/** The import flow's own failures (translated as `error_<code>`). */
export const IMPORT_FLOW_ERRORS = [
  /** The accounts read from the file are gone: read too long ago, or the browser restarted. */
  'import_expired',
  /** A choice is not one of `DUPLICATE_CHOICES` with the id of the account it was shown (a page bug). */
  'import_choices_invalid',
  /**
   * The vault changed since the preview the user answered: an account of the file now matches
   * another account than the one it was shown with, or none, or one matches that matched none.
   * Nothing is written; the page previews again and asks again.
   */
  'import_preview_stale',
] as const;
export type ImportFlowError = (typeof IMPORT_FLOW_ERRORS)[number];

export interface ImportCounts {
  /** Accounts written, those going to the Trash included. */
  readonly imported: number;
  /** Of those, how many went into the Trash (they were in the source's trash). */
  readonly intoTrash: number;
  /** Old accounts moved to the Trash by "replace". */
  readonly replaced: number;
  readonly skipped: number;
}

export interface ImportWrites {
  /** New records, in the file's order. */
  readonly add: readonly Account[];
  /** Ids of the vault's accounts moved to the Trash (replaced). */
  readonly trash: readonly string[];
  readonly counts: ImportCounts;
  /** The indices of the accounts `CommitOptions.allowed` refused: not written. */
  readonly notAllowed: readonly number[];
}

export interface CommitOptions {
  readonly now: number;
  /** "Tags" in the user's language, for the note's tags line. */
  readonly tagsLabel: string;
  /** "Steam revocation code" in the user's language, for the note's line of it. */
  readonly revocationLabel: string;
  readonly newId?: () => string;
  /**
   * Whether an account may come in (the organisation's AllowedIssuers as they are at the
   * commit, which may refuse accounts the preview showed): one refused is not written, and an
   * answer given for it is set aside, its vault account left as it is. All, by default.
   */
  readonly allowed?: (account: ImportedAccount) => boolean;
}

/**
 * The writes for importing `accounts` into a vault holding `current` (every account, the Trash
 * included), with `choices`: the index of each duplicate (as a string) → its choice and the id of
 * the vault's account the preview showed it against (`ImportDuplicate.existing.id`).
 */
export function planImportCommit(
  accounts: readonly ImportedAccount[],
  current: readonly Account[],
  choices: Readonly<Record<string, unknown>>,
  { now, tagsLabel, revocationLabel, newId = randomId, allowed = () => true }: CommitOptions,
): Result<ImportWrites, ImportFlowError> {
  const active = current.filter((a) => a.trashedAt === null);
  const duplicates = importDuplicates(accounts, active);
  const chosen = readDuplicateAnswers(choices, (key) =>
    /^(0|[1-9]\d{0,6})$/.test(key) ? Number(key) : null,
  );
  if (chosen === null) return err('import_choices_invalid');
  const notAllowed: number[] = [];
  accounts.forEach((account, index) => {
    if (allowed(account)) return;
    notAllowed.push(index);
    duplicates.delete(index);
    chosen.delete(index);
  });
  const shown = [...duplicates].map(([index, d]) => [index, d.existing.id] as const);
  if (!answersFit(shown, chosen)) return err('import_preview_stale');

  const refused = new Set(notAllowed);
  const counters = hotpCounters(current);
  let order = lastOrder(current);
  const add: Account[] = [];
  const replaced = new Set<string>();
  let skipped = 0;
  accounts.forEach((imported, index) => {
    if (refused.has(index)) return;
    const duplicate = duplicates.get(index);
    const choice = duplicate === undefined ? 'keep_both' : chosen.get(index)?.choice;
    if (choice === 'skip') {
      skipped++;
      return;
    }
    const old =
      choice === 'replace' && duplicate !== undefined
        ? active.find((a) => a.id === duplicate.existing.id)
        : undefined;
    const note = importedNote(
      imported.note,
      imported.tags,
      { tags: tagsLabel, revocation: revocationLabel },
      imported.revocationCode,
    ).note;
    const sites = importedSites(imported.sites);
    add.push({
      id: newId(),
      type: imported.type,
      secret: imported.secret,
      algorithm: imported.algorithm,
      digits: imported.digits,
      period: imported.period,
      counter: caughtUpCounter(counters, imported),
      issuer: imported.issuer,
      account: imported.account,
      extra: { ...imported.extra },
      note: note === '' && old !== undefined ? old.note : note,
      sites: old !== undefined ? mergeSites(sites, old.sites) : sites,
      pinned: imported.pinned || (old?.pinned ?? false),
      order: ++order,
      createdAt: now,
      updatedAt: now,
      trashedAt: imported.trashed ? now : null,
    });
    if (old !== undefined) replaced.add(old.id);
  });
  return ok({
    add,
    trash: [...replaced],
    counts: {
      imported: add.length,
      intoTrash: add.filter((a) => a.trashedAt !== null).length,
      replaced: replaced.size,
      skipped,
    },
    notAllowed,
  });
}
