// @vitest-environment happy-dom
/**
 * The popup's list on a page (found by a review, 2026-12-01): the page's group keeps the page's
 * accounts while searching; an https account is never taught its http twin; Enter waits for the
 * worker's comparison instead of treating a related account as a stranger; Space presses the
 * focused button; the focus comes back after Undo and the site prompt; "click copies" is learnt
 * by a click, not by Enter; screen readers hear the whole list's size.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { CodeList } from '../../popup/CodeList';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { accountView } from './account-views';
import { flush, listOf, showList, freshPopupPage } from './code-list-fixture';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

let writeText: ReturnType<typeof freshPopupPage>;

afterEach(cleanup);
beforeEach(() => {
  writeText = freshPopupPage();
});

const base = accountView();

const show = showList;

/** A click copies the first row's code; then one of the site prompt's buttons, focused. */
async function copyThenAnswerPrompt(button: 'learn-site-yes' | 'learn-site-no') {
  fireEvent.click(screen.getAllByTestId('account')[0]!);
  await flush();
  screen.getByTestId(button).focus();
  fireEvent.click(screen.getByTestId(button));
  await flush();
}

/** The row menu's "Move to Trash" on the first row, then Undo (with the focus on it). */
async function trashThenUndo() {
  fireEvent.contextMenu(screen.getAllByTestId('account')[0]!);
  await flush();
  fireEvent.click(document.querySelector('[data-action="trash"]')!);
  await flush();
  const undo = screen.getByTestId('undo');
  undo.focus();
  fireEvent.click(undo);
  await flush();
}
const sent = () => sendMessage.mock.calls.map((call) => (call[0] as { type: string }).type);
const fillRequest = () =>
  sendMessage.mock.calls
    .map((call) => call[0])
    .find((e) => (e as { type: string }).type === 'fillCode');
const filledReply = () =>
  sendMessage.mockImplementation(() =>
    Promise.resolve({ ok: true, value: { filled: true, code: null } }),
  );
const search = () => screen.getByTestId('search');
const issuers = (testId: string) =>
  [...screen.getByTestId(testId).querySelectorAll('[data-testid=issuer]')].map(
    (el) => el.textContent,
  );

it('keeps the page’s accounts in its group while a search orders the list', async () => {
  const vpn = { ...base, id: 'v1', issuer: 'Acme VPN', sites: ['https://acme.com'] };
  const other = { ...base, id: 'o1', issuer: 'Acme', sites: [] };
  filledReply();
  show(listOf([vpn, other], { v1: 'exact' }), 'https://acme.com/login', 'https://acme.com');
  fireEvent.input(search(), { target: { value: 'acme' } });
  await flush();
  expect(issuers('group-page')).toEqual(['Acme VPN']);
  expect(issuers('group-rest')).toEqual(['Acme']);
  // Enter takes the page's account, the first row.
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(fillRequest()).toMatchObject({ payload: { id: 'v1' } });
});

it('never offers to teach an https account the http page of its own host', async () => {
  show(listOf([base], {}), 'http://github.com/login');
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  expect(screen.queryByTestId('learn-site')).toBeNull();
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(sent()).not.toContain('fillCode');
  expect(screen.queryByTestId('learn-site')).toBeNull();
  expect(screen.getByTestId('info').dataset['code']).toBe('site_not_secure');
});

it('holds Enter until the worker has compared the accounts with the page', async () => {
  const ms = { ...base, id: 'm1', issuer: 'Microsoft', sites: ['https://mysignins.microsoft.com'] };
  const page = 'https://login.microsoftonline.com/common/oauth2';
  filledReply();
  const view = show(listOf([ms]), page, 'https://login.microsoftonline.com');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  // Painted from the cache, the related account looks like a stranger: nothing yet.
  expect(sent()).toEqual([]);
  expect(screen.queryByTestId('learn-site')).toBeNull();
  view.rerender(listOf([ms], { m1: 'related' }));
  await flush();
  expect(fillRequest()).toMatchObject({ payload: { id: 'm1' } });
  expect(sent()).not.toContain('codeCopied');
  expect(screen.queryByTestId('learn-site')).toBeNull();
});

