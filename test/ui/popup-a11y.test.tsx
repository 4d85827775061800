// @vitest-environment happy-dom
/**
 * The popup's list for screen-reader and keyboard users (found by a review, 2026-12-03): what an
 * action did is said in a live region that is on the page before its words change (one that
 * appears with its words is often not read).
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { accountView } from './account-views';
import { flush, listOf, showList } from './code-list-fixture';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(cleanup);
beforeEach(() => {
  localStorage.clear();
  sendMessage.mockReset();
  sendMessage.mockImplementation(() =>
    Promise.resolve({ ok: true, value: { filled: true, code: null } }),
  );
  const writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

const github = accountView();
const search = () => screen.getByTestId('search');
/** The live regions on the page now (role=status), with what each says. */
const regions = () => [...document.querySelectorAll('[role=status]')];

it('says "Copied" and "Filled" in a live region that was there before, each time anew', async () => {
  showList(listOf([github], { a1: 'exact' }), 'https://github.com/login', 'https://github.com');
  const before = regions();
  expect(before).toHaveLength(1);
  const region = before[0]!;
  expect(region.textContent).toBe('');

  fireEvent.click(screen.getByTestId('account'));
  await flush();
  expect(region.isConnected).toBe(true);
  expect(region.textContent).toBe('Copied');
  // The row's own "Copied" is not a second live region (it would be read twice, or not at all).
  expect(regions()).toEqual([region]);
  const first = region.firstChild;

  // A second copy is said again: new words in the region, not the same node left as it was.
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  expect(region.textContent).toBe('Copied');
  expect(region.firstChild).not.toBe(first);

  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(region.textContent).toBe('Filled');
});

it('says which account went to the Trash while other rows remain', async () => {
  sendMessage.mockImplementation(() => Promise.resolve({ ok: true, value: {} }));
  const gitlab = accountView({ id: 'b1', issuer: 'GitLab', account: '' });
  showList(listOf([gitlab, github], {}), null);
  const region = regions()[0]!;
  fireEvent.keyDown(search(), { key: 'F10', shiftKey: true });
  await flush();
  fireEvent.click(document.querySelector('[data-action="trash"]')!);
  await flush();
  expect(region.textContent).toBe('GitLab was moved to the Trash.');
  expect(regions()).toEqual([region]);
  expect(document.activeElement).toBe(search());
});
