// @vitest-environment happy-dom
/**
 * The popup's list for screen-reader and keyboard users (found by a review, 2026-12-03): what an
 * action did is said in a live region that is on the page before its words change (one that
 * appears with its words is often not read); the focus is never left on the page's body when the
 * list empties; the search box says it controls no list when nothing matches.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CodeList } from '../../popup/CodeList';
import { accountView } from './account-views';
import { flush, listOf, showList, freshPopupPage } from './code-list-fixture';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(cleanup);
beforeEach(() => {
  freshPopupPage({ filled: true, code: null });
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

/** A list whose refresh after a trash leaves it empty, as the worker's answer would. */
function EmptiedByTrash() {
  const [accounts, setAccounts] = useState([github]);
  return (
    <CodeList
      list={listOf(accounts, {})}
      site=""
      pageUrl="https://example.com/"
      tabId={7}
      onRefresh={() => {
        const last = sendMessage.mock.calls.at(-1)?.[0] as { type: string } | undefined;
        setAccounts(last?.type === 'trashAccounts' ? [] : [github]);
        return Promise.resolve();
      }}
      onAdd={() => undefined}
    />
  );
}

it('puts the focus on Undo, which says what happened, when the last row goes to the Trash', async () => {
  sendMessage.mockImplementation(() => Promise.resolve({ ok: true, value: {} }));
  render(<EmptiedByTrash />);
  fireEvent.keyDown(search(), { key: 'F10', shiftKey: true });
  await flush();
  fireEvent.click(document.querySelector('[data-action="trash"]')!);
  await flush();
  expect(screen.getByTestId('empty')).toBeTruthy();
  // The search box that had the focus is gone: the focus goes to the way back, not to <body>.
  const undo = screen.getByTestId('undo');
  expect(document.activeElement).toBe(undo);
  const described = document.getElementById(undo.getAttribute('aria-describedby') ?? '');
  expect(described?.textContent).toBe('GitHub (kim) was moved to the Trash.');
});

it('focuses "Add account" when the popup opens on an empty list', () => {
  showList(listOf([]), null);
  expect(document.activeElement).toBe(screen.getByTestId('add-account'));
});

it('says the search controls no open list when nothing matches', async () => {
  showList(listOf([github], {}), null);
  expect(search().getAttribute('aria-expanded')).toBe('true');
  fireEvent.input(search(), { target: { value: 'zzzz' } });
  await flush();
  expect(screen.getByTestId('no-match')).toBeTruthy();
  expect(search().getAttribute('aria-expanded')).toBe('false');
  expect(search().hasAttribute('aria-activedescendant')).toBe(false);
});

it('points screen readers only at a chosen row that is on the page', async () => {
  const many = Array.from({ length: 60 }, (_, i) =>
    accountView({ id: `s${i}`, issuer: `Service ${i}`, sites: [] }),
  );
  showList(listOf(many, {}), null);
  fireEvent.keyDown(search(), { key: 'ArrowDown' });
  await flush();
  expect(search().getAttribute('aria-activedescendant')).toBe('account-s1');
  // Scrolled by the wheel far below it: the chosen row is no longer rendered.
  const scroller = document.querySelector<HTMLElement>('.scroller')!;
  Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 3000 });
  fireEvent.scroll(scroller);
  await flush();
  expect(document.getElementById('account-s1')).toBeNull();
  expect(search().hasAttribute('aria-activedescendant')).toBe(false);
});

it('says the site prompt, what a fill found and what was learnt, through the same live region', async () => {
  // No code field on the page: the code is copied, and the popup says why.
  sendMessage.mockImplementation((message) =>
    Promise.resolve(
      (message as { type: string }).type === 'fillCode'
        ? {
            ok: true,
            value: { filled: false, reason: 'no_field', accountId: 'a1', code: '123456' },
          }
        : { ok: true, value: {} },
    ),
  );
  showList(listOf([github], { a1: 'exact' }), 'https://github.com/login', 'https://github.com');
  const region = regions()[0]!;
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(screen.getByTestId('info').hasAttribute('role')).toBe(false);
  expect(region.textContent).toBe(screen.getByTestId('info').textContent);
  cleanup();

  // Another site's page: copied instead, and the prompt's question is said as it appears.
  showList(listOf([github], {}), 'https://login.example.com/');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  const prompt = screen.getByTestId('learn-site');
  expect(regions()[0]!.textContent).toContain('Use GitHub on login.example.com from now on?');
  expect(regions()[0]!.textContent).toContain(screen.getByTestId('not-this-site').textContent);
  fireEvent.click(prompt.querySelector('[data-testid="learn-site-yes"]')!);
  await flush();
  expect(screen.getByTestId('learnt').hasAttribute('role')).toBe(false);
  expect(regions()[0]!.textContent).toBe(screen.getByTestId('learnt').textContent);
});
