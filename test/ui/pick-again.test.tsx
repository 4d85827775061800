// @vitest-environment happy-dom
/**
 * Choosing a file again while the first is still being read: the later choice wins, whichever
 * file is read first (a large backup or SDA manifest read into the page takes a while).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { Import } from '../../options/sections/Import';
import { Restore } from '../../options/sections/Restore';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

/** A file whose text comes only when `release` is called. */
function slowFile(name: string, text: string) {
  const file = new File([text], name);
  let release: () => void = () => undefined;
  const read = new Promise<string>((resolve) => {
    release = () => resolve(text);
  });
  Object.defineProperty(file, 'text', { value: () => read });
  return { file, release };
}

function choose(input: HTMLElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

/** Records the worker's requests, answering each with `answer`. */
function worker(answer: (type: string) => unknown) {
  const asked: { type: string; payload: Record<string, unknown> }[] = [];
  sendMessage.mockImplementation((envelope) => {
    const message = envelope as (typeof asked)[number];
    asked.push(message);
    return Promise.resolve(answer(message.type));
  });
  return asked;
}

it('restores from the backup chosen last, though the first one is read after it', async () => {
  const plan = {
    plan: { fresh: [], duplicates: [] },
    exportedAt: Date.UTC(2026, 10, 24),
    vaultEmpty: true,
    settingsDiffer: false,
    notAllowed: [],
  };
  const asked = worker((type) => ({ ok: true, value: type === 'planRestore' ? plan : {} }));
  render(<Restore onRestored={() => undefined} />);
  const input = document.querySelector<HTMLInputElement>('#restore-file')!;
  const first = slowFile('old-backup.json', '{"first":true}');
  choose(input, first.file);
  choose(input, new File(['{"second":true}'], 'otter-backup.json'));
  await screen.findByLabelText(/password/i);
  first.release();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(asked.map((m) => m.payload.text)).toEqual(['{"second":true}']);
  // Opened, it is the second file that is planned.
  fireEvent.input(screen.getByLabelText(/password/i), { target: { value: 'a backup password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Open backup' }));
  await screen.findByTestId('restore-plan');
  expect(asked).toHaveLength(2);
  expect(asked[1]).toMatchObject({ type: 'planRestore', payload: { text: '{"second":true}' } });
});

it('imports the files chosen last, though the first ones are sorted out after them', async () => {
  const asked = worker((type) =>
    type === 'importFile'
      ? { ok: true, value: { format: 'otpauth_list', needsPassword: true, preview: null } }
      : { ok: true, value: {} },
  );
  render(<Import />);
  // SDA's manifest.json is read to see whether it lists .maFile files: that takes a while.
  const manifest = slowFile('manifest.json', '{"entries":[]}');
  choose(screen.getByTestId('import-input'), manifest.file);
  choose(screen.getByTestId('import-input'), new File(['otpauth://x'], 'codes.txt'));
  await screen.findByTestId('import-password');
  manifest.release();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const reads = asked.filter((m) => m.type === 'importFile');
  expect(reads.map((m) => atob(m.payload.file as string))).toEqual(['otpauth://x']);
  expect(screen.queryByText(/manifest\.json/)).toBeNull();
});
