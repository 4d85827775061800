/** The page's host in the popup's group label, cut at its start to fit one line. */
import { describe, expect, it } from 'vitest';
import { hostTail } from '../../popup/host-tail';

describe('hostTail', () => {
  it.each([
    ['login.microsoftonline.com', 32, 'login.microsoftonline.com'],
    [
      'signin.accounts.very-long-subdomain.example.com:8443',
      40,
      '…very-long-subdomain.example.com:8443',
    ],
    ['signin.accounts.very-long-subdomain.example.com', 24, '…example.com'],
    ['a.b.c.d.example.com', 15, '…d.example.com'],
    ['x.abcdefghijklmnopqrstuvwxyz0123456789', 12, '…z0123456789'],
  ])('%s in %i characters: %s', (host, max, shown) => {
    const tail = hostTail(host, max);
    expect(tail).toBe(shown);
    expect(tail.length).toBeLessThanOrEqual(max);
    expect(host.endsWith(tail.replace(/^…/, ''))).toBe(true);
  });
});
