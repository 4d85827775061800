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

/** The session went (`'locked'`) or came (`'unlocked'`); null for a moved deadline or no change. */
export function lockChange(
  changes: Readonly<Record<string, StorageChange>>,
): 'locked' | 'unlocked' | null {
  const change = changes[SESSION_KEY];
  if (change === undefined || (change.oldValue === undefined) === (change.newValue === undefined))
    return null;
  return change.newValue === undefined ? 'locked' : 'unlocked';
}
