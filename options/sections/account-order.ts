/**
 * The accounts page's order: pinned accounts form one group and the rest another, and a move
 * stays within its group (the worker's moveAccount puts an account before another). Pure.
 */
import type { ManagedAccountView } from '../../src/messages/protocol';

/** The account a row must be put before to end up at `to` in `group` (null: last). */
export function beforeFor(
  group: readonly ManagedAccountView[],
  from: number,
  to: number,
): string | null {
  const target = to > from ? group[to + 1] : group[to];
  return target?.id ?? null;
}

/** Where each account stands in its group (pinned or not), for the move buttons. */
export function groupPositions(accounts: readonly ManagedAccountView[]) {
  const positions = new Map<string, { index: number; size: number }>();
  for (const pinned of [true, false]) {
    const group = accounts.filter((a) => a.pinned === pinned);
    group.forEach((a, index) => positions.set(a.id, { index, size: group.length }));
  }
  return positions;
}
