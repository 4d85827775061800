/**
 * Enter pressed before the worker has said how the accounts match the page. Painted from the code
 * cache, the popup knows exact origins only, and a related account (Microsoft's, at
 * login.microsoftonline.com) would be copied as a stranger's. So Enter waits: when the comparison
 * comes, it acts as if pressed then; anything else the user does first (another row, a search, a
 * copy, Escape) drops it; and without an answer within a second it copies, as it does on a page
 * it cannot judge. Pressed on the first row before the user chose any (the popup just opened),
 * it means the page's best account, which the comparison may put first: it acts on the first row
 * as it is then.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../src/messages/protocol';

const WAIT_MS = 1000;

/** The account Enter was pressed on; `first`: whichever row is first once compared. */
export type Pressed = string | { readonly first: true };

export interface PendingEnter {
  readonly wait: (pressed: Pressed) => void;
  readonly cancel: () => void;
}

export function usePendingEnter(
  known: boolean,
  accounts: readonly AccountView[],
  first: AccountView | undefined,
  onKnown: (account: AccountView) => void,
  onTimeout: (account: AccountView) => void,
): PendingEnter {
  const [pending, setPending] = useState<Pressed | null>(null);
  useEffect(() => {
    if (pending === null) return;
    const account = typeof pending === 'string' ? accounts.find((a) => a.id === pending) : first;
    if (account === undefined || known) {
      setPending(null);
      if (account !== undefined) onKnown(account);
      return;
    }
    const timer = setTimeout(() => {
      setPending(null);
      onTimeout(account);
    }, WAIT_MS);
    return () => clearTimeout(timer);
  }, [known, pending]);
  return { wait: setPending, cancel: () => setPending(null) };
}
