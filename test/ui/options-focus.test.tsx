// @vitest-environment happy-dom
/**
 * Where the focus goes in the options page when the control just used disappears: a keyboard or
 * screen-reader user must not be sent back to the page's start (document.body).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Accounts } from '../../options/sections/Accounts';
import { GoogleExport } from '../../options/sections/GoogleExport';
import { PlainExport } from '../../options/sections/PlainExport';
import { managedAccountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const button = (name: string) => screen.getByRole('button', { name });
const focused = () => document.activeElement;

describe('the exports that show secrets', () => {
  it('moves the focus into the warning when it opens, and back to its button when cancelled', async () => {
    render(<PlainExport />);
    fireEvent.click(button('Export unencrypted list…'));
    await waitFor(() =>
      expect(focused()).toBe(screen.getByLabelText('I understand that this file is not encrypted')),
    );
    fireEvent.click(button('Cancel'));
    await waitFor(() => expect(focused()).toBe(button('Export unencrypted list…')));
  });

  it('moves the focus to the transfer codes when they show, and back to the start when hidden', async () => {
    sendMessage.mockResolvedValue({
      ok: true,
      value: { uris: ['otpauth-migration://offline?data=CgA%3D'], skipped: [] },
    });
    render(<GoogleExport />);
    fireEvent.click(button('Show transfer QR codes…'));
    fireEvent.click(screen.getByLabelText('I understand, and no one else can see my screen'));
    fireEvent.input(screen.getByLabelText('Your vault passphrase, to confirm'), {
      target: { value: 'the passphrase' },
    });
    fireEvent.submit(screen.getByTestId('google-warning'));
    const codes = await screen.findByTestId('google-codes');
    await waitFor(() => expect(focused()).toBe(codes));
    fireEvent.click(button('Hide QR codes'));
    await waitFor(() => expect(focused()).toBe(button('Show transfer QR codes…')));
  });
});

describe('the accounts page', () => {
  const accounts = [
    managedAccountView({ id: 'gh', issuer: 'GitHub', account: 'kim' }),
    managedAccountView({ id: 'gl', issuer: 'GitLab', account: 'kim', sites: [] }),
  ];
  async function open() {
    sendMessage.mockImplementation((envelope) => {
      const { type } = envelope as { type: string };
      const value =
        type === 'manageList' ? { accounts, trash: [], damaged: 0, trashRetentionDays: 30 } : {};
      return Promise.resolve({ ok: true, value });
    });
    render(<Accounts />);
    await screen.findAllByTestId('manage-account');
  }

  it('puts the focus in the edit form, and back on Edit when it is cancelled or saved', async () => {
    await open();
    const edit = button('Edit GitHub (kim)');
    fireEvent.click(edit);
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText('Service')));
    fireEvent.click(button('Cancel'));
    await waitFor(() => expect(focused()).toBe(button('Edit GitHub (kim)')));

    fireEvent.click(button('Edit GitHub (kim)'));
    fireEvent.input(screen.getByLabelText('Service'), { target: { value: 'GitHub Enterprise' } });
    fireEvent.click(button('Save'));
    await screen.findByText('Saved.');
    await waitFor(() => expect(focused()).toBe(button('Edit GitHub (kim)')));
  });

  it('gives the focus to "Select all" when Clear selection takes the selection’s bar away', async () => {
    await open();
    fireEvent.click(screen.getByLabelText('Select GitHub (kim)'));
    fireEvent.click(button('Clear selection'));
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('select-all')));
    expect(screen.queryByTestId('bulk')).toBeNull();
  });

  it('gives the focus back to "Add site…" when its form closes, cancelled or applied', async () => {
    await open();
    fireEvent.click(screen.getByLabelText('Select GitLab (kim)'));
    fireEvent.click(button('Add site…'));
    await waitFor(() =>
      expect(focused()).toBe(screen.getByLabelText('Site for the selected accounts')),
    );
    fireEvent.click(within(screen.getByTestId('bulk-site-form')).getByText('Cancel'));
    await waitFor(() => expect(focused()).toBe(button('Add site…')));

    fireEvent.click(button('Add site…'));
    fireEvent.input(screen.getByLabelText('Site for the selected accounts'), {
      target: { value: 'gitlab.com' },
    });
    fireEvent.click(screen.getByTestId('bulk-site-apply'));
    await screen.findByText('1 account now belongs to https://gitlab.com.');
    await waitFor(() => expect(focused()).toBe(button('Add site…')));
  });

  it('keeps the focus on Pin when it pins them all (it is only marked off, never disabled)', async () => {
    let list = accounts;
    sendMessage.mockImplementation((envelope) => {
      const { type, payload } = envelope as { type: string; payload: unknown };
      if (type === 'updateAccounts') {
        const { edits } = payload as { edits: { id: string; edit: { pinned: boolean } }[] };
        list = list.map((a) => ({ ...a, ...edits.find((e) => e.id === a.id)?.edit }));
      }
      const value =
        type === 'manageList'
          ? { accounts: list, trash: [], damaged: 0, trashRetentionDays: 30 }
          : {};
      return Promise.resolve({ ok: true, value });
    });
    render(<Accounts />);
    await screen.findAllByTestId('manage-account');
    fireEvent.click(screen.getByLabelText('Select GitLab (kim)'));
    const pin = screen.getByTestId('bulk-pin');
    pin.focus();
    fireEvent.click(pin);
    await screen.findByText('1 account was pinned.');
    // A disabled button drops the focus to the page's start; this one stays focusable.
    expect(pin.hasAttribute('disabled')).toBe(false);
    expect(focused()).toBe(pin);
    const requests = sendMessage.mock.calls.length;
    await waitFor(() => expect(pin.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(pin);
    expect(sendMessage.mock.calls.length).toBe(requests);
  });

  it('leaves the focus where the user put it when another row’s Edit closes the form', async () => {
    await open();
    fireEvent.click(button('Edit GitHub (kim)'));
    const other = button('Edit GitLab (kim)');
    other.focus();
    fireEvent.click(other);
    await waitFor(() => expect(screen.getAllByTestId('edit-form')).toHaveLength(1));
    // The new form takes it, as any opened form does; the closed one does not pull it back.
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText('Service')));
    expect(screen.getByLabelText<HTMLInputElement>('Service').value).toBe('GitLab');
  });
});
