// @vitest-environment happy-dom
/**
 * The locked screen for keyboard and screen-reader users: where the focus goes, what a refusal
 * says and which field it is about, and a Caps Lock that would make a right passphrase wrong.
 * The worker is a stub (test/ui/recover-prompt.test.tsx runs the real one).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Security } from '../../options/sections/Security';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { CreateVaultForm } from '../../ui/CreateVaultForm';
import { RecoverForm } from '../../ui/RecoverForm';
import { UnlockForm } from '../../ui/UnlockForm';
import { reloadPolicy } from '../../ui/use-policy';
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
const focused = () => document.activeElement;
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const refuse = (code: string) => sendMessage.mockResolvedValue({ ok: false, error: { code } });

/** The field is invalid, and one of the ids that describe it is the error now shown. */
async function expectTiedToError(field: HTMLElement, text: string) {
  const error = await screen.findByTestId('error');
  expect(error.textContent).toBe(text);
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(error.id).not.toBe('');
  expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
}

function showRecover() {
  render(<RecoverForm minLength={8} onUnlocked={() => {}} onBack={() => {}} onReset={() => {}} />);
}

describe('the unlock form', () => {
  it('gives the focus back to the passphrase, selected, after a wrong one', async () => {
    refuse('wrong_passphrase');
    render(<UnlockForm onUnlocked={() => {}} onForgot={() => {}} />);
    const field = screen.getByLabelText<HTMLInputElement>('Passphrase');
    type(field, 'not the passphrase');
    // Pressed with the mouse or Space: the button, disabled while busy, had the focus.
    button('Unlock').focus();
    fireEvent.click(button('Unlock'));
    await expectTiedToError(field, 'That passphrase is not right.');
    await waitFor(() => expect(focused()).toBe(field));
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  });

  it('says plainly that a lock came while unlocking, not only that Otter is locked', async () => {
    refuse('vault_locked');
    render(<UnlockForm onUnlocked={() => {}} onForgot={() => {}} />);
    type(screen.getByLabelText('Passphrase'), 'the passphrase');
    fireEvent.submit(screen.getByTestId('unlock'));
    const error = await screen.findByTestId('error');
    expect(error.textContent).toBe(
      'Otter was locked again while it was unlocking (the screen locked, or Lock was pressed). Unlock again.',
    );
    expect(error.getAttribute('role')).toBe('alert');
  });

  it('says when Caps Lock is on, beside the field it is about', () => {
    render(<UnlockForm onUnlocked={() => {}} onForgot={() => {}} />);
    const field = screen.getByLabelText('Passphrase');
    const key = (capsLock: boolean) => {
      const event = new KeyboardEvent('keyup', { key: 'a', bubbles: true });
      Object.defineProperty(event, 'getModifierState', {
        value: (name: string) => name === 'CapsLock' && capsLock,
      });
      fireEvent(field, event);
    };
    expect(screen.queryByText('Caps Lock is on.')).toBeNull();
    key(true);
    const note = screen.getByText('Caps Lock is on.');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(note.id);
    expect(note.getAttribute('role')).toBe('status');
    key(false);
    expect(screen.queryByText('Caps Lock is on.')).toBeNull();
  });
});

describe('the recovery form', () => {
  it('ties a refused recovery code to its field', async () => {
    refuse('wrong_recovery_code');
    showRecover();
    const code = screen.getByLabelText('Recovery code');
    type(code, 'A'.repeat(24));
    type(screen.getByLabelText('New passphrase'), STRONG);
    type(screen.getByLabelText('Repeat new passphrase'), STRONG);
    await waitFor(() => expect(button('Unlock and set passphrase').disabled).toBe(false));
    fireEvent.submit(screen.getByTestId('recover'));
    await expectTiedToError(code, 'That recovery code is not right.');
  });

  it('moves the focus into "I have lost my recovery code too" when it opens', async () => {
    showRecover();
    const link = screen.getByTestId('lost-both-link');
    link.focus();
    fireEvent.click(link);
    const form = await screen.findByTestId('lost-both');
    await waitFor(() => expect(form.contains(focused())).toBe(true));
    expect(focused()?.textContent).toBe('Lost both your passphrase and your recovery code?');
  });

  it('moves the focus to what is left to do where the organisation allows no recovery code', async () => {
    sendMessage.mockResolvedValue({
      ok: true,
      value: {
        version: '1',
        vault: 'locked',
        lockAt: null,
        minPassphraseLength: 8,
        policy: { allowRecoveryCode: false },
      },
    });
    reloadPolicy();
    showRecover();
    const section = await screen.findByTestId('no-recovery');
    await waitFor(() => expect(section.contains(focused())).toBe(true));
    expect(focused()?.textContent).toBe('Unlock with your recovery code');
    // The next tests run without the policy (it is kept for the page, once asked).
    sendMessage.mockResolvedValue({ ok: false, error: { code: 'internal' } });
    reloadPolicy();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});

describe('a new passphrase the worker refuses is tied to its field', () => {
  async function refuseNew(form: string, button: string, prefix: string) {
    const field = screen.getByLabelText(/passphrase/i, { selector: `#${prefix}-new` });
    type(field, STRONG);
    type(screen.getByLabelText(/passphrase/i, { selector: `#${prefix}-repeat` }), STRONG);
    await waitFor(() => expect(button_(button).disabled).toBe(false));
    fireEvent.submit(screen.getByTestId(form));
    await expectTiedToError(
      field,
      'The passphrase is too easy to guess. Choose a stronger one: a few unrelated words work well.',
    );
  }
  const button_ = button;

  it('creating the vault', async () => {
    refuse('passphrase_too_weak');
    render(<CreateVaultForm minLength={8} onCreated={() => {}} />);
    await refuseNew('create-vault', 'Create vault', 'create');
  });

  it('recovering', async () => {
    refuse('passphrase_too_weak');
    showRecover();
    type(screen.getByLabelText('Recovery code'), 'A'.repeat(24));
    await refuseNew('recover', 'Unlock and set passphrase', 'recover');
    expect(screen.getByLabelText('Recovery code').getAttribute('aria-invalid')).not.toBe('true');
  });

  it('changing the passphrase', async () => {
    sendMessage.mockImplementation((envelope) => {
      const { type: request } = envelope as { type: string };
      if (request === 'getSettings') return Promise.resolve({ ok: true, value: DEFAULT_SETTINGS });
      return Promise.resolve({ ok: false, error: { code: 'passphrase_too_weak' } });
    });
    render(<Security minLength={8} policy={{}} onLocked={() => {}} onReset={() => {}} />);
    await screen.findByTestId('change-passphrase');
    type(screen.getByLabelText(/passphrase/, { selector: '#current-passphrase' }), 'the old one');
    await refuseNew('change-passphrase', 'Change passphrase', 'next');
  });
});
