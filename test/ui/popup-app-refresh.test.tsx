// @vitest-environment happy-dom
/**
 * The popup's app around its list (a review, 2026-12): the refresh at each code change that fails
 * otherwise than by locking (the worker not answering, an internal error) keeps the list on screen,
 * whose codes stay good until their period ends, with a small notice, and is tried again a second
 * later; a locked vault still takes the list away.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Reply } from '../../src/messages/protocol';
import { App } from '../../popup/App';
import { accountView } from './account-views';
import { freshPopupPage, listOf } from './code-list-fixture';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

beforeEach(() => {
  freshPopupPage();
  // On a whole second: the countdown's ticks (5 ms past each) come at known times.
  vi.useFakeTimers({ now: 1_800_000_000_000 });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const tab = { id: 7, site: '', url: null };
const failure = (code: string) => ({ ok: false, error: { code } });
/** A list whose codes change in a second: its period refresh is due then. */
const endingSoon = () =>
  listOf([accountView({ validFrom: Date.now() - 29_000, validUntil: Date.now() + 1_000 })]);

/** The worker answers `listAccounts` with what `list` gives at the time; anything else ok({}). */
function worker(list: () => unknown) {
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    return Promise.resolve(type === 'listAccounts' ? list() : { ok: true, value: {} });
  });
}
const listRequests = () =>
  sendMessage.mock.calls.filter((call) => (call[0] as { type: string }).type === 'listAccounts')
    .length;
const wait = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const STALE = 'The codes could not be updated. Trying again…';
const staleNotice = () => screen.queryByText(STALE);

async function openPopup(first: unknown) {
  render(
    <App
      firstList={Promise.resolve(first as Reply<'listAccounts'>)}
      cached={Promise.resolve(null)}
      tab={Promise.resolve(tab)}
    />,
  );
  await wait(0);
}

it.each(['worker_unavailable', 'internal'])(
  'keeps the list when the refresh at the code change fails (%s), and asks again a second later',
  async (code) => {
    let answer: unknown = failure(code);
    worker(() => answer);
    await openPopup({ ok: true, value: endingSoon() });
    expect(screen.getByTestId('code').textContent).toBe('123 456');

    await wait(1_300);
    expect(listRequests()).toBe(1);
    // The list stays, with the next code now current (good for its whole period), and no error.
    expect(screen.getAllByTestId('account')).toHaveLength(1);
    expect(screen.getByTestId('code').textContent).toBe('654 321');
    expect(screen.queryByTestId('error')).toBeNull();
    expect(staleNotice()).not.toBeNull();

    // Failing again, it is still asked again; once the worker answers, the notice goes.
    await wait(1_000);
    expect(listRequests()).toBe(2);
    expect(staleNotice()).not.toBeNull();
    answer = { ok: true, value: listOf([accountView({ code: '111222', next: '333444' })]) };
    await wait(1_000);
    expect(listRequests()).toBe(3);
    expect(staleNotice()).toBeNull();
    expect(screen.getByTestId('code').textContent).toBe('111 222');
    // Answered: no more requests until the next code change.
    await wait(5_000);
    expect(listRequests()).toBe(3);
  },
);

it('asks again only while the list is on screen (not once the user went on to Add account)', async () => {
  worker(() => failure('worker_unavailable'));
  await openPopup({ ok: true, value: endingSoon() });
  await wait(1_300);
  expect(listRequests()).toBe(1);
  fireEvent.click(screen.getByTestId('add-account'));
  await wait(3_000);
  expect(listRequests()).toBe(1);
  expect(screen.queryByTestId('account')).toBeNull();
});

it('still leaves the list for the unlock form when the refresh finds the vault locked', async () => {
  worker(() => failure('vault_locked'));
  await openPopup({ ok: true, value: endingSoon() });
  await wait(1_300);
  expect(screen.queryByTestId('account')).toBeNull();
  expect(staleNotice()).toBeNull();
  expect(screen.getByTestId('unlock')).toBeTruthy();
});

it('shows the error when there is no list to keep (the first answer failed)', async () => {
  worker(() => failure('internal'));
  await openPopup(failure('internal'));
  expect(screen.getByTestId('error').getAttribute('data-code')).toBe('internal');
  await wait(3_000);
  expect(listRequests()).toBe(0);
});
