// @vitest-environment happy-dom
/**
 * Search is loaded after the popup's list is on screen (popup/use-page-accounts.ts), to keep the
 * JavaScript at open within its budget. A query typed before it has loaded must not leave the
 * unfiltered list under it: an Enter pressed then would fill the first account, one the query
 * would not have found.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CodeList } from '../../popup/CodeList';
import type { AccountView } from '../../src/messages/protocol';
import { accountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
// Search never arrives in this file (code-list-fixture.tsx waits for it, so it is not used here).
vi.mock('../../src/search', () => new Promise(() => undefined));

const flush = () => act(() => new Promise((done) => setTimeout(done, 0)));
function showList(accounts: AccountView[], pageUrl: string, site: string) {
  const list = { accounts, damaged: 0, now: Date.now(), matches: { g1: 'exact' as const } };
  const props = { site, pageUrl, tabId: 7, onRefresh: () => Promise.resolve(), onAdd: () => {} };
  render(<CodeList list={list} {...props} />);
}

afterEach(cleanup);
beforeEach(() => {
  localStorage.clear();
  sendMessage.mockReset();
  sendMessage.mockImplementation(() => Promise.resolve({ ok: true, value: {} }));
});

it('shows the whole list without a query, and no row for a query until search is here', async () => {
  const github = accountView({ id: 'g1', issuer: 'GitHub', sites: ['https://github.com'] });
  const bank = accountView({ id: 'b1', issuer: 'Bank', sites: [] });
  showList([github, bank], 'https://github.com/login', 'https://github.com');
  await flush();
  expect(screen.getAllByTestId('account')).toHaveLength(2);
  const box = screen.getByRole('combobox');
  fireEvent.input(box, { target: { value: 'bank' } });
  await flush();
  expect(screen.queryAllByTestId('account')).toHaveLength(0);
  fireEvent.keyDown(box, { key: 'Enter' });
  await flush();
  const sent = sendMessage.mock.calls.map(([message]) => (message as { type: string }).type);
  expect(sent).not.toContain('fillCode');
  // A query of spaces is no query: the list stays.
  fireEvent.input(box, { target: { value: '  ' } });
  await flush();
  expect(screen.getAllByTestId('account')).toHaveLength(2);
});
