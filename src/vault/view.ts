/** What pages may see of an account: labels and codes. The secret stays in the worker. */
import { codeWindow } from '../otp/generate';
import type { AccountView, ManagedAccountView } from '../messages/protocol';
import type { Account } from './format';

type Labels = Omit<AccountView, 'code' | 'next' | 'validFrom' | 'validUntil'>;

function labels(account: Account): Labels {
  return {
    id: account.id,
    issuer: account.issuer,
    account: account.account,
    sites: account.sites,
    pinned: account.pinned,
    type: account.type,
    digits: account.digits,
    period: account.period,
    trashedAt: account.trashedAt,
  };
}

export function accountView(account: Account, now: number): AccountView {
  const window = account.type === 'hotp' ? null : codeWindow(account, now);
  return {
    ...labels(account),
    code: window?.code ?? null,
    next: window?.next ?? null,
    validFrom: window?.validFrom ?? null,
    validUntil: window?.validUntil ?? null,
  };
}

/** With the note, for the accounts page only. */
export function managedView(account: Account, now: number): ManagedAccountView {
  return {
    ...accountView(account, now),
    note: account.note,
    updatedAt: account.updatedAt,
    createdAt: account.createdAt,
  };
}

/** A trashed account shows no code: it is not meant to be used until it is restored. */
export function trashView(account: Account): ManagedAccountView {
  return {
    ...labels(account),
    note: account.note,
    updatedAt: account.updatedAt,
    createdAt: account.createdAt,
    code: null,
    next: null,
    validFrom: null,
    validUntil: null,
  };
}
