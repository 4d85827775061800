// @vitest-environment happy-dom
/**
 * The chosen row is the account the user chose, not a position: the list is re-ordered when the
 * worker says which accounts belong to the page (a related account joins the page's group), and
 * keys pressed over the rows painted before the app loaded mean those rows, whatever order the
 * app's first list has. Otherwise Enter acts on an account the user never chose.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROW_HEIGHT, rowTop } from '../../popup/AccountGroups';
import { accountView } from './account-views';
import { flush, listOf, showList, type List, freshPopupPage } from './code-list-fixture';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  delete window.otterFirstPaint;
});
beforeEach(() => {
  freshPopupPage({ filled: true, code: null });
});

// At login.microsoftonline.com: Entra's site is the page's origin; the personal Microsoft account
// was scanned at mysignins.microsoft.com (related, known only once the worker has compared).
const PAGE = 'https://login.microsoftonline.com/common/oauth2';
const SITE = 'https://login.microsoftonline.com';
const entra = accountView({ id: 'e1', issuer: 'Entra', sites: [SITE] });
const github = accountView({ id: 'g1', issuer: 'GitHub', sites: ['https://github.com'] });
const microsoft = accountView({
  id: 'm1',
  issuer: 'Microsoft',
  sites: ['https://mysignins.microsoft.com'],
});
const fromCache = listOf([entra, github, microsoft]);
const compared = listOf([entra, github, microsoft], { e1: 'exact', m1: 'related' });

const show = (list: List) => showList(list, PAGE, SITE);
const sent = () => sendMessage.mock.calls.map((call) => call[0] as { type: string });
const chosen = () =>
  screen
    .getAllByTestId('account')
    .find((row) => row.getAttribute('aria-selected') === 'true')
    ?.querySelector('[data-testid=issuer]')?.textContent;
const issuers = () =>
  screen
    .getAllByTestId('account')
    .map((row) => row.querySelector('[data-testid=issuer]')?.textContent);

it('keeps the chosen account chosen when the worker’s answer re-orders the list', async () => {
  const view = show(fromCache);
  expect(issuers()).toEqual(['Entra', 'GitHub', 'Microsoft']);
  fireEvent.keyDown(screen.getByTestId('search'), { key: 'ArrowDown' });
  await flush();
  expect(chosen()).toBe('GitHub');

  view.rerender(compared);
  await flush();
  expect(issuers()).toEqual(['Entra', 'Microsoft', 'GitHub']);
  expect(chosen()).toBe('GitHub');
  // Enter on GitHub, a stranger here: copied, never filled into Microsoft's page.
  fireEvent.keyDown(screen.getByTestId('search'), { key: 'Enter' });
  await flush();
  expect(sent().map((m) => m.type)).not.toContain('fillCode');
});

it('leaves the first row chosen when the user has not moved', async () => {
  const view = show(listOf([github, microsoft]));
  expect(chosen()).toBe('GitHub');
  view.rerender(listOf([github, microsoft], { m1: 'related' }));
  await flush();
  // The page's account is now first, and chosen: the best match for the page.
  expect(chosen()).toBe('Microsoft');
});

const painted = (keys: string[], paintedIds: string[]) => {
  window.otterFirstPaint = {
    tab: Promise.resolve({ id: 7, site: SITE, url: PAGE }),
    painted: Promise.resolve(),
    keys: keys.map((key) => new KeyboardEvent('keydown', { key })),
    paintedIds,
    releaseHeight: () => undefined,
    pageMatches: Promise.resolve(undefined),
  };
};
const filled = () => sent().find((m) => m.type === 'fillCode');

it('plays keys pressed over the painted rows in the order those rows were painted', async () => {
  // Painted from the cache: only Entra was known to belong here.
  painted(['ArrowDown', 'Enter'], ['e1', 'g1', 'm1']);
  // The app's first list is already the worker's, with Microsoft second.
  show(compared);
  await flush();
  expect(chosen()).toBe('GitHub');
  expect(sent().map((m) => m.type)).not.toContain('fillCode');
  expect(window.otterFirstPaint?.keys).toEqual([]);
});

it('fills the page’s account on an early Enter, though the cache painted it lower', async () => {
  // No exact origin: painted in the user's order, GitHub first. The worker puts Microsoft first.
  painted(['Enter'], ['g1', 'm1']);
  show(listOf([github, microsoft], { m1: 'related' }));
  await flush();
  expect(filled()).toMatchObject({ payload: { id: 'm1' } });
});

it('fills the page’s best account when an Enter pressed at once waited for the comparison', async () => {
  const view = show(listOf([github, microsoft]));
  fireEvent.keyDown(screen.getByTestId('search'), { key: 'Enter' });
  await flush();
  expect(sent()).toEqual([]);
  view.rerender(listOf([github, microsoft], { m1: 'related' }));
  await flush();
  expect(filled()).toMatchObject({ payload: { id: 'm1' } });
});

it('acts on the row the user chose when a waiting Enter gets its answer', async () => {
  const view = show(listOf([github, microsoft]));
  // Down and back up: GitHub is the user's choice now, not just the first row.
  fireEvent.keyDown(screen.getByTestId('search'), { key: 'ArrowDown' });
  fireEvent.keyDown(screen.getByTestId('search'), { key: 'ArrowUp' });
  fireEvent.keyDown(screen.getByTestId('search'), { key: 'Enter' });
  await flush();
  view.rerender(listOf([github, microsoft], { m1: 'related' }));
  await flush();
  expect(chosen()).toBe('GitHub');
  expect(filled()).toBeUndefined();
  expect(sent().map((m) => m.type)).toContain('codeCopied');
});

const row = (issuer: string) =>
  screen
    .getAllByTestId('account')
    .find((r) => r.querySelector('[data-testid=issuer]')?.textContent === issuer)!;
const press = (key: string, times = 1) => {
  for (let i = 0; i < times; i++) fireEvent.keyDown(screen.getByTestId('search'), { key });
};

it('does not take the row under a pointer at rest for the user’s choice', async () => {
  // Rows appear under the pointer (browsers then send mouseenter): the screen looks the same
  // as without it, so Enter must still mean the page's best account once compared.
  const view = show(listOf([github, microsoft]));
  fireEvent.mouseEnter(row('GitHub'));
  press('Enter');
  await flush();
  view.rerender(listOf([github, microsoft], { m1: 'related' }));
  await flush();
  expect(chosen()).toBe('Microsoft');
  expect(filled()).toMatchObject({ payload: { id: 'm1' } });
  expect(sent().map((m) => m.type)).not.toContain('codeCopied');
});

it('takes the row the pointer moves over for the user’s choice', async () => {
  const view = show(listOf([github, microsoft]));
  fireEvent.mouseMove(row('Microsoft'));
  fireEvent.mouseMove(row('GitHub'));
  view.rerender(listOf([github, microsoft], { m1: 'related' }));
  await flush();
  expect(chosen()).toBe('GitHub');
});

it('is no choice to press Up on the first row: Enter still means the page’s best account', async () => {
  const view = show(listOf([github, microsoft]));
  press('ArrowUp');
  press('Home');
  press('Enter');
  await flush();
  view.rerender(listOf([github, microsoft], { m1: 'related' }));
  await flush();
  expect(filled()).toMatchObject({ payload: { id: 'm1' } });
});

it('chooses the account highlighted in place of a chosen one that left the list', async () => {
  const other = accountView({ id: 'o1', issuer: 'Other', sites: ['https://other.example'] });
  const dropbox = accountView({ id: 'd1', issuer: 'Dropbox', sites: ['https://dropbox.com'] });
  const view = show(listOf([github, dropbox, other, microsoft]));
  press('ArrowDown');
  await flush();
  view.rerender(listOf([github, other, microsoft]));
  await flush();
  expect(chosen()).toBe('Other');
  view.rerender(listOf([github, other, microsoft], { m1: 'related' }));
  await flush();
  expect(chosen()).toBe('Other');
});

describe('a list taller than the popup', () => {
  const HEIGHT = 440;
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.classList.contains('scroller') ? HEIGHT : 0;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  const others = Array.from({ length: 20 }, (_, i) =>
    accountView({ id: `o${i}`, issuer: `Other ${i}`, sites: [`https://o${i}.example`] }),
  );
  const scroller = () => document.querySelector('.scroller') as HTMLElement;

  it('keeps the chosen row in view when the worker’s answer re-orders the list', async () => {
    const all = [...others.slice(0, 12), microsoft];
    const view = show(listOf(all));
    press('ArrowDown', 7);
    await flush();
    view.rerender(listOf(all, { m1: 'related' }));
    await flush();
    expect(chosen()).toBe('Other 7');
    const top = rowTop(Number(row('Other 7').dataset['index']), 1, 'login.microsoftonline.com');
    expect(top).toBeGreaterThanOrEqual(scroller().scrollTop);
    expect(top + ROW_HEIGHT).toBeLessThanOrEqual(scroller().scrollTop + HEIGHT);
  });

  it('scrolls to the chosen account when pinning it moves it to the top', async () => {
    const view = show(listOf(others, {}));
    press('ArrowDown', 12);
    await flush();
    expect(scroller().scrollTop).toBeGreaterThan(0);
    const pinned = { ...others[12]!, pinned: true };
    view.rerender(listOf([pinned, ...others.filter((a) => a.id !== 'o12')], {}));
    await flush();
    expect(chosen()).toBe('Other 12');
    expect(scroller().scrollTop).toBe(0);
  });
});
