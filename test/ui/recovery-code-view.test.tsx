// @vitest-environment happy-dom
/**
 * The recovery code, shown once: a copy the browser refused is said (the button only went on
 * saying "Copy", and the promise's rejection went nowhere), a copy made is announced; and the
 * options page's New recovery code gives the focus back to its section when Continue takes the
 * code away (the focus was on Continue, gone: it fell to the page's start).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { NewRecoveryCode } from '../../options/sections/NewRecoveryCode';
import { RecoveryCodeView } from '../../ui/RecoveryCodeView';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

const CODE = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX';

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

function clipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

it('says so when the browser refuses to copy the code', async () => {
  clipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
  render(<RecoveryCodeView code={CODE} onDone={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe(
    'Otter could not copy the recovery code. Select it and copy it yourself, or write it down.',
  );
});

it('announces a copy made', async () => {
  const writeText = vi.fn(() => Promise.resolve());
  clipboard(writeText);
  render(<RecoveryCodeView code={CODE} onDone={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
  await waitFor(() =>
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Copied')).toBe(true),
  );
  expect(writeText).toHaveBeenCalledWith(CODE);
});

it('gives the focus back to the New recovery code section after Continue', async () => {
  sendMessage.mockResolvedValue({ ok: true, value: { recoveryCode: CODE } });
  render(<NewRecoveryCode />);
  fireEvent.input(screen.getByLabelText('Current passphrase'), {
    target: { value: 'the passphrase' },
  });
  fireEvent.submit(screen.getByTestId('new-recovery-code'));
  await screen.findByTestId('recovery-code-value');
  fireEvent.click(screen.getByLabelText('I have stored my recovery code somewhere safe'));
  const next = screen.getByRole('button', { name: 'Continue' });
  next.focus();
  fireEvent.click(next);
  const form = await screen.findByTestId('new-recovery-code');
  await waitFor(() => expect(form.contains(document.activeElement)).toBe(true));
  expect(document.activeElement?.textContent).toBe('New recovery code');
});
