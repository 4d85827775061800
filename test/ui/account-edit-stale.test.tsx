// @vitest-environment happy-dom
/**
 * The edit form while the list changes under it: a newer change of the account (another tab)
 * that reaches the page while the form is open is never overwritten by what the form opened
 * with, and a change made from this page (its Pin) does not make the save fail. A form with
 * unsaved changes stays open when another account's form opens or other accounts go to the
 * Trash, and one whose account was removed elsewhere says its changes were not saved.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AccountEdit, ManagedAccountView } from '../../src/messages/protocol';
import { Accounts } from '../../options/sections/Accounts';
import { managedAccountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

let accounts: ManagedAccountView[];
let clock: number;

/** The worker's updateAccount: only the fields sent, refused when `since` is not the current. */
function update(id: string, edit: AccountEdit, since?: number) {
  const current = accounts.find((a) => a.id === id);
  if (current === undefined) return { ok: false, error: { code: 'account_edit_in_trash' } };
  if (since !== undefined && since !== current.updatedAt)
    return { ok: false, error: { code: 'account_changed' } };
  const next = { ...current, ...edit, sites: [...(edit.sites ?? current.sites)] };
  const updated = { ...next, updatedAt: ++clock };
  accounts = accounts.map((a) => (a.id === id ? updated : a));
  return { ok: true, value: { account: updated } };
}

/** Accounts moved to the Trash (by this page or another tab). */
function removeElsewhere(ids: readonly string[]) {
  accounts = accounts.filter((a) => !ids.includes(a.id));
}

beforeEach(() => {
  clock = 100;
  accounts = [
    managedAccountView({ id: 'gh', issuer: 'GitHub', account: 'kim', updatedAt: clock }),
    managedAccountView({ id: 'gl', issuer: 'GitLab', account: 'kim', sites: [], updatedAt: 5 }),
  ];
  sendMessage.mockImplementation((envelope) => {
    const { type, payload } = envelope as {
      type: string;
      payload: { id: string; edit: AccountEdit; since?: number };
    };
    if (type === 'updateAccount')
      return Promise.resolve(update(payload.id, payload.edit, payload.since));
    if (type === 'trashAccounts') removeElsewhere((payload as unknown as { ids: string[] }).ids);
    const value =
      type === 'manageList' ? { accounts, trash: [], damaged: 0, trashRetentionDays: 30 } : {};
    return Promise.resolve({ ok: true, value });
  });
});
afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const button = (name: string) => screen.getByRole('button', { name });
const sent = () =>
  sendMessage.mock.calls
    .map(([e]) => e as { type: string; payload: unknown })
    .filter((e) => e.type === 'updateAccount')
    .map((e) => e.payload);

it('does not overwrite a newer change that reached the page while the form was open', async () => {
  render(<Accounts />);
  await screen.findAllByTestId('manage-account');
  fireEvent.click(button('Edit GitHub (kim)'));
  fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'work account' } });

  // Another tab renames it; this page's list is read again (after a pin of another account).
  update('gh', { issuer: 'GitHub Enterprise' });
  fireEvent.click(button('Pin GitLab (kim) to the top'));
  await screen.findByRole('button', { name: 'Edit GitHub Enterprise (kim)' });
  // What the user typed is still there.
  expect(screen.getByLabelText<HTMLTextAreaElement>('Note').value).toBe('work account');

  fireEvent.click(button('Save'));
  await screen.findByText('This account was changed elsewhere', { exact: false });
  // Only the note was sent, against the version the form opened with: refused, nothing lost.
  expect(sent().at(-1)).toEqual({ id: 'gh', edit: { note: 'work account' }, since: 100 });
  expect(accounts[0]).toMatchObject({ issuer: 'GitHub Enterprise', note: '' });
});

it('saves after the account was pinned from its own row while the form was open', async () => {
  render(<Accounts />);
  await screen.findAllByTestId('manage-account');
  fireEvent.click(button('Edit GitHub (kim)'));
  fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'work account' } });
  fireEvent.click(button('Pin GitHub (kim) to the top'));
  await waitFor(() => expect(accounts[0]!.pinned).toBe(true));
  await waitFor(() =>
    expect(button('Pin GitHub (kim) to the top').getAttribute('aria-pressed')).toBe('true'),
  );
  fireEvent.click(button('Save'));
  await screen.findByText('Saved.');
  expect(accounts[0]).toMatchObject({ issuer: 'GitHub', note: 'work account', pinned: true });
});

const forms = () => screen.queryAllByTestId('edit-form');
const notes = () => screen.queryAllByLabelText<HTMLTextAreaElement>('Note').map((n) => n.value);

it('keeps a form with unsaved changes open when another account’s form opens', async () => {
  render(<Accounts />);
  await screen.findAllByTestId('manage-account');
  fireEvent.click(button('Edit GitHub (kim)'));
  fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'work account' } });
  fireEvent.click(button('Edit GitLab (kim)'));
  await waitFor(() => expect(forms()).toHaveLength(2));
  expect(notes()).toEqual(['work account', '']);
  // GitLab's form, untouched, closes as usual when GitHub's opens again.
  fireEvent.click(button('Edit GitLab (kim)'));
  await waitFor(() => expect(forms()).toHaveLength(1));
  expect(notes()).toEqual(['work account']);
});

it('keeps a form with unsaved changes open when other accounts go to the Trash', async () => {
  render(<Accounts />);
  await screen.findAllByTestId('manage-account');
  fireEvent.click(button('Edit GitHub (kim)'));
  fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'work account' } });
  fireEvent.click(button('Remove GitLab (kim)'));
  fireEvent.click(await screen.findByRole('button', { name: 'Move to Trash' }));
  await screen.findByText('GitLab (kim) was moved to the Trash', { exact: false });
  expect(notes()).toEqual(['work account']);
});

it('says so when an account with unsaved changes was removed elsewhere', async () => {
  render(<Accounts />);
  await screen.findAllByTestId('manage-account');
  fireEvent.click(button('Edit GitHub (kim)'));
  fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'work account' } });
  removeElsewhere(['gh']);
  fireEvent.click(button('Pin GitLab (kim) to the top'));
  await screen.findByText(
    'GitHub (kim) was moved to the Trash or deleted elsewhere (in another tab or window) while you were editing it. Your changes to it were not saved.',
  );
  expect(forms()).toHaveLength(0);
});

it('reads the list again when an action fails on an account removed elsewhere', async () => {
  render(<Accounts />);
  await screen.findAllByTestId('manage-account');
  removeElsewhere(['gl']);
  fireEvent.click(button('Pin GitLab (kim) to the top'));
  await screen.findByText('Nothing was changed: an account you changed here', { exact: false });
  // The page shows the list as it now is: GitLab's row is gone, the error stays.
  await waitFor(() => expect(screen.getAllByTestId('manage-account')).toHaveLength(1));
  expect(screen.getByText('Nothing was changed', { exact: false })).toBeTruthy();
});
