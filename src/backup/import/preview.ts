/**
 * What the page sees of a file being imported, before anything is written: every account with
 * its names, parameters and current code (a code, never the secret), what Otter could not keep
 * of it, the account already in the vault it duplicates, and the entries refused with their
 * reasons. The worker keeps the accounts themselves sealed (background/pending-imports.ts) and
 * makes this view again whenever the page asks (fresh codes, a vault that changed meanwhile).
 */
import type { OtpType, Algorithm } from '../../otp/types';
import { codeAt, timeStep } from '../../otp/generate';
import type { Account } from '../../vault/format';
import { duplicateFinder, type DuplicateReason } from '../merge';
import type {
  DroppedField,
  ImportedAccount,
  ImportFormat,
  ImportResult,
  RefusedEntry,
} from './types';
import { importedSites } from './vault-fields';

/** An account of the vault that an imported one duplicates: labels only. */
export interface ImportDuplicate {
  readonly existing: { readonly id: string; readonly issuer: string; readonly account: string };
  readonly reasons: readonly DuplicateReason[];
}

export interface ImportPreviewAccount {
  /** Position among the file's accounts (0-based): the key of this account's duplicate choice. */
  readonly index: number;
  readonly issuer: string;
  readonly account: string;
  readonly type: OtpType;
  readonly algorithm: Algorithm;
  readonly digits: number;
  readonly period: number;
  readonly counter: number;
  /** The current code (TOTP, Steam), or the code at the stored counter (HOTP). */
  readonly code: string;
  /** When `code` stops being valid (ms); null for HOTP. */
  readonly validUntil: number | null;
  readonly pinned: boolean;
  /** Goes into Otter's Trash (it was in the source's trash). */
  readonly trashed: boolean;
  readonly tags: readonly string[];
  /** The sites the account will have (origins; none when the file has no address Otter can use). */
  readonly sites: readonly string[];
  /** The source had a note (its text is not shown here: notes can hold recovery codes). */
  readonly hasNote: boolean;
  readonly dropped: readonly DroppedField[];
  /** An account in use in the vault that this one duplicates; never for one going to the Trash. */
  readonly duplicate: ImportDuplicate | null;
}

export interface ImportPreview {
  /** Names the sealed accounts in the worker: the page previews and commits by it. */
  readonly importId: string;
  readonly format: ImportFormat;
  readonly encrypted: boolean;
  readonly accounts: readonly ImportPreviewAccount[];
  readonly refused: readonly RefusedEntry[];
  readonly now: number;
}

/** Which imported accounts duplicate one of `active` (the vault's accounts in use), by index. */
export function importDuplicates(
  accounts: readonly ImportedAccount[],
  active: readonly Account[],
): Map<number, ImportDuplicate> {
  const find = duplicateFinder(active);
  const found = new Map<number, ImportDuplicate>();
  accounts.forEach((account, index) => {
    // An account going to the Trash takes nobody's place: there is nothing to choose.
    if (account.trashed) return;
    const duplicate = find(account);
    if (duplicate === null) return;
    const { id, issuer, account: name } = duplicate.existing;
    found.set(index, { existing: { id, issuer, account: name }, reasons: duplicate.reasons });
  });
  return found;
}

export function previewImport(
  importId: string,
  file: ImportResult,
  active: readonly Account[],
  now: number,
): ImportPreview {
  const duplicates = importDuplicates(file.accounts, active);
  return {
    importId,
    format: file.format,
    encrypted: file.encrypted,
    accounts: file.accounts.map((a, index): ImportPreviewAccount => {
      return {
        index,
        issuer: a.issuer,
        account: a.account,
        type: a.type,
        algorithm: a.algorithm,
        digits: a.digits,
        period: a.period,
        counter: a.counter,
        code: codeAt(a, now),
        validUntil: a.type === 'hotp' ? null : (timeStep(now, a.period) + 1) * a.period * 1000,
        pinned: a.pinned,
        trashed: a.trashed,
        tags: a.tags,
        sites: importedSites(a.sites),
        hasNote: a.note !== '',
        dropped: a.dropped,
        duplicate: duplicates.get(index) ?? null,
      };
    }),
    refused: file.refused,
    now,
  };
}
