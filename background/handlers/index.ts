import type { RequestName } from '../../src/messages/protocol';
import type { Handlers } from '../../src/messages/router';
import { clearCodeCache } from '../code-cache';
import { accountHandlers } from './accounts';
import { backupHandlers } from './backup';
import { fillHandlers } from './fill';
import { manageHandlers } from './manage';
import { scanHandlers } from './scan';
import type { GetContext } from './types';
import { vaultHandlers } from './vault';

/**
 * Requests that change no account. Every other request clears the popup's code cache before and
 * after it runs, so the popup never paints an account as it was before a change (new requests
 * default to clearing).
 */
const LEAVES_ACCOUNTS: ReadonlySet<RequestName> = new Set<RequestName>([
  'status',
  'listAccounts',
  'getSettings',
  'codeCopied',
  'prepareScanner',
  'scanTab',
  'scanImage',
  'fillCode',
  'fillForTab',
  'hotpNext',
]);

function clearingCodeCache(handlers: Handlers): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const name of Object.keys(handlers) as RequestName[]) {
    if (LEAVES_ACCOUNTS.has(name)) continue;
    const handler = handlers[name] as (payload: unknown) => Promise<unknown>;
    wrapped[name] = async (payload: unknown) => {
      await clearCodeCache();
      try {
        return await handler(payload);
      } finally {
        // Again once the change is made: a rebuild that read the accounts while it was being
        // made (a popup's list arriving meanwhile) would otherwise write them as they were.
        await clearCodeCache();
      }
    };
  }
  return wrapped as unknown as Handlers;
}

/** Every request's handler; a request missing here is a compile error (Handlers is total). */
export function createHandlers(context: GetContext): Handlers {
  return clearingCodeCache({
    ...vaultHandlers(context),
    ...accountHandlers(context),
    ...fillHandlers(context),
    ...scanHandlers(context),
    ...manageHandlers(context),
    ...backupHandlers(context),
  });
}
