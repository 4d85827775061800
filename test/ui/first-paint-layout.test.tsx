// @vitest-environment happy-dom
/**
 * The rows painted before the app loads (popup/first-paint.ts) are laid out as the app's list that
 * replaces them: the page's accounts in their labelled group above "Other accounts", or the "no
 * account" line, so nothing moves when the app takes over. What the first paint knows about the
 * page is its part of the code cache: the worker's word on a page seen lately (`pageMatches`,
 * which the app's first list is given as `hint`), or else the accounts listing its exact origin.
 */
import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paintFirst } from '../../popup/first-paint';
import type { PageMatches } from '../../src/cache/code-cache';
import type { AccountView } from '../../src/messages/protocol';
import { accountView } from './account-views';
import { flush, showList, type List } from './code-list-fixture';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

const PAGE = 'https://login.microsoftonline.com/common/login';
const SITE = 'https://login.microsoftonline.com';
const github = accountView({ id: 'g', issuer: 'GitHub', sites: ['https://github.com'] });
const shop = accountView({ id: 's', issuer: 'Shop', sites: [SITE] });
const microsoft = accountView({
  id: 'm',
  issuer: 'Microsoft',
  account: 'alice@contoso.com',
  sites: ['https://mysignins.microsoft.com'],
});

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** What a list shows, top to bottom: its lines above the rows, group labels and rows' services. */
function lines(root: Element): string[] {
  return [...root.querySelectorAll('.no-account strong, .group-label, .row .issuer')].map(
    (el) => `${el.className === 'group-label' ? '# ' : ''}${el.textContent ?? ''}`,
  );
}

function painted(accounts: AccountView[], pageMatches?: PageMatches): string[] {
  paintFirst(
    { accounts, damaged: 0, ...(pageMatches ? { pageMatches } : {}) },
    SITE,
    'login.microsoftonline.com',
  );
  const root = document.getElementById('first-paint')!;
  const shown = lines(root);
  root.remove();
  return shown;
}

async function app(accounts: AccountView[], hint?: PageMatches): Promise<string[]> {
  const list = { accounts, damaged: 0, ...(hint ? { hint } : {}) } as List;
  showList(list, PAGE, SITE);
  await flush();
  return lines(document.body);
}

describe('the first paint is laid out as the app’s first list', () => {
  it('a page an account lists: that account in the page’s group, above the others', async () => {
    const first = painted([github, shop, microsoft]);
    expect(first).toEqual([
      '# For login.microsoftonline.com',
      'Shop',
      '# Other accounts',
      'GitHub',
      'Microsoft',
    ]);
    expect(await app([github, shop, microsoft])).toEqual(first);
  });

  it('a related page seen lately: its account first, as the worker said', async () => {
    const said = { m: 'related' } as const;
    const first = painted([github, microsoft], said);
    expect(first).toEqual([
      '# For login.microsoftonline.com',
      'Microsoft',
      '# Other accounts',
      'GitHub',
    ]);
    expect(await app([github, microsoft], said)).toEqual(first);
  });

  it('a page seen lately that no account matches: the "no account" line, the user’s order', async () => {
    const first = painted([github, microsoft], {});
    expect(first).toEqual(['No account for login.microsoftonline.com yet', 'GitHub', 'Microsoft']);
    expect(await app([github, microsoft], {})).toEqual(first);
  });

  it('a page never seen and listed by no account: the user’s order, nothing said yet', async () => {
    const first = painted([github, microsoft]);
    expect(first).toEqual(['GitHub', 'Microsoft']);
    expect(await app([github, microsoft])).toEqual(first);
  });

  it('a pinned account: marked in the first paint as in the app’s row', async () => {
    const pinned = { ...github, pinned: true };
    paintFirst({ accounts: [pinned, microsoft], damaged: 0 }, SITE, 'login.microsoftonline.com');
    const root = document.getElementById('first-paint')!;
    const marked = (within: Element) =>
      [...within.querySelectorAll('.row')].map(
        (row) => row.querySelector('.pin-mark path') !== null,
      );
    expect(marked(root)).toEqual([true, false]);
    root.remove();
    showList({ accounts: [pinned, microsoft], damaged: 0 } as List, PAGE, SITE);
    await flush();
    expect(marked(document.body)).toEqual([true, false]);
  });

  it('accounts the worker could not read: said above the rows in the first paint as in the app', async () => {
    paintFirst({ accounts: [github], damaged: 2 }, SITE, 'login.microsoftonline.com');
    const root = document.getElementById('first-paint')!;
    const said = (within: Element) =>
      [...within.querySelectorAll('p.error')].map((p) => p.textContent);
    const first = said(root);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^2 /);
    root.remove();
    showList({ accounts: [github], damaged: 2 } as List, PAGE, SITE);
    await flush();
    expect(said(document.body)).toEqual(first);
  });
});
