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

/**
 * A shorter retention deletes at once, for good, what was removed longer ago than that: the user
 * is asked first, told how many and which, and told afterwards how many went.
 */
it('asks before a shorter retention deletes removed accounts, and names the count', async () => {
  const DAY = 86_400_000;
  let retention = 30;
  let trash = [
    { ...trashed('t1', 'GitHub', 'kim'), trashedAt: now - 10 * DAY },
    { ...trashed('t2', 'Dropbox', 'kim@example.com'), trashedAt: now - 20 * DAY },
    trashed('t3', 'Amazon Web Services', 'root'),
  ];
  sendMessage.mockImplementation((envelope) => {
    const { type, payload } = envelope as {
      type: string;
      payload: { trashRetentionDays?: number };
    };
    if (type === 'updateSettings') retention = payload.trashRetentionDays ?? retention;
    // The worker purges before it lists.
    if (type === 'manageList')
      trash = trash.filter((a) => (a.trashedAt ?? 0) > Date.now() - retention * DAY);
    const value =
      type === 'manageList'
        ? { accounts: [], trash, damaged: 0, trashRetentionDays: retention }
        : { trashRetentionDays: retention };
    return Promise.resolve({ ok: true, value });
  });
  render(<Trash />);
  await waitFor(() => expect(entries()).toHaveLength(3));
  const field = await screen.findByLabelText<HTMLInputElement>(
    'Delete accounts in the Trash for good after this many days',
  );
  const settingsSent = () =>
    sendMessage.mock.calls.filter(([e]) => (e as { type: string }).type === 'updateSettings');

  // Nothing is old enough to go: saved without a question.
  fireEvent.change(field, { target: { value: '25' } });
  await waitFor(() => expect(settingsSent()).toHaveLength(1));
  expect(screen.queryByTestId('confirm-dialog')).toBeNull();

  fireEvent.change(field, { target: { value: '5' } });
  const dialog = await screen.findByTestId('confirm-dialog');
  expect(dialog.textContent).toContain(
    '2 accounts in the Trash were removed more than 5 days ago and will be deleted for good now',
  );
  expect(dialog.textContent).toContain('GitHub (kim)');
  expect(dialog.textContent).toContain('Dropbox (kim@example.com)');
  expect(dialog.textContent).not.toContain('Amazon');
  expect(settingsSent()).toHaveLength(1);

  // Cancel: nothing saved, the field shows the stored value again.
  fireEvent.click(screen.getByText('Cancel'));
  await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
  expect(field.value).toBe('25');
  expect(settingsSent()).toHaveLength(1);
  expect(entries()).toHaveLength(3);

  fireEvent.change(field, { target: { value: '5' } });
  await screen.findByTestId('confirm-dialog');
  fireEvent.click(screen.getByText('Delete 2 accounts for good'));
  await screen.findByText('2 accounts were deleted for good from the Trash.', { exact: false });
  expect(settingsSent()).toHaveLength(2);
  expect(entries()).toEqual(['Amazon Web Services (root)']);
});
