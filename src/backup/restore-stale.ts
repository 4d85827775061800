/**
 * Why a restore's confirm found its plan stale, told by the page from the plan the user answered
 * and the plan made again (the worker keeps neither between requests, background/handlers/
 * backup.ts). The worker answers `restore_plan_stale` whenever the duplicates it finds at the
 * confirm are not those the user answered; that is a change to the vault's accounts, or a change
 * to the organisation's AllowedIssuers that now allows an account the plan listed as refused and
 * that matches an account already in Otter (a duplicate nobody was asked about, which must be
 * asked about, not replaced nor doubled). Each has its own words.
 */
import type { AccountLabel, RestorePlanView } from './merge';

export const RESTORE_STALE_ERRORS = [
  /**
   * The policy allows, since the plan, accounts it refused then, and some of them match accounts
   * in Otter: nothing is written; the page shows the new plan, to choose for them.
   */
  'restore_policy_changed',
] as const;
export type RestoreStaleError = (typeof RESTORE_STALE_ERRORS)[number];

/** What the page showed of a plan (the `planRestore` reply). */
export interface ShownPlan {
  readonly plan: RestorePlanView;
  readonly notAllowed: readonly Pick<AccountLabel, 'id'>[];
}

/**
 * Whether the new plan differs from the one shown only by accounts the shown one listed as
 * refused by the policy, at least one of them now a duplicate: every other account of the backup
 * matches the same vault account as before (or still none). False when the vault's accounts
 * changed as well, or nothing can be told apart (the vault's words are then the right ones).
 */
export function staleByPolicyOnly(shown: ShownPlan, again: ShownPlan): boolean {
  const refusedBefore = new Set(shown.notAllowed.map((a) => a.id));
  const matchedBefore = new Map(shown.plan.duplicates.map((d) => [d.incoming.id, d.existing.id]));
  let newlyAllowedDuplicate = false;
  for (const d of again.plan.duplicates) {
    if (refusedBefore.has(d.incoming.id)) newlyAllowedDuplicate = true;
    else if (matchedBefore.get(d.incoming.id) !== d.existing.id) return false;
  }
  // A duplicate shown that matches nothing now: an account of the vault went.
  const freshNow = again.plan.fresh.filter((a) => !refusedBefore.has(a.id));
  if (freshNow.some((a) => matchedBefore.has(a.id))) return false;
  return newlyAllowedDuplicate;
}
