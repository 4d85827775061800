/**
 * Runs a checked request (src/messages/router.ts) with the properties of its row in the request
 * table (src/messages/requests.ts), so no handler has to remember them:
 *
 * - `policy`: the managed policy is read first (bounded wait, background/policy.ts), and a request
 *   the policy refuses (src/policy/gates.ts) is answered with its code without running the handler;
 * - `unlocked`: a locked (or absent) vault answers `vault_locked` (`vault_absent`) at once;
 * - `changesAccounts`: the popup's code cache is cleared before and after the handler (a rebuild
 *   that read the accounts while they changed must not survive);
 * - `activity`: a success moves the idle deadline, which itself depends on the policy, so the
 *   policy is always read before that;
 * - `codes`: a reply with codes is not sent when the vault locked while the handler ran.
 */
import type { Execute } from '../src/messages/router';
import type { RequestName, RequestOf, Reply } from '../src/messages/protocol';
import { countsAsActivity, REQUESTS, type RequestRow } from '../src/messages/requests';
import { policyRefusal } from '../src/policy/gates';
import { err } from '../src/result';
import type { WorkerContext } from './context';
import type { Handler, Handlers } from './handlers/types';

export function createDispatcher(
  handlers: Handlers,
  context: () => Promise<WorkerContext>,
): Execute {
  return async <K extends RequestName>(type: K, payload: RequestOf<K>): Promise<Reply<K>> => {
    const row = REQUESTS[type] as RequestRow<K>;
    const ctx = await context();
    const activity = countsAsActivity(type, payload);
    // Started now, awaited before anything depends on it: reading the policy overlaps the rest.
    const policy = row.policy || activity ? ctx.settlePolicy() : Promise.resolve();
    if (row.policy) await policy;
    // Read before the vault is found open: a lock from now on is one the reply must respect.
    const locks = ctx.vault.lockCount();
    if (row.unlocked) {
      const { state } = await ctx.vault.state();
      if (state !== 'unlocked')
        return err({ code: state === 'absent' ? 'vault_absent' : 'vault_locked' });
    }
    if (row.policy) {
      const refused = policyRefusal(type, payload, ctx.policy(), ctx.policyKnown());
      if (refused !== null) return err({ code: refused });
    }
    if (row.changesAccounts) await ctx.codeCache.clear();
    try {
      const reply = await (handlers[type] as Handler<K>)(payload, ctx);
      // Codes read while the vault was open do not leave after it locked (the page already
      // shows the lock screen; a late reply would paint codes over it).
      if (row.codes && reply.ok && ctx.vault.lockCount() !== locks)
        return err({ code: 'vault_locked' });
      if (reply.ok && activity) {
        await policy;
        await ctx.vault.touch();
      }
      return reply;
    } finally {
      if (row.changesAccounts) await ctx.codeCache.clear();
    }
  };
}
