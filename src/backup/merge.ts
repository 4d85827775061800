/**
 * Restore planning: which accounts from a backup (or an import) are new, and which duplicate an
 * account already in the vault, by the same secret and type, or by the same issuer and account
 * name. The user chooses for each duplicate (keep both, replace, skip); `applyRestoreChoices`
 * turns the choices into exactly what to add and what to move to the Trash, which the worker
 * commits in one transaction. Every field of a restored account is kept, but for an HOTP counter
 * behind the vault's for the same key (`applyRestoreChoices`) and the date of an account in the
 * Trash for longer than it keeps accounts (`keepRestoredTrash`).
 * Nothing in the vault is ever overwritten: "replace" moves the current account to the Trash and
 * adds the backup's, as adding one does, so that an older backup cannot destroy a newer key.
 */
import { randomId } from '../crypto/random';
import { err, ok, type Result } from '../result';
import { trashExpired, type Account } from '../vault/format';
import { sameAccountData } from './account-equality';
import { answersFit, readDuplicateAnswers, type DuplicateChoice } from './duplicate-answers';

export { DUPLICATE_CHOICES, type DuplicateAnswer, type DuplicateChoice } from './duplicate-answers';

export const DUPLICATE_REASONS = ['same_secret', 'same_name'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const RESTORE_ERRORS = [
  /** A choice is not one of `DUPLICATE_CHOICES` with the id of the account it was shown (a page bug). */
  'restore_choices_invalid',
  /**
   * The vault changed since the plan the user answered: an account of the backup now matches
   * another account than the one it was shown with, or none, or one matches that matched none;
   * or the policy allows an account the plan listed as refused, and it matches one (the page
   * says which, src/backup/restore-stale.ts). Nothing is written; the page plans again and asks
   * again.
   */
  'restore_plan_stale',
  /** Two accounts from the backup would replace the same account in the vault. */
  'restore_replace_conflict',
] as const;
export type RestoreError = (typeof RESTORE_ERRORS)[number];

export interface Duplicate {
  /** The account from the backup; its id is the key of the user's choice. */
  readonly incoming: Account;
  /** The vault's account it matches (by secret first, then by name). */
  readonly existing: Account;
  readonly reasons: readonly DuplicateReason[];
  /** Every field but the id is equal: skipping loses nothing. */
  readonly identical: boolean;
}

export interface RestorePlan {
  /** Accounts that match nothing in the vault: added as they are. */
  readonly fresh: readonly Account[];
  readonly duplicates: readonly Duplicate[];
  /** Ids in use in the vault, so that nothing added overwrites a record. */
  readonly existingIds: ReadonlySet<string>;
  /** The highest counter of each HOTP key in the vault, the Trash included (by `secretKey`). */
  readonly hotpCounters: ReadonlyMap<string, number>;
}

/** Exactly what to write: new records, and the ids of accounts that go to the Trash. */
export interface RestoreChanges {
  readonly add: readonly Account[];
  /** The accounts replaced (one per "replace"); each has its replacement in `add`. */
  readonly trash: readonly string[];
}

/** The fields duplicates are found by: the key (with its type) and the names. */
type Identity = Pick<Account, 'type' | 'secret' | 'issuer' | 'account'>;

function secretKey(a: Identity): string {
  let hex = '';
  for (const byte of a.secret) hex += byte.toString(16).padStart(2, '0');
  return `${a.type}:${hex}`;
}

/** Names compared as a person would read them; null when both are empty (nothing to match). */
function nameKey(a: Identity): string | null {
  const norm = (s: string): string => s.normalize('NFC').trim().toLowerCase();
  const issuer = norm(a.issuer);
  const account = norm(a.account);
  return issuer === '' && account === '' ? null : JSON.stringify([issuer, account]);
}

/**
 * The existing account a new one would duplicate (same key and type, or the same issuer and
 * account name), and why; null when it is new. Adding by hand, by scan and by restore all use it.
 */
export function findDuplicate(
  existing: readonly Account[],
  entry: Identity,
): { readonly existing: Account; readonly reasons: readonly DuplicateReason[] } | null {
  return duplicateFinder(existing)(entry);
}

/**
 * `findDuplicate` for many entries against the same accounts (an import of a thousand): the
 * accounts are indexed once, by key and by name, the first of each winning as there.
 */
export function duplicateFinder(
  existing: readonly Account[],
): (
  entry: Identity,
) => { readonly existing: Account; readonly reasons: readonly DuplicateReason[] } | null {
  const bySecret = new Map<string, Account>();
  const byName = new Map<string, Account>();
  // An account in use is the match before one in the Trash with the same key or name: Replace
  // would otherwise replace the Trash's copy and leave the one in use beside a second one.
  const inUseFirst = [
    ...existing.filter((a) => a.trashedAt === null),
    ...existing.filter((a) => a.trashedAt !== null),
  ];
  for (const a of inUseFirst) {
    const key = secretKey(a);
    if (!bySecret.has(key)) bySecret.set(key, a);
    const name = nameKey(a);
    if (name !== null && !byName.has(name)) byName.set(name, a);
  }
  return (entry) => {
    const key = secretKey(entry);
    const name = nameKey(entry);
    const match = bySecret.get(key) ?? (name === null ? undefined : byName.get(name));
    if (match === undefined) return null;
    const reasons: DuplicateReason[] = [];
    if (secretKey(match) === key) reasons.push('same_secret');
    if (name !== null && nameKey(match) === name) reasons.push('same_name');
    return { existing: match, reasons };
  };
}

export function planRestore(
  existing: readonly Account[],
  incoming: readonly Account[],
): RestorePlan {
  const bySecret = new Map<string, Account>();
  const byName = new Map<string, Account>();
  // An account in use is the match before one in the Trash with the same key or name: Replace
  // would otherwise replace the Trash's copy and leave the one in use beside a second one.
  const inUseFirst = [
    ...existing.filter((a) => a.trashedAt === null),
    ...existing.filter((a) => a.trashedAt !== null),
  ];
  for (const a of inUseFirst) {
    if (!bySecret.has(secretKey(a))) bySecret.set(secretKey(a), a);
    const name = nameKey(a);
    if (name !== null && !byName.has(name)) byName.set(name, a);
  }
  const fresh: Account[] = [];
  const duplicates: Duplicate[] = [];
  for (const a of incoming) {
    const name = nameKey(a);
    const match = bySecret.get(secretKey(a)) ?? (name === null ? undefined : byName.get(name));
    if (match === undefined) {
      fresh.push(a);
      continue;
    }
    const reasons: DuplicateReason[] = [];
    if (secretKey(match) === secretKey(a)) reasons.push('same_secret');
    if (name !== null && nameKey(match) === name) reasons.push('same_name');
    duplicates.push({
      incoming: a,
      existing: match,
      reasons,
      identical: sameAccountData(a, match),
    });
  }
  return {
    fresh,
    duplicates,
    existingIds: new Set(existing.map((a) => a.id)),
    hotpCounters: hotpCounters(existing),
  };
}

/** The highest counter of each HOTP key among `accounts` (by `secretKey`). */
export function hotpCounters(accounts: readonly Account[]): ReadonlyMap<string, number> {
  const counters = new Map<string, number>();
  for (const a of accounts) {
    if (a.type !== 'hotp') continue;
    counters.set(secretKey(a), Math.max(a.counter, counters.get(secretKey(a)) ?? 0));
  }
  return counters;
}

/**
 * The counter an account added next to accounts with `counters` (`hotpCounters`) starts at: an
 * HOTP counter never goes back from the highest held for the same key, since every copy counts
 * against the one counter on the server (codes below it were already used).
 */
export function caughtUpCounter(
  counters: ReadonlyMap<string, number>,
  a: Identity & Pick<Account, 'counter'>,
): number {
  const used = a.type === 'hotp' ? counters.get(secretKey(a)) : undefined;
  return used === undefined ? a.counter : Math.max(used, a.counter);
}

/** What a page may see of an account in the plan: labels, never the secret or the note. */
export interface AccountLabel {
  readonly id: string;
  readonly issuer: string;
  readonly account: string;
  readonly type: Account['type'];
  readonly trashed: boolean;
}

export interface RestorePlanView {
  readonly fresh: readonly AccountLabel[];
  readonly duplicates: readonly {
    readonly incoming: AccountLabel;
    readonly existing: AccountLabel;
    readonly reasons: readonly DuplicateReason[];
    readonly identical: boolean;
    /** Skip what is already there unchanged; otherwise keep both, which loses nothing. */
    readonly suggested: DuplicateChoice;
  }[];
}

function label(a: Account): AccountLabel {
  return {
    id: a.id,
    issuer: a.issuer,
    account: a.account,
    type: a.type,
    trashed: a.trashedAt !== null,
  };
}

export function viewRestorePlan(plan: RestorePlan): RestorePlanView {
  return {
    fresh: plan.fresh.map(label),
    duplicates: plan.duplicates.map((d) => ({
      incoming: label(d.incoming),
      existing: label(d.existing),
      reasons: d.reasons,
      identical: d.identical,
      suggested: d.identical ? 'skip' : 'keep_both',
    })),
  };
}

/**
 * Applies one answer per duplicate (`answers`: incoming id → choice and the id of the vault's
 * account the user saw it matched, as sent by the page, so checked here). The plan is made again
 * at confirm, against the vault as it is then: if what an account of the backup matches is not
 * what it matched when the user chose, nothing is applied (`restore_plan_stale`), so that
 * "Replace" can never move to the Trash an account the user was not shown.
 * Added accounts keep every field; one whose id is already taken gets a new id.
 * "Replace" moves the vault's account to the Trash (where it can be restored from) and adds the
 * backup's as it is, under its own id. With "Replace" and "Keep both" alike, an HOTP counter never
 * goes back from the highest the vault holds for the same key (any account, the Trash included):
 * every copy counts against the one counter on the server, so codes below it were already used,
 * and a copy starting lower would show codes the server refuses.
 */
export function applyRestoreChoices(
  plan: RestorePlan,
  answers: Readonly<Record<string, unknown>>,
  newId: () => string = randomId,
): Result<RestoreChanges, RestoreError> {
  // A `__proto__` key is refused: the page never sends one (ids are random).
  const chosen = readDuplicateAnswers(answers, (id) => (id === '__proto__' ? null : id));
  if (chosen === null) return err('restore_choices_invalid');
  const shown = plan.duplicates.map((d) => [d.incoming.id, d.existing.id] as const);
  if (!answersFit(shown, chosen)) return err('restore_plan_stale');

  const used = new Set(plan.existingIds);
  const place = (a: Account): Account => {
    let id = a.id;
    for (let tries = 0; used.has(id); tries++) {
      if (tries === 100) throw new Error('newId keeps returning ids in use');
      id = newId();
    }
    used.add(id);
    return id === a.id ? a : { ...a, id };
  };

  // New accounts need no catching up: `planRestore` matches the Trash too, so no account of the
  // vault holds a new one's key (an HOTP key only in the Trash makes a duplicate of that account).
  const add = plan.fresh.map(place);
  const trash: string[] = [];
  const caughtUp = (a: Account): Account => {
    const counter = caughtUpCounter(plan.hotpCounters, a);
    return counter === a.counter ? a : { ...a, counter };
  };
  for (const d of plan.duplicates) {
    const choice = chosen.get(d.incoming.id)?.choice;
    if (choice !== 'keep_both' && choice !== 'replace') continue;
    if (choice === 'replace') {
      // One account replaced by two would leave the user guessing which one they kept.
      if (trash.includes(d.existing.id)) return err('restore_replace_conflict');
      trash.push(d.existing.id);
    }
    add.push(place(caughtUp(d.incoming)));
  }
  return ok({ add, trash });
}

/**
 * The accounts a restore adds, as they go into the vault. One that has been in the backup's Trash
 * for longer than the Trash keeps accounts (`retentionDays`, as in force after the restore) would
 * be deleted for good by the next purge, within half an hour and without a word, though the
 * restore counted it as restored: it goes into the Trash as if moved there at the restore
 * instead, so the user has the whole retention period to bring it back or let it go.
 */
export function keepRestoredTrash(
  accounts: readonly Account[],
  retentionDays: number,
  now: number,
): Account[] {
  return accounts.map((a) => (trashExpired(a, retentionDays, now) ? { ...a, trashedAt: now } : a));
}
