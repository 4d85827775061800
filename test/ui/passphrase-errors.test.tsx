// @vitest-environment happy-dom
/**
 * A passphrase the worker refuses: the field that holds it is marked invalid and described by the
 * error, in every options form that asks for the vault passphrase, so a screen reader that comes
 * back to the field hears why (the error's role="alert" is said once, when it appears).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { MakeBackup } from '../../options/sections/MakeBackup';
import { NewRecoveryCode } from '../../options/sections/NewRecoveryCode';
import { PlainExport } from '../../options/sections/PlainExport';
import { Security } from '../../options/sections/Security';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/packaged-file', async () => ({
  readPackagedText: (await import('../support/strength')).readProjectFile,
}));

beforeAll(async () => {
  // The new passphrase's strength check, which must accept it before the form sends.
  await (await import('../../ui/strength-loader')).loadPassphraseRule();
}, 30_000);

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

/** The worker: settings for the pages that show them, `wrong_passphrase` for anything else. */
function refusingWorker() {
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    if (type === 'getSettings') return Promise.resolve({ ok: true, value: DEFAULT_SETTINGS });
    return Promise.resolve({ ok: false, error: { code: 'wrong_passphrase' } });
  });
}

const STRONG = 'älg kanot regn lykta';
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });

/** The field is invalid, and one of the ids that describe it is the error now shown. */
async function expectTiedToError(field: HTMLElement) {
  const error = await screen.findByTestId('error');
  expect(error.textContent).toBe('That passphrase is not right.');
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(error.id).not.toBe('');
  expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
}

describe('a refused passphrase is tied to its field', () => {
  it('changing the passphrase: the current passphrase', async () => {
    refusingWorker();
    render(<Security minLength={8} policy={{}} onLocked={() => {}} onReset={() => {}} />);
    const form = await screen.findByTestId('change-passphrase');
    const field = screen.getByLabelText('Current passphrase', { selector: '#current-passphrase' });
    type(field, 'not it at all');
    type(screen.getByLabelText('New passphrase', { selector: '#next-new' }), STRONG);
    type(screen.getByLabelText('Repeat new passphrase', { selector: '#next-repeat' }), STRONG);
    await waitFor(() =>
      expect(
        screen.getByRole<HTMLButtonElement>('button', { name: 'Change passphrase' }).disabled,
      ).toBe(false),
    );
    fireEvent.submit(form);
    await expectTiedToError(field);
  });

  it('a backup under the vault passphrase', async () => {
    refusingWorker();
    render(<MakeBackup minLength={8} onMade={() => {}} />);
    const field = screen.getByLabelText('Passphrase');
    type(field, 'not it at all');
    fireEvent.submit(screen.getByTestId('make-backup'));
    await expectTiedToError(field);
  });

  it('the unencrypted export', async () => {
    refusingWorker();
    render(<PlainExport />);
    fireEvent.click(screen.getByRole('button', { name: 'Export unencrypted list…' }));
    fireEvent.click(screen.getByLabelText('I understand that this file is not encrypted'));
    const field = screen.getByLabelText('Your vault passphrase, to confirm');
    type(field, 'not it at all');
    fireEvent.submit(screen.getByTestId('plain-warning'));
    await expectTiedToError(field);
  });

  it('a new recovery code (marked before too; now also described)', async () => {
    refusingWorker();
    render(<NewRecoveryCode />);
    const field = screen.getByLabelText('Current passphrase');
    type(field, 'not it at all');
    fireEvent.submit(screen.getByTestId('new-recovery-code'));
    await expectTiedToError(field);
  });
});