it('does not take an http twin in the list for the page’s own before the worker compared', async () => {
  // Typed or imported beside its https site, the twin matches nothing (src/sites/match.ts):
  // painted from the cache, the popup must not count it as exact and send a fill.
  const bank = { ...base, id: 'b1', sites: ['https://bank.example', 'http://bank.example'] };
  const view = show(listOf([bank]), 'http://bank.example/login', 'http://bank.example');
  expect(screen.queryByTestId('group-page')).toBeNull();
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(sent()).toEqual([]);
  view.rerender({ ...listOf([bank], {}), insecureTwins: ['b1'] });
  await flush();
  expect(sent()).not.toContain('fillCode');
  expect(screen.getByTestId('info').dataset['code']).toBe('site_not_secure');
});

it('lets Space press the focused button instead of typing into the search', async () => {
  show(listOf([base], {}), 'https://example.com/login');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  const yes = screen.getByTestId('learn-site-yes');
  yes.focus();
  fireEvent.keyDown(yes, { key: ' ' });
  expect(document.activeElement).toBe(yes);
  // Any other character still goes to the search.
  fireEvent.keyDown(yes, { key: 'g' });
  expect(document.activeElement).toBe(search());
});

it('brings the focus back to the search after Undo and after the site prompt', async () => {
  show(listOf([base], {}), 'https://example.com/login');
  await trashThenUndo();
  expect(document.activeElement).toBe(search());

  await copyThenAnswerPrompt('learn-site-no');
  expect(document.activeElement).toBe(search());

  sendMessage.mockImplementation(() => Promise.resolve({ ok: true, value: { account: base } }));
  await copyThenAnswerPrompt('learn-site-yes');
  expect(document.activeElement).toBe(search());
  expect(screen.getByTestId('learnt').textContent).toBe('GitHub is now used on example.com.');
});

it('keeps the "click copies" hint until a click has copied, whatever Enter did', async () => {
  show(listOf([base], {}), 'https://example.com/login');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  // Enter copied (a stranger's page), but the user has not clicked yet.
  expect(screen.queryByTestId('key-hint')).not.toBeNull();
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  expect(screen.queryByTestId('key-hint')).toBeNull();
});

it('tells screen readers each row’s place in the whole list, not among the rendered rows', () => {
  const many = Array.from({ length: 150 }, (_, i) => ({ ...base, id: `a${i}`, issuer: `S${i}` }));
  show(listOf(many, {}), null);
  const rows = screen.getAllByTestId('account');
  expect(rows.length).toBeLessThan(150);
  expect(rows[2]!.getAttribute('aria-posinset')).toBe('3');
  expect(rows[2]!.getAttribute('aria-setsize')).toBe('150');
});

const gitlab = accountView({
  id: 'b1',
  issuer: 'GitLab',
  sites: ['https://gitlab.com'],
  code: '222222',
});
const rowOf = (issuer: string) =>
  screen.getAllByTestId('account').find((row) => row.textContent?.includes(issuer))!;
const fills = () =>
  sendMessage.mock.calls.filter((call) => (call[0] as { type: string }).type === 'fillCode');

it('drops a waiting Enter when the user copies another account or searches', async () => {
  filledReply();
  const page = 'https://login.example.com/';
  const view = show(listOf([base, gitlab]), page, 'https://login.example.com');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  fireEvent.click(rowOf('GitLab'));
  await flush();
  view.rerender(listOf([base, gitlab], { a1: 'related' }));
  await flush();
  expect(fills()).toEqual([]);
  expect(writeText).toHaveBeenLastCalledWith('222222');
  cleanup();

  const again = show(listOf([base, gitlab]), page, 'https://login.example.com');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  fireEvent.input(search(), { target: { value: 'gitlab' } });
  await flush();
  again.rerender(listOf([base, gitlab], { a1: 'related' }));
  await flush();
  expect(fills()).toEqual([]);
});

it('drops a waiting Enter when the user opens the row’s menu', async () => {
  filledReply();
  const page = 'https://login.example.com/';
  const view = show(listOf([base]), page, 'https://login.example.com');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  fireEvent.keyDown(search(), { key: 'F10', shiftKey: true });
  await flush();
  view.rerender(listOf([base], { a1: 'related' }));
  await flush();
  expect(fills()).toEqual([]);
});

