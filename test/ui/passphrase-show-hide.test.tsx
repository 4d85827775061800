// @vitest-environment happy-dom
/**
 * The Show/Hide button beside every passphrase field. The Security page has five: each must say
 * which field it shows (its description, not its name: "Current passphrase" must find the field
 * alone, for people and tests alike), and its state once (its words change, so it is no toggle with
 * aria-pressed as well: "Hide, pressed" says it twice and contradicts itself). A passphrase the
 * form is done with is hidden again: the next one typed is not shown unasked.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { Security } from '../../options/sections/Security';
import { DEFAULT_SETTINGS } from '../../src/settings';
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

function showSecurity() {
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    const status = {
      version: '1',
      vault: 'unlocked',
      lockAt: null,
      minPassphraseLength: 8,
      policy: {},
    };
    const value = type === 'getSettings' ? DEFAULT_SETTINGS : type === 'status' ? status : {};
    return Promise.resolve({ ok: true, value });
  });
  render(<Security minLength={8} policy={{}} onLocked={() => {}} onReset={() => {}} />);
}

/** The button's description: the label of the field it shows. */
const describedAs = (button: HTMLElement) =>
  (button.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

it('each Show button is described by its field, and says its state once', async () => {
  showSecurity();
  await screen.findByTestId('change-passphrase');
  expect(screen.getAllByRole('button', { name: 'Show' }).map(describedAs)).toEqual([
    'Current passphrase',
    'New passphrase',
    'Repeat new passphrase',
    'Current passphrase',
    'Current passphrase',
  ]);
  const field = screen.getByLabelText('New passphrase', { selector: 'input' });
  const show = screen.getAllByRole('button', { name: 'Show' })[1]!;
  expect(show.getAttribute('aria-controls')).toBe(field.id);
  fireEvent.click(show);
  expect(field.getAttribute('type')).toBe('text');
  expect(show.textContent).toBe('Hide');
  expect(show.hasAttribute('aria-pressed')).toBe(false);
});

it('hides a changed passphrase again once the form is done with it', async () => {
  showSecurity();
  await screen.findByTestId('change-passphrase');
  const field = (selector: string) => screen.getByLabelText(/passphrase/, { selector });
  fireEvent.input(field('#current-passphrase'), { target: { value: 'the old one' } });
  fireEvent.input(field('#next-new'), { target: { value: STRONG } });
  fireEvent.input(field('#next-repeat'), { target: { value: STRONG } });
  fireEvent.click(screen.getAllByRole('button', { name: 'Show' })[1]!);
  expect(field('#next-new').getAttribute('type')).toBe('text');
  const change = screen.getByRole<HTMLButtonElement>('button', { name: 'Change passphrase' });
  await waitFor(() => expect(change.disabled).toBe(false));
  fireEvent.click(change);
  await screen.findByTestId('passphrase-changed');
  await waitFor(() => expect(field('#next-new').getAttribute('type')).toBe('password'));
});
