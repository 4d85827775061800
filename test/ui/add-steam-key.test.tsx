// @vitest-environment happy-dom
/**
 * A `steam://` key pasted into the key field (Bitwarden, Proton): the form says it is a Steam
 * Guard key, offers no digits or period, names the service Steam unless the user names another,
 * still asks for a name, and shows the worker's Steam-specific error. The worker is a stub.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualEntryForm } from '../../ui/add/ManualEntryForm';
import { accountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

function worker(answers: unknown[]) {
  sendMessage.mockImplementation(() => Promise.resolve(answers.shift() ?? { ok: true, value: {} }));
}
const sent = () =>
  sendMessage.mock.calls
    .map(([e]) => e as { type: string; payload: Record<string, unknown> })
    .filter((e) => e.type === 'addAccount')
    .map((e) => e.payload);

const KEY_FIELD = 'Secret key or otpauth:// link';
const KEY = 'steam://HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
const issuerField = () => screen.getByLabelText<HTMLInputElement>('Service');

function form() {
  const onAdded = vi.fn();
  render(<ManualEntryForm site="" onAdded={onAdded} onReport={() => {}} onCancel={() => {}} />);
  return onAdded;
}

describe('a pasted steam:// key', () => {
  it('is recognised as Steam Guard, named Steam, and sent as the link with the names', async () => {
    const account = accountView({ issuer: 'Steam', account: 'gamer', type: 'steam' });
    worker([{ ok: true, value: { status: 'added', account } }]);
    const onAdded = form();
    expect(screen.queryByTestId('steam-key')).toBeNull();
    expect(screen.getByLabelText('Digits')).toBeTruthy();
    expect(screen.getByLabelText('Period (seconds)')).toBeTruthy();
    type(KEY_FIELD, KEY);
    expect(screen.getByTestId('steam-key').textContent).toBe(
      'This is a Steam Guard key (from Bitwarden or Proton). Otter will show 5-character Steam codes for it.',
    );
    expect(issuerField().value).toBe('Steam');
    expect(screen.queryByLabelText('Digits')).toBeNull();
    expect(screen.queryByLabelText('Period (seconds)')).toBeNull();
    expect(screen.getByLabelText('Account name')).toBeTruthy();
    type('Account name', 'gamer');
    save();
    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent()).toEqual([{ entry: { uri: KEY, issuer: 'Steam', account: 'gamer', site: '' } }]);
  });

  it('keeps a service the user typed, and asks for a name when both are cleared', async () => {
    worker([]);
    form();
    type('Service', 'Valve');
    type(KEY_FIELD, KEY);
    expect(issuerField().value).toBe('Valve');
    type('Service', '');
    save();
    await screen.findByText(
      'Give the account a name: the service (like GitHub) or your user name there.',
    );
    expect(sent()).toEqual([]);
  });

  it('shows the Steam key error at the key field', async () => {
    worker([{ ok: false, error: { code: 'steam_key_unreadable' } }]);
    form();
    type(KEY_FIELD, 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI');
    save();
    const message = await screen.findByText(/^This Steam key could not be read\./);
    expect(message.id).toBe('form-error');
    expect(screen.getByLabelText(KEY_FIELD).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(KEY_FIELD).getAttribute('aria-describedby')).toBe(
      'secret-hint form-error',
    );
  });
});
