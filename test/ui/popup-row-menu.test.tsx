// @vitest-environment happy-dom
/**
 * The popup's row menu (a review, 2026-12): Pin and Unpin are said to screen readers in the
 * popup's live region, as "Copied" is; a press anywhere else in the popup closes the menu, with
 * the focus back on the search box (then where the press puts it).
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { accountView } from './account-views';
import { flush, freshPopupPage, listOf, showList } from './code-list-fixture';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(cleanup);
beforeEach(() => {
  freshPopupPage();
});

const search = () => screen.getByTestId('search');
const menu = () => screen.queryByTestId('row-menu');
const region = () => document.querySelector('[role=status]')!;

async function openMenu() {
  fireEvent.contextMenu(screen.getAllByTestId('account')[0]!);
  await flush();
  expect(menu()).not.toBeNull();
}

it.each([
  [false, 'Pinned'],
  [true, 'Unpinned'],
])('says what the menu’s Pin did (pinned before: %s)', async (pinned, said) => {
  showList(listOf([accountView({ pinned })], {}), null);
  await openMenu();
  fireEvent.click(document.querySelector('[data-action="pin"]')!);
  await flush();
  const sent = sendMessage.mock.calls.map((call) => call[0] as { type: string; payload: unknown });
  expect(sent.find((m) => m.type === 'updateAccount')?.payload).toEqual({
    id: 'a1',
    edit: { pinned: !pinned },
  });
  expect(region().textContent).toBe(said);
});

it('says nothing when the worker refused the pin (its error is shown)', async () => {
  sendMessage.mockImplementation(() =>
    Promise.resolve({ ok: false, error: { code: 'worker_unavailable' } }),
  );
  showList(listOf([accountView()], {}), null);
  await openMenu();
  fireEvent.click(document.querySelector('[data-action="pin"]')!);
  await flush();
  expect(region().textContent).toBe('');
  expect(screen.getByTestId('error').getAttribute('data-code')).toBe('worker_unavailable');
});

it('closes on a press elsewhere in the popup, with the focus on the search box', async () => {
  const other = accountView({ id: 'b1', issuer: 'GitLab' });
  showList(listOf([accountView(), other], {}), null);
  await openMenu();
  fireEvent.pointerDown(screen.getByTestId('key-hint'));
  await flush();
  expect(menu()).toBeNull();
  expect(document.activeElement).toBe(search());

  // A press on another row closes it too (its click then copies that row's code).
  await openMenu();
  fireEvent.pointerDown(screen.getAllByTestId('account')[1]!);
  await flush();
  expect(menu()).toBeNull();

  // Outside the list altogether (the popup's header).
  await openMenu();
  fireEvent.pointerDown(document.body);
  await flush();
  expect(menu()).toBeNull();
});

it('stays open on a press inside it, and its button still toggles it', async () => {
  showList(listOf([accountView()], {}), null);
  await openMenu();
  const item = document.querySelector('[data-action="edit"]')!;
  fireEvent.pointerDown(item);
  await flush();
  expect(menu()).not.toBeNull();
  const button = screen.getByTestId('row-menu-button');
  fireEvent.pointerDown(button);
  fireEvent.click(button);
  await flush();
  expect(menu()).toBeNull();
  fireEvent.pointerDown(button);
  fireEvent.click(button);
  await flush();
  expect(menu()).not.toBeNull();
});
