import { useEffect } from 'preact/hooks';
import type { RequestOf, ResponseOf } from '../src/messages/protocol';

/**
 * One refresh per period boundary, for the codes after `next`; no per-second round trips. It is
 * not the user's doing (`auto`), so it does not hold off the idle lock.
 */
export function usePeriodRefresh(
  list: ResponseOf<'listAccounts'>,
  onRefresh: (request: RequestOf<'listAccounts'>) => Promise<void>,
): void {
  useEffect(() => {
    const ends = list.accounts.map((a) => a.validUntil).filter((v): v is number => v !== null);
    if (ends.length === 0) return;
    const timer = window.setTimeout(
      () => void onRefresh({ auto: true }),
      Math.max(Math.min(...ends) - Date.now(), 0) + 200,
    );
    return () => window.clearTimeout(timer);
  }, [list]);
}
