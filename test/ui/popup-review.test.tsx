// @vitest-environment happy-dom
/**
 * The popup's list from a keyboard and screen-reader review (2026-12-05): keys that an input
 * method is composing with belong to it, not to the list; the row menu offers only what it can do;
 * a failure that comes again is said again; a page that moved on gets the code copied; a search
 * with no match, an Undo and a second site prompt are said.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { accountView } from './account-views';
import { flush, freshPopupPage, listOf, showList } from './code-list-fixture';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

let writeText: ReturnType<typeof freshPopupPage>;
afterEach(cleanup);
beforeEach(() => {
  writeText = freshPopupPage({ filled: true, code: null });
});

const search = () => screen.getByTestId('search');
const sent = () => sendMessage.mock.calls.map((call) => (call[0] as { type: string }).type);

it('leaves Enter, the arrows and Escape to an input method that is composing a search', async () => {
  const gitlab = accountView({ id: 'b1', issuer: 'GitLab', sites: [] });
  showList(listOf([accountView(), gitlab], { a1: 'exact' }), 'https://github.com/login');
  fireEvent.input(search(), { target: { value: 'git' } });
  // Enter commits the composed text; the arrows choose among its candidates; Escape cancels it.
  for (const key of ['ArrowDown', 'Enter', 'Escape']) {
    const press = new KeyboardEvent('keydown', {
      key,
      isComposing: true,
      bubbles: true,
      cancelable: true,
    });
    search().dispatchEvent(press);
    expect(press.defaultPrevented).toBe(false);
  }
  await flush();
  expect(sent()).not.toContain('fillCode');
  expect(writeText).not.toHaveBeenCalled();
  expect((search() as HTMLInputElement).value).toBe('git');
});

it('offers no Fill in the row menu over a page Otter cannot fill (a browser page, a file)', async () => {
  showList(listOf([accountView()], {}), null);
  fireEvent.keyDown(search(), { key: 'F10', shiftKey: true });
  await flush();
  const actions = [...document.querySelectorAll('[role=menuitem]')].map((b) =>
    b.getAttribute('data-action'),
  );
  expect(actions).toEqual(['copy', 'edit', 'pin', 'trash']);
});

it('says a failed copy again when a second try fails too (a new alert, not the same one left)', async () => {
  writeText.mockImplementation(() => Promise.reject(new Error('not focused')));
  showList(listOf([accountView()], { a1: 'exact' }), 'https://github.com/login');
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  const first = screen.getByTestId('error');
  expect(first.getAttribute('data-code')).toBe('copy_failed');
  fireEvent.keyDown(search(), { key: 'c', ctrlKey: true });
  await flush();
  expect(writeText).toHaveBeenCalledTimes(2);
  const second = screen.getByTestId('error');
  expect(second.getAttribute('data-code')).toBe('copy_failed');
  expect(second).not.toBe(first);
});

it('says a failed fill again when Enter fails a second time', async () => {
  sendMessage.mockImplementation(() =>
    Promise.resolve({ ok: false, error: { code: 'worker_unavailable' } }),
  );
  showList(listOf([accountView()], { a1: 'exact' }), 'https://github.com/login');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  const first = screen.getByTestId('error');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(screen.getByTestId('error').getAttribute('data-code')).toBe('worker_unavailable');
  expect(screen.getByTestId('error')).not.toBe(first);
});

it('copies the code when the worker finds the page no longer the account’s (it moved on)', async () => {
  sendMessage.mockImplementation((message) =>
    Promise.resolve(
      (message as { type: string }).type === 'fillCode'
        ? { ok: false, error: { code: 'fill_site_mismatch' } }
        : { ok: true, value: {} },
    ),
  );
  showList(listOf([accountView()], { a1: 'exact' }), 'https://github.com/login');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  expect(writeText).toHaveBeenCalledWith('123456');
  expect(screen.getByTestId('error').textContent).toBe(
    'This account does not belong to this page (the page may have changed), so Otter copied its code instead of filling it in.',
  );
  expect(screen.queryByTestId('learn-site')).toBeNull();
});

it('says once that nothing matches a search (no option is left for the search box to point at)', async () => {
  showList(listOf([accountView()], {}), null);
  const region = document.querySelector('[role=status]')!;
  fireEvent.input(search(), { target: { value: 'zz' } });
  await flush();
  expect(region.textContent).toBe('No account matches.');
  const said = region.firstChild;
  fireEvent.input(search(), { target: { value: 'zzz' } });
  await flush();
  expect(region.firstChild).toBe(said);
  fireEvent.input(search(), { target: { value: 'git' } });
  await flush();
  expect(region.firstChild).toBe(said);
});

it('says that Undo brought the account back', async () => {
  const gitlab = accountView({ id: 'b1', issuer: 'GitLab', account: '', sites: [] });
  showList(listOf([gitlab, accountView()], {}), null);
  const region = document.querySelector('[role=status]')!;
  fireEvent.keyDown(search(), { key: 'F10', shiftKey: true });
  await flush();
  fireEvent.click(document.querySelector('[data-action="trash"]')!);
  await flush();
  expect(region.textContent).toBe('GitLab was moved to the Trash.');
  fireEvent.click(screen.getByTestId('undo'));
  await flush();
  expect(region.textContent).toBe('Undone: back in your accounts.');
  expect(document.activeElement).toBe(search());
});

it('says the site prompt again when it comes for another account', async () => {
  const gitlab = accountView({ id: 'b1', issuer: 'GitLab', account: '', sites: [] });
  showList(listOf([accountView(), gitlab], {}), 'https://login.example.com/');
  const region = document.querySelector('[role=status]')!;
  const [first, second] = screen.getAllByTestId('account');
  fireEvent.click(first!);
  await flush();
  expect(region.textContent).toBe('Use GitHub on login.example.com from now on?');
  // Refused (locked meanwhile, say): the error is GitHub's, not the next prompt's.
  sendMessage.mockImplementation(() => Promise.resolve({ ok: false, error: { code: 'internal' } }));
  fireEvent.click(screen.getByTestId('learn-site-yes'));
  await flush();
  expect(screen.getByTestId('learn-site').querySelector('[data-testid=error]')).not.toBeNull();
  sendMessage.mockImplementation(() => Promise.resolve({ ok: true, value: {} }));
  fireEvent.click(second!);
  await flush();
  expect(screen.getByTestId('learn-site').textContent).toContain('Use GitLab on');
  expect(region.textContent).toBe('Use GitLab on login.example.com from now on?');
  expect(screen.getByTestId('learn-site').querySelector('[data-testid=error]')).toBeNull();
});
