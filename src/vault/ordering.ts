/**
 * Moving an account in the user's order. Pinned accounts come first, so an account moves within
 * its group (pinned or not). Orders are numbers with room between them: a move usually rewrites
 * only the moved account, with an order halfway between its new neighbours. When halving runs out
 * of room (after some fifty moves into the same gap), the group is numbered afresh.
 */
import { err, ok, type Result } from '../result';
import type { Account } from './format';

/** Pinned first, then the user's order; ties (never made by Otter) by creation, then id. */
export function byUserOrder(a: Account, b: Account): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return a.order - b.order || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** An order strictly between `prev` and `next` (either may be absent), or null if none is. */
export function orderBetween(prev: number | undefined, next: number | undefined): number | null {
  if (prev === undefined && next === undefined) return 0;
  if (prev === undefined) return next! - 1;
  if (next === undefined) return prev + 1;
  const middle = prev / 2 + next / 2;
  return middle > prev && middle < next ? middle : null;
}

export interface OrderChange {
  readonly id: string;
  readonly order: number;
}

/**
 * The order changes that put account `id` right before `beforeId` (null: last) among the accounts
 * not in the trash. `beforeId` in the other group means the start or end of the account's own
 * group, whichever is nearer to it. Empty when the account is already there.
 */
export function planMove(
  accounts: readonly Account[],
  id: string,
  beforeId: string | null,
): Result<OrderChange[], 'account_not_found'> {
  const active = accounts.filter((a) => a.trashedAt === null).sort(byUserOrder);
  const moving = active.find((a) => a.id === id);
  if (moving === undefined) return err('account_not_found');
  const group = active.filter((a) => a.pinned === moving.pinned);
  const others = group.filter((a) => a.id !== id);

  let index: number;
  if (beforeId === null) {
    index = others.length;
  } else {
    const before = active.find((a) => a.id === beforeId);
    if (before === undefined) return err('account_not_found');
    if (before.pinned === moving.pinned) index = others.indexOf(before);
    else index = before.pinned ? 0 : others.length;
  }
  if (index < 0) return err('account_not_found');
  if (group[index] === moving) return ok([]);

  const order = orderBetween(others[index - 1]?.order, others[index]?.order);
  if (order !== null) return ok([{ id, order }]);
  // No room left between the neighbours: number the group 1, 2, 3… in its new order.
  const placed = [...others.slice(0, index), moving, ...others.slice(index)];
  return ok(
    placed
      .map((a, i) => ({ id: a.id, order: i + 1, was: a.order }))
      .filter((c) => c.order !== c.was)
      .map(({ id: changed, order: next }) => ({ id: changed, order: next })),
  );
}
