// @vitest-environment happy-dom
/**
 * The password prompt names what is being opened: an app's export asks for the password chosen
 * when exporting; a password-protected ZIP asks for the archive’s, which no app chose; Steam
 * Desktop Authenticator’s folder asks for the passkey set in that app.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { ImportPassword } from '../../options/sections/ImportPassword';
import { ImportPicker } from '../../options/sections/ImportPicker';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
afterEach(cleanup);

const prompt = (format: 'aegis' | 'zip' | 'steam') =>
  render(
    <ImportPassword
      format={format}
      busy={false}
      error={null}
      onOpen={() => Promise.resolve(false)}
      onCancel={() => undefined}
    />,
  );

it('asks for the archive’s password for a password-protected ZIP', () => {
  prompt('zip');
  expect(screen.getByTestId('import-format').textContent).toBe(
    'Recognised as a password-protected ZIP archive (encrypted)',
  );
  const hint = document.getElementById('import-password-hint')?.textContent ?? '';
  expect(hint).toContain('The password the ZIP archive was made with');
  expect(hint).not.toContain('exported from');
});

it('asks for the export password for an app’s file', () => {
  prompt('aegis');
  expect(document.getElementById('import-password-hint')?.textContent).toContain(
    'when you exported from Aegis',
  );
});

it('asks for the passkey set in Steam Desktop Authenticator for its maFiles folder', () => {
  prompt('steam');
  const hint = document.getElementById('import-password-hint')?.textContent ?? '';
  expect(hint).toContain('encryption passkey you set in Steam Desktop Authenticator');
  expect(hint).not.toContain('exported from');
});

it('names apps, not the ZIP archive, among what it reads', () => {
  render(<ImportPicker onFiles={() => undefined} />);
  expect(document.body.textContent).toContain('Aegis');
  expect(document.body.textContent).not.toContain('ZIP archive');
});
