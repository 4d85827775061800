/** Account views for component tests: a TOTP account with a current and a next code. */
import type { AccountView, ManagedAccountView } from '../../src/messages/protocol';

export function accountView(over: Partial<AccountView> = {}): AccountView {
  return {
    id: 'a1',
    issuer: 'GitHub',
    account: 'kim',
    sites: ['https://github.com'],
    pinned: false,
    type: 'totp',
    digits: 6,
    period: 30,
    code: '123456',
    next: '654321',
    validFrom: Date.now(),
    validUntil: Date.now() + 30_000,
    trashedAt: null,
    ...over,
  };
}

export function managedAccountView(over: Partial<ManagedAccountView> = {}): ManagedAccountView {
  return { ...accountView(), note: '', updatedAt: 1, createdAt: 1, ...over };
}
