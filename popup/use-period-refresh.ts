import { useEffect } from 'preact/hooks';
import type { RequestOf, ResponseOf } from '../src/messages/protocol';

/**
 * One refresh per period boundary of the list on screen (null: none is), for the codes after
 * `next`; no per-second round trips. It is not the user's doing (`auto`), so it does not hold off
 * the idle lock. After refreshes that failed (`failed` in a row; the list stayed), one a second
 * later.
 */
export function usePeriodRefresh(
  list: ResponseOf<'listAccounts'> | null,
  onRefresh: (request: RequestOf<'listAccounts'>) => Promise<void>,
  failed: number,
): void {
  useEffect(() => {
    if (list === null) return;
    const ends = list.accounts.map((a) => a.validUntil).filter((v): v is number => v !== null);
    if (ends.length === 0 && !failed) return;
    const timer = setTimeout(
      () => void onRefresh({ auto: true }),
      failed ? 1000 : Math.max(Math.min(...ends) - Date.now(), 0) + 200,
    );
    return () => clearTimeout(timer);
  }, [list, failed]);
}
