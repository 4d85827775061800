/** What pages may see of an account: labels and codes. The secret stays in the worker. */
import { codeWindow } from '../otp/generate';
import type { AccountView } from '../messages/protocol';
import type { Account } from './format';

export function accountView(account: Account, now: number): AccountView {
  const window = account.type === 'hotp' ? null : codeWindow(account, now);
  return {
    id: account.id,
    issuer: account.issuer,
    account: account.account,
    site: account.site,
    note: account.note,
    pinned: account.pinned,
    type: account.type,
    digits: account.digits,
    period: account.period,
    code: window?.code ?? null,
    next: window?.next ?? null,
    validFrom: window?.validFrom ?? null,
    validUntil: window?.validUntil ?? null,
    trashedAt: account.trashedAt,
  };
}
