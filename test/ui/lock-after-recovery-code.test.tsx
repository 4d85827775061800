// @vitest-environment happy-dom
/**
 * A lock heard while a recovery code is on screen is put off until the user has stored it
 * (ui/recovery-code-shown.ts), not forgotten: once Continue takes the code away, the page follows
 * the lock. The options page's "New recovery code" shows its code inside the unlocked layout; it
 * went back to the layout of a locked vault (every form then refused with "Otter is locked").
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { App } from '../../options/App';
import type * as Storage from '../../src/platform/storage';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { sendMessage } from './fake-browser';

const lockListeners = vi.hoisted(() => [] as ((change: 'locked' | 'unlocked') => void)[]);

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/storage', async (importOriginal) => ({
  ...(await importOriginal<typeof Storage>()),
  onLockOrUnlock: (listener: (change: 'locked' | 'unlocked') => void) => {
    lockListeners.push(listener);
    return () => lockListeners.splice(lockListeners.indexOf(listener), 1);
  },
  onManagedStorageChanged: () => undefined,
}));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
  location.hash = '';
});

const CODE = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX';

it('the options page follows a lock made while the new recovery code was shown, after Continue', async () => {
  let vault: 'locked' | 'unlocked' = 'unlocked';
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    const value: Record<string, unknown> = {
      status: { version: '1', vault, lockAt: null, minPassphraseLength: 8, policy: {} },
      getSettings: DEFAULT_SETTINGS,
      newRecoveryCode: { recoveryCode: CODE },
    };
    if (type in value) return Promise.resolve({ ok: true, value: value[type] });
    return Promise.resolve({ ok: false, error: { code: 'vault_locked' } });
  });
  location.hash = '#security';
  render(<App />);

  fireEvent.input(
    await screen.findByLabelText('Current passphrase', { selector: '#new-recovery-passphrase' }),
    {
      target: { value: 'the passphrase' },
    },
  );
  fireEvent.submit(screen.getByTestId('new-recovery-code'));
  expect((await screen.findByTestId('recovery-code-value')).textContent).toBe(CODE);

  // Locked elsewhere (auto-lock, the popup's Lock), even at once: the code stays until stored.
  vault = 'locked';
  for (const listener of lockListeners) listener('locked');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(screen.getByTestId('recovery-code-value').textContent).toBe(CODE);

  fireEvent.click(screen.getByLabelText('I have stored my recovery code somewhere safe'));
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await waitFor(() => expect(screen.queryByTestId('unlock')).not.toBeNull());
  expect(screen.queryByTestId('security')).toBeNull();
  expect(screen.queryByTestId('recovery-code-value')).toBeNull();
});