it('copies after a second when the worker does not answer', async () => {
  show(listOf([base]), 'https://login.example.com/', 'https://login.example.com');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(writeText).not.toHaveBeenCalled();
  await act(() => new Promise((done) => setTimeout(done, 1100)));
  expect(writeText).toHaveBeenLastCalledWith('123456');
  expect(fills()).toEqual([]);
  expect(screen.getByTestId('feedback').textContent).toBe('Copied, not filled in');
});

it('offers no http twin, under or above the https host, nor after the menu’s Fill', async () => {
  for (const page of ['http://www.github.com/login', 'http://github.com/login']) {
    show(listOf([base], {}), page);
    fireEvent.keyDown(search(), { key: 'Enter' });
    await flush();
    expect(screen.queryByTestId('learn-site')).toBeNull();
    cleanup();
  }
  filledReply();
  show(listOf([base], {}), 'http://github.com/login');
  fireEvent.contextMenu(screen.getByTestId('account'));
  await flush();
  fireEvent.click(document.querySelector('[data-action="fill"]')!);
  await flush();
  // The user chose Fill by name (the worker fills on their word), but the page is not learnt.
  expect(fills()).toHaveLength(1);
  expect(screen.queryByTestId('learn-site')).toBeNull();
});

it('offers no http twin the worker would refuse, whatever its list says', async () => {
  // The worker's match drops the port and never matches a one-label host; its refusal also
  // compares hosts, as the popup does.
  for (const [sites, page] of [
    [['https://example.com:8443'], 'http://example.com/login'],
    [['https://intranet'], 'http://wiki.intranet/'],
  ] as const) {
    show({ ...listOf([accountView({ sites: [...sites] })], {}), insecureTwins: [] }, page);
    fireEvent.keyDown(search(), { key: 'Enter' });
    await flush();
    expect(screen.queryByTestId('learn-site')).toBeNull();
    cleanup();
  }
});

it('takes the worker’s word on which accounts an http page is the twin of', async () => {
  const sso = accountView({ issuer: 'Intranet', sites: ['https://sso.intranet.example'] });
  // A sibling host: only the worker, with the Public Suffix List, can tell.
  show({ ...listOf([sso], {}), insecureTwins: ['a1'] }, 'http://wiki.intranet.example/');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(screen.queryByTestId('learn-site')).toBeNull();
  expect(screen.getByTestId('info').dataset['code']).toBe('site_not_secure');
  cleanup();
  show({ ...listOf([sso], {}), insecureTwins: [] }, 'http://wiki.intranet.example/');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(screen.getByTestId('learn-site')).toBeTruthy();
});

it('keeps the focus in the popup after "Fill in anyway" and after Undo from the empty list', async () => {
  filledReply();
  show(listOf([base], {}), 'https://example.com/login');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  const anyway = screen.getByTestId('fill-anyway');
  anyway.focus();
  fireEvent.click(anyway);
  await flush();
  expect(document.activeElement).toBe(search());
  cleanup();

  sendMessage.mockImplementation(() => Promise.resolve({ ok: true, value: {} }));
  function Host() {
    const [list, setList] = useState(listOf([base], {}));
    return (
      <CodeList
        list={list}
        site=""
        pageUrl="https://example.com/"
        tabId={7}
        onRefresh={() => {
          setList(listOf(sent().at(-1) === 'trashAccounts' ? [] : [base], {}));
          return Promise.resolve();
        }}
        onAdd={() => undefined}
      />
    );
  }
  render(<Host />);
  await trashThenUndo();
  await flush();
  expect(document.activeElement).toBe(search());
});

it('keeps a click’s "Copied" on its row when a slower fill on another row answers later', async () => {
  const other = { ...base, id: 'o1', issuer: 'Other', sites: [] };
  let answerFill: (reply: unknown) => void = () => undefined;
  sendMessage.mockImplementation((message) =>
    (message as { type: string }).type === 'fillCode'
      ? new Promise((done) => (answerFill = done))
      : Promise.resolve({ ok: true, value: {} }),
  );
  show(listOf([base, other], { a1: 'exact' }), 'https://github.com/login', 'https://github.com');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  fireEvent.click(screen.getAllByTestId('account')[1]!);
  await flush();
  answerFill({ ok: true, value: { filled: true, code: null } });
  await flush();
  const said = screen
    .getAllByTestId('account')
    .map((row) => row.querySelector('[data-testid=feedback]')?.textContent ?? null);
  expect(said).toEqual(['Filled', 'Copied']);
});
