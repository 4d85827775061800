/**
 * Where the unlocked session sits in the session area (session.ts reads and writes it), and how
 * our pages tell from a change of that area that the vault locked or unlocked: an open settings
 * page or popup must not keep showing accounts and notes after auto-lock or the Lock button.
 */
export const SESSION_KEY = 'otter.session';

/** One key's change, as `storage.onChanged` reports it. */
export interface StorageChange {
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
}

/** The session came or went: a lock or an unlock, not a moved deadline. */
export function locksOrUnlocks(changes: Readonly<Record<string, StorageChange>>): boolean {
  const change = changes[SESSION_KEY];
  return (
    change !== undefined && (change.oldValue === undefined) !== (change.newValue === undefined)
  );
}
