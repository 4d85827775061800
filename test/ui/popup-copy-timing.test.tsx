// @vitest-environment happy-dom
/**
 * A copy near the end of the code's period (found by a review, 2026-12-03). In its last second
 * the current code is gone before anyone can paste it, and the row shows the next code a moment
 * later beside "Copied": the next code (shown as "next" in those seconds) is the one copied. With
 * more time left, the current code is.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { accountView } from './account-views';
import { flush, listOf, showList, freshPopupPage } from './code-list-fixture';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

let writeText: ReturnType<typeof freshPopupPage>;

afterEach(cleanup);
beforeEach(() => {
  writeText = freshPopupPage();
});

/** A click on the only row, `msLeft` before its current code (123456) ends. */
async function copyWith(msLeft: number): Promise<unknown> {
  const now = Date.now();
  const account = accountView({ validFrom: now + msLeft - 30_000, validUntil: now + msLeft });
  showList(listOf([account], {}), null);
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  cleanup();
  return writeText.mock.lastCall?.[0];
}

it('copies the next code in the current one’s last second', async () => {
  expect(await copyWith(400)).toBe('654321');
  expect(await copyWith(900)).toBe('654321');
});

it('copies the current code while it has more than a second left', async () => {
  expect(await copyWith(3_000)).toBe('123456');
  expect(await copyWith(20_000)).toBe('123456');
});

it('copies by Ctrl+C the same code as by a click', async () => {
  const now = Date.now();
  showList(listOf([accountView({ validFrom: now - 29_500, validUntil: now + 500 })], {}), null);
  fireEvent.keyDown(screen.getByTestId('search'), { key: 'c', ctrlKey: true });
  await flush();
  expect(writeText).toHaveBeenLastCalledWith('654321');
});
