// @vitest-environment happy-dom
/**
 * A passphrase pasted twice and Enter pressed before the strength check has loaded: the form
 * waits for the check and is then sent once, instead of Enter doing nothing (a disabled button
 * swallows it). A secret changed after Enter is not sent unasked.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { CreateVaultForm } from '../../ui/CreateVaultForm';
import { sendMessage } from './fake-browser';

// The word lists are read only once the test opens the gate.
const files = vi.hoisted(() => {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((done) => (open = done));
  return { gate, open: () => open() };
});
vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/packaged-file', async () => {
  const { readProjectFile } = await import('../support/strength');
  return { readPackagedText: async (url: string) => (await files.gate, readProjectFile(url)) };
});
afterEach(cleanup);

const STRONG = 'älg kanot regn lykta';
const OTHER = 'kanot lykta regn älg hav';
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });
const create = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Create vault' });
const sent = () =>
  sendMessage.mock.calls.filter(([e]) => (e as { type: string }).type === 'createVault');

it(
  'sends the form once the check has loaded and accepts the passphrase',
  { timeout: 30_000 },
  async () => {
    const onCreated = vi.fn();
    render(<CreateVaultForm minLength={8} onCreated={onCreated} />);
    sendMessage.mockImplementation((envelope) =>
      Promise.resolve(
        (envelope as { type: string }).type === 'createVault'
          ? { ok: true, value: { recoveryCode: null } }
          : { ok: false, error: { code: 'bad_request' } },
      ),
    );
    type('Passphrase', OTHER);
    type('Repeat passphrase', OTHER);
    await screen.findByText('Checking how hard it is to guess…');
    // Enabled while the check loads, so that Enter submits the form at all.
    expect(create().disabled).toBe(false);
    fireEvent.submit(screen.getByTestId('create-vault'));
    expect(create().disabled).toBe(true);
    // Changed after Enter: not sent by itself once the check is there.
    type('Passphrase', STRONG);
    type('Repeat passphrase', STRONG);
    fireEvent.submit(screen.getByTestId('create-vault'));
    expect(sent()).toEqual([]);
    files.open();
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(null), { timeout: 20_000 });
    expect(sent()).toEqual([[{ otter: 1, type: 'createVault', payload: { passphrase: STRONG } }]]);
  },
);
