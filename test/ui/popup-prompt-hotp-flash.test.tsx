// @vitest-environment happy-dom
/**
 * Four of the popup's smaller promises (found by a review, 2026-12-03): Escape closes the "use
 * on this site?" prompt, not the popup; a HOTP code kept from a copy is dropped once a fill has
 * used the next one, so it is never copied again; a second "Copied" on a row lasts as long as the
 * first; an Undo refused from the empty list says why and can be tried again.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { CodeList } from '../../popup/CodeList';
import { useFeedback } from '../../popup/use-feedback';
import { accountView } from './account-views';
import { flush, listOf, showList, freshPopupPage } from './code-list-fixture';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

let writeText: ReturnType<typeof freshPopupPage>;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
beforeEach(() => {
  writeText = freshPopupPage();
});

const search = () => screen.getByTestId('search');

it('closes the site prompt on Escape, and leaves the popup open', async () => {
  const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
  // GitHub on another site's page, the worker's word in: a click copies and asks.
  showList(listOf([accountView()], {}), 'https://login.example.com/');
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  expect(screen.getByTestId('learn-site')).toBeTruthy();
  fireEvent.keyDown(search(), { key: 'Escape' });
  await flush();
  expect(screen.queryByTestId('learn-site')).toBeNull();
  expect(close).not.toHaveBeenCalled();
  // Nothing else open: the next Escape closes the popup, as before.
  fireEvent.keyDown(search(), { key: 'Escape' });
  expect(close).toHaveBeenCalledTimes(1);
});

it('never copies again a HOTP code that a fill has since moved past', async () => {
  let next = 0;
  const codes = ['111111', '333333'];
  sendMessage.mockImplementation((message) => {
    const type = (message as { type: string }).type;
    if (type === 'hotpNext') return Promise.resolve({ ok: true, value: { code: codes[next++] } });
    if (type === 'fillCode') return Promise.resolve({ ok: true, value: { filled: true } });
    return Promise.resolve({ ok: true, value: {} });
  });
  const hotp = accountView({ type: 'hotp', code: null, validFrom: null, validUntil: null });
  showList(listOf([hotp], { a1: 'exact' }), 'https://github.com/login', 'https://github.com');
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  expect(writeText).toHaveBeenLastCalledWith('111111');
  // Enter fills the page with the counter's next code (222222, in the worker).
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  expect(writeText).toHaveBeenLastCalledWith('333333');
});

it('keeps a second "Copied" on its row for its whole moment', async () => {
  vi.useFakeTimers();
  let feedback!: ReturnType<typeof useFeedback>;
  function Row() {
    feedback = useFeedback();
    return <p data-testid="said">{feedback.shown['a1'] ?? ''}</p>;
  }
  render(<Row />);
  const said = () => screen.getByTestId('said').textContent;
  await act(() => feedback.flash('a1', 'Copied'));
  await act(() => void vi.advanceTimersByTime(1_000));
  await act(() => feedback.flash('a1', 'Copied'));
  await act(() => void vi.advanceTimersByTime(600));
  expect(said()).toBe('Copied');
  await act(() => void vi.advanceTimersByTime(1_000));
  expect(said()).toBe('');
});

it('says why an Undo from the empty list was refused, and keeps Undo to try again', async () => {
  let refuse = true;
  sendMessage.mockImplementation((message) => {
    const type = (message as { type: string }).type;
    if (type === 'untrashAccounts' && refuse)
      return Promise.resolve({ ok: false, error: { code: 'vault_locked' } });
    return Promise.resolve({ ok: true, value: {} });
  });
  let trashed = false;
  function Host() {
    const [list, setList] = useState(listOf([accountView()], {}));
    const onRefresh = () => {
      setList(listOf(trashed ? [] : [accountView()], {}));
      return Promise.resolve();
    };
    const props = { site: '', pageUrl: 'https://example.com/', tabId: 7, onAdd: () => {} };
    return <CodeList list={list} onRefresh={onRefresh} {...props} />;
  }
  render(<Host />);
  trashed = true;
  fireEvent.contextMenu(screen.getByTestId('account'));
  await flush();
  fireEvent.click(document.querySelector('[data-action="trash"]')!);
  await flush();
  fireEvent.click(screen.getByTestId('undo'));
  await flush();
  expect(screen.getByTestId('error').dataset['code']).toBe('vault_locked');
  // Unlocked elsewhere: the same Undo now brings the account back.
  refuse = false;
  trashed = false;
  fireEvent.click(screen.getByTestId('undo'));
  await flush();
  expect(screen.getAllByTestId('account')).toHaveLength(1);
});

it('keeps a HOTP code copied while a fill was on its way', async () => {
  let answerFill: (reply: unknown) => void = () => undefined;
  let hotpAsked = 0;
  sendMessage.mockImplementation((message) => {
    const type = (message as { type: string }).type;
    if (type === 'fillCode') return new Promise((done) => (answerFill = done));
    if (type === 'hotpNext') {
      hotpAsked++;
      return Promise.resolve({ ok: true, value: { code: '111111' } });
    }
    return Promise.resolve({ ok: true, value: {} });
  });
  const hotp = accountView({ type: 'hotp', code: null, validFrom: null, validUntil: null });
  showList(listOf([hotp], { a1: 'exact' }), 'https://github.com/login', 'https://github.com');
  fireEvent.keyDown(search(), { key: 'Enter' });
  await flush();
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  answerFill({ ok: true, value: { filled: true } });
  await flush();
  // The copied code is newer than the fill's: still shown, and copied again without a new one.
  fireEvent.click(screen.getByTestId('account'));
  await flush();
  expect(writeText).toHaveBeenLastCalledWith('111111');
  expect(hotpAsked).toBe(1);
});
