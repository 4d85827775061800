// @vitest-environment happy-dom
/**
 * The forms that choose a secret: the button stays disabled below the minimum strength, a line
 * says why, and what the worker answers is shown naming the field. The worker is a stub here
 * (test/vault/new-secret.test.ts checks that it refuses on its own).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MakeBackup } from '../../options/sections/MakeBackup';
import { CreateVaultForm } from '../../ui/CreateVaultForm';
import { RecoverForm } from '../../ui/RecoverForm';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/packaged-file', async () => ({
  readPackagedText: (await import('../support/strength')).readProjectFile,
}));

beforeAll(async () => {
  await (await import('../../ui/strength-loader')).loadPassphraseRule();
}, 30_000);
afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const STRONG = 'älg kanot regn lykta';
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
const why = () => screen.queryByTestId('strength-why')?.textContent;

describe('first run', () => {
  it('creates the vault only under a strong passphrase, and shows the worker’s refusal', async () => {
    render(<CreateVaultForm minLength={8} onCreated={() => undefined} />);
    type('Passphrase', 'Password1!');
    type('Repeat passphrase', 'Password1!');
    await waitFor(() =>
      expect(why()).toBe('This passphrase is too easy to guess: Otter asks for at least “Good”.'),
    );
    expect(button('Create vault').disabled).toBe(true);

    type('Passphrase', STRONG);
    type('Repeat passphrase', STRONG);
    await waitFor(() => expect(button('Create vault').disabled).toBe(false));
    // Should a page enable the button anyway, the worker refuses, and the form says so.
    sendMessage.mockResolvedValue({ ok: false, error: { code: 'passphrase_too_weak' } });
    fireEvent.click(button('Create vault'));
    await screen.findByText(
      'The passphrase is too easy to guess. Choose a stronger one: a few unrelated words work well.',
    );
    expect(sendMessage).toHaveBeenCalledWith({
      otter: 1,
      type: 'createVault',
      payload: { passphrase: STRONG },
    });
  });
});

describe('recovery', () => {
  it('needs a strong new passphrase as well as the code', async () => {
    render(<RecoverForm minLength={8} onUnlocked={() => undefined} onBack={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Recovery code'), {
      target: { value: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX' },
    });
    type('New passphrase', 'sommarstuga');
    type('Repeat new passphrase', 'sommarstuga');
    await waitFor(() => expect(why()).toMatch(/^This passphrase is too easy to guess/));
    expect(button('Unlock and set passphrase').disabled).toBe(true);
    type('New passphrase', STRONG);
    type('Repeat new passphrase', STRONG);
    await waitFor(() => expect(button('Unlock and set passphrase').disabled).toBe(false));
  });
});

describe('a backup under a separate password', () => {
  function separate() {
    render(<MakeBackup minLength={8} onMade={() => undefined} />);
    fireEvent.click(screen.getByLabelText('A separate backup password'));
  }

  it('keeps the button disabled for "1234" and says the backup password is too short', async () => {
    separate();
    type('Backup password', '1234');
    type('Repeat backup password', '1234');
    await waitFor(() => expect(why()).toBe('The backup password needs at least 8 characters.'));
    expect(button('Make backup').disabled).toBe(true);
  });

  it.each(['password', 'aaaaaaaa', 'Password1!', 'qwertyuiop', 'lösenord123'])(
    'refuses %j as too easy to guess',
    async (weak) => {
      separate();
      type('Backup password', weak);
      type('Repeat backup password', weak);
      await waitFor(() =>
        expect(why()).toBe(
          'This backup password is too easy to guess: Otter asks for at least “Good”.',
        ),
      );
      expect(button('Make backup').disabled).toBe(true);
    },
  );

  it('sends a strong one, and names the backup password in the worker’s refusal', async () => {
    separate();
    type('Backup password', STRONG);
    type('Repeat backup password', STRONG);
    await waitFor(() => expect(button('Make backup').disabled).toBe(false));
    sendMessage.mockResolvedValue({ ok: false, error: { code: 'backup_password_too_short' } });
    fireEvent.click(button('Make backup'));
    await screen.findByText('The backup password is too short.');
    expect(sendMessage).toHaveBeenCalledWith({
      otter: 1,
      type: 'createBackup',
      payload: { password: STRONG, source: 'password' },
    });
  });

  it('under the passphrase asks only for the passphrase, with no strength meter', () => {
    render(<MakeBackup minLength={8} onMade={() => undefined} />);
    type('Passphrase', 'password');
    expect(screen.queryByTestId('strength')).toBeNull();
    expect(button('Make backup').disabled).toBe(false);
  });
});
