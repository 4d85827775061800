// @vitest-environment happy-dom
/**
 * Where the focus goes in the options page when the control just used disappears: a keyboard or
 * screen-reader user must not be sent back to the page's start (document.body).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GoogleExport } from '../../options/sections/GoogleExport';
import { PlainExport } from '../../options/sections/PlainExport';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const button = (name: string) => screen.getByRole('button', { name });
const focused = () => document.activeElement;

describe('the exports that show secrets', () => {
  it('moves the focus into the warning when it opens, and back to its button when cancelled', async () => {
    render(<PlainExport />);
    fireEvent.click(button('Export unencrypted list…'));
    await waitFor(() =>
      expect(focused()).toBe(screen.getByLabelText('I understand that this file is not encrypted')),
    );
    fireEvent.click(button('Cancel'));
    await waitFor(() => expect(focused()).toBe(button('Export unencrypted list…')));
  });

  it('moves the focus to the transfer codes when they show, and back to the start when hidden', async () => {
    sendMessage.mockResolvedValue({
      ok: true,
      value: { uris: ['otpauth-migration://offline?data=CgA%3D'], skipped: [] },
    });
    render(<GoogleExport />);
    fireEvent.click(button('Show transfer QR codes…'));
    fireEvent.click(screen.getByLabelText('I understand, and no one else can see my screen'));
    fireEvent.input(screen.getByLabelText('Your vault passphrase, to confirm'), {
      target: { value: 'the passphrase' },
    });
    fireEvent.submit(screen.getByTestId('google-warning'));
    const codes = await screen.findByTestId('google-codes');
    await waitFor(() => expect(focused()).toBe(codes));
    fireEvent.click(button('Hide QR codes'));
    await waitFor(() => expect(focused()).toBe(button('Show transfer QR codes…')));
  });
});
