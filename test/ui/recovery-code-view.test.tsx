// @vitest-environment happy-dom
/**
 * The recovery code, shown once: a copy the browser refused is said (the button only went on
 * saying "Copy", and the promise's rejection went nowhere), a copy made is announced; and the
 * options page's New recovery code gives the focus back to its section when Continue takes the
 * code away (the focus was on Continue, gone: it fell to the page's start). A copied code is
 * cleared from the clipboard like a one-time code, and the page says when (it stayed there).
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
  render(<RecoveryCodeView code={CODE} onDone={() => {}} onCopied={() => Promise.resolve(null)} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe(
    'Otter could not copy the recovery code. Select it and copy it yourself, or write it down.',
  );
});

it('announces a copy made', async () => {
  const writeText = vi.fn(() => Promise.resolve());
  clipboard(writeText);
  render(<RecoveryCodeView code={CODE} onDone={() => {}} onCopied={() => Promise.resolve(null)} />);
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

it("has the worker clear a copied code after the user's delay, and says when", async () => {
  clipboard(() => Promise.resolve());
  const onCopied = vi.fn(() => Promise.resolve(30));
  render(<RecoveryCodeView code={CODE} onDone={() => {}} onCopied={onCopied} />);
  expect(onCopied).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
  const hint = await screen.findByTestId('recovery-copy-clears');
  expect(hint.textContent).toBe(
    'Paste it where you keep it now: Otter clears the clipboard in 30 seconds.',
  );
  expect(onCopied).toHaveBeenCalledTimes(1);
  expect(screen.getAllByRole('status').some((s) => s.textContent?.endsWith('30 seconds.'))).toBe(
    true,
  );
});

it('says nothing of clearing when the user turned it off', async () => {
  clipboard(() => Promise.resolve());
  render(<RecoveryCodeView code={CODE} onDone={() => {}} onCopied={() => Promise.resolve(null)} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
  await waitFor(() =>
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Copied')).toBe(true),
  );
  expect(screen.queryByTestId('recovery-copy-clears')).toBeNull();
});

it("the options page's new recovery code: a copy asks the worker to clear it (codeCopied)", async () => {
  clipboard(() => Promise.resolve());
  sendMessage.mockImplementation((envelope: unknown) =>
    Promise.resolve(
      (envelope as { type: string }).type === 'codeCopied'
        ? { ok: true, value: { clearAt: Date.now() + 45_000 } }
        : { ok: true, value: { recoveryCode: CODE } },
    ),
  );
  render(<NewRecoveryCode />);
  fireEvent.input(screen.getByLabelText('Current passphrase'), {
    target: { value: 'the passphrase' },
  });
  fireEvent.submit(screen.getByTestId('new-recovery-code'));
  await screen.findByTestId('recovery-code-value');
  fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
  const hint = await screen.findByTestId('recovery-copy-clears');
  expect(hint.textContent).toContain('in 45 seconds');
  expect(sendMessage.mock.calls.map(([m]) => (m as { type: string }).type)).toContain('codeCopied');
});

it("the popup's view of the code (first run): a copy asks the worker to clear it", async () => {
  clipboard(() => Promise.resolve());
  sendMessage.mockResolvedValue({ ok: true, value: { clearAt: Date.now() + 30_000 } });
  const { RecoveryCodeView: PopupView } = await import('../../popup/recovery-views');
  render(<PopupView code={CODE} onDone={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
  await screen.findByTestId('recovery-copy-clears');
  expect(sendMessage.mock.calls.map(([m]) => (m as { type: string }).type)).toEqual(['codeCopied']);
});
