// @vitest-environment happy-dom
/**
 * Cancel while an encrypted export is being decrypted (seconds of Argon2 or scrypt in the
 * worker): what it reads, come late, is not shown and is dropped in the worker, and the next file
 * is read only after that, so that its import is not the one dropped (the worker holds one).
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { Import } from '../../options/sections/Import';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const preview = (importId: string) => ({
  importId,
  format: 'aegis',
  encrypted: true,
  accounts: [],
  refused: [],
  now: Date.UTC(2026, 10, 24),
});

it('cancels while the file is decrypted, drops what it read, then reads the next file', async () => {
  const asked: { type: string; payload: Record<string, unknown> }[] = [];
  let decrypted: (reply: unknown) => void = () => undefined;
  sendMessage.mockImplementation((envelope) => {
    const message = envelope as (typeof asked)[number];
    asked.push(message);
    if (message.type !== 'importFile') return Promise.resolve({ ok: true, value: {} });
    if (message.payload.password !== undefined)
      return new Promise((resolve) => {
        decrypted = resolve;
      });
    const encrypted = atob(message.payload.file as string) === 'sealed';
    return Promise.resolve({
      ok: true,
      value: encrypted
        ? { format: 'aegis', needsPassword: true, preview: null }
        : { format: 'otpauth_list', needsPassword: false, preview: preview('next') },
    });
  });
  render(<Import />);
  const input = screen.getByTestId('import-input');
  Object.defineProperty(input, 'files', {
    value: [new File(['sealed'], 'aegis.json'), new File(['otpauth://x'], 'codes.txt')],
  });
  fireEvent.change(input);
  fireEvent.input(await screen.findByLabelText(/password/i), { target: { value: 'hunter22' } });
  fireEvent.click(screen.getByRole('button', { name: 'Open file' }));
  await waitFor(() => expect(asked.filter((m) => m.type === 'importFile')).toHaveLength(2));
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  await screen.findByText('Reading codes.txt…');
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  // The next file waits for the worker to finish with the one cancelled.
  expect(asked.filter((m) => m.type === 'importFile')).toHaveLength(2);
  await act(() =>
    decrypted({
      ok: true,
      value: { format: 'aegis', needsPassword: false, preview: preview('late') },
    }),
  );
  await screen.findByTestId('import-preview');
  const after = asked.slice(asked.findIndex((m) => m.type === 'importDiscard'));
  expect(after.map((m) => [m.type, m.payload.importId])).toEqual([
    ['importDiscard', 'late'],
    ['importFile', undefined],
  ]);
  expect(screen.queryByTestId('error')).toBeNull();
});
