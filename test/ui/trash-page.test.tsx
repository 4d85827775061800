// @vitest-environment happy-dom
/**
 * The Trash with many entries: the same search as the accounts page, and Restore from a search.
 * The worker is a stub that records what was sent.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ManagedAccountView } from '../../src/messages/protocol';
import { Trash } from '../../options/sections/Trash';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

const now = Date.now();
const trashed = (id: string, issuer: string, account: string): ManagedAccountView => ({
  id,
  issuer,
  account,
  sites: [],
  pinned: false,
  type: 'totp',
  digits: 6,
  period: 30,
  code: null,
  next: null,
  validFrom: null,
  validUntil: null,
  trashedAt: now,
  note: '',
  updatedAt: now,
  createdAt: now,
});

beforeEach(() => {
  let trash = [
    trashed('t1', 'GitHub', 'kim'),
    trashed('t2', 'Dropbox', 'kim@example.com'),
    trashed('t3', 'Amazon Web Services', 'root'),
  ];
  sendMessage.mockImplementation((envelope) => {
    const { type, payload } = envelope as { type: string; payload: { ids?: string[] } };
    if (type === 'untrashAccounts') trash = trash.filter((a) => !payload.ids?.includes(a.id));
    const value =
      type === 'manageList'
        ? { accounts: [], trash, damaged: 0, trashRetentionDays: 30 }
        : type === 'getSettings'
          ? { trashRetentionDays: 30 }
          : {};
    return Promise.resolve({ ok: true, value });
  });
});
afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const entries = () =>
  screen.queryAllByTestId('trash-entry').map((e) => e.querySelector('.manage-issuer')?.textContent);

it('searches the Trash and restores what it found', async () => {
  render(<Trash />);
  await waitFor(() => expect(entries()).toHaveLength(3));
  const box = screen.getByLabelText('Search the Trash');
  fireEvent.input(box, { target: { value: 'drop' } });
  expect(entries()).toEqual(['Dropbox (kim@example.com)']);
  fireEvent.input(box, { target: { value: 'aws' } });
  expect(entries()).toEqual(['Amazon Web Services (root)']);
  fireEvent.input(box, { target: { value: 'zzz' } });
  expect(entries()).toEqual([]);
  expect(screen.getByTestId('trash-no-match')).toBeTruthy();

  fireEvent.input(box, { target: { value: 'github' } });
  fireEvent.click(screen.getByLabelText('Restore GitHub (kim)'));
  await screen.findByText('GitHub (kim) is back in your accounts.', { exact: false });
  // Its row and Restore button are gone: focus moves to the line that says what happened.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('undo-notice')));
  expect(sendMessage).toHaveBeenCalledWith({
    otter: 1,
    type: 'untrashAccounts',
    payload: { ids: ['t1'] },
  });
  fireEvent.input(box, { target: { value: '' } });
  await waitFor(() => expect(entries()).toHaveLength(2));
});
