// @vitest-environment happy-dom
/**
 * The import page's commit: each choice is sent with the vault account the preview showed it
 * against, and a commit refused because the vault changed meanwhile previews again and says so,
 * with no choice carried over to an account the user has not answered for.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { Import } from '../../options/sections/Import';
import type { ImportPreview } from '../../src/backup/import/preview';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

/** A preview of one HOTP account (no code to refresh) that duplicates `existing` by name. */
const previewWith = (id: string, issuer: string): ImportPreview => ({
  importId: 'imp',
  format: 'otpauth_list',
  encrypted: false,
  accounts: [
    {
      index: 0,
      issuer: 'GitHub',
      account: 'alice',
      type: 'hotp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      code: '755224',
      validUntil: null,
      pinned: false,
      trashed: false,
      tags: [],
      sites: [],
      hasNote: false,
      dropped: [],
      duplicate: { existing: { id, issuer, account: 'alice' }, reasons: ['same_name'] },
    },
  ],
  refused: [],
  now: Date.UTC(2026, 10, 24),
});

it('sends each choice with the account it was shown, and previews again when the vault changed', async () => {
  const replies: Record<string, unknown[]> = {
    importFile: [
      {
        ok: true,
        value: {
          format: 'otpauth_list',
          needsPassword: false,
          preview: previewWith('gh', 'GitHub'),
        },
      },
    ],
    importCommit: [{ ok: false, error: { code: 'import_preview_stale' } }],
    importPreview: [{ ok: true, value: previewWith('wk', 'GitHub (work)') }],
  };
  const asked: { type: string; payload: Record<string, unknown> }[] = [];
  sendMessage.mockImplementation((envelope) => {
    const message = envelope as (typeof asked)[number];
    asked.push(message);
    return Promise.resolve(replies[message.type]?.shift() ?? { ok: true, value: {} });
  });
  render(<Import />);
  const input = screen.getByTestId('import-input');
  Object.defineProperty(input, 'files', {
    value: [new File(['otpauth://hotp/GitHub:alice?secret=JBSWY3DPEHPK3PXP\n'], 'codes.txt')],
  });
  fireEvent.change(input);
  await screen.findByTestId('import-preview');
  // The picker is gone: the focus starts at the preview, not back on <body>.
  expect(document.activeElement).toBe(screen.getByTestId('import-format'));
  fireEvent.click(screen.getByLabelText(/^Replace/));
  fireEvent.click(screen.getByTestId('import-commit'));

  await screen.findByText(/changed while you were choosing, so nothing was imported/);
  const commits = asked.filter((m) => m.type === 'importCommit');
  expect(commits.map((m) => m.payload.choices)).toEqual([
    { '0': { choice: 'replace', existing: 'gh' } },
  ]);
  expect(asked.map((m) => m.type)).toContain('importPreview');
  // The new preview is shown; its duplicate names another account, so it starts from its
  // suggestion, not from the Replace chosen for the one shown before.
  await waitFor(() => expect(screen.getAllByText(/GitHub \(work\)/).length).toBeGreaterThan(0));
  expect(screen.getByLabelText<HTMLInputElement>('Keep both').checked).toBe(true);
  expect(screen.getByLabelText<HTMLInputElement>(/^Replace/).checked).toBe(false);
});

/** Answers each request type from its own queue (an empty success once it runs out). */
function answer(replies: Record<string, unknown[]>) {
  const asked: { type: string; payload: Record<string, unknown> }[] = [];
  sendMessage.mockImplementation((envelope) => {
    const message = envelope as (typeof asked)[number];
    asked.push(message);
    return Promise.resolve(replies[message.type]?.shift() ?? { ok: true, value: {} });
  });
  return asked;
}

function choose(...files: File[]): void {
  const input = screen.getByTestId('import-input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const codes = () =>
  new File(['otpauth://hotp/GitHub:alice?secret=JBSWY3DPEHPK3PXP\n'], 'codes.txt');

it('names every entry not imported, the policy’s refusals at the commit among them', async () => {
  answer({
    importFile: [
      {
        ok: true,
        value: {
          format: 'otpauth_list',
          needsPassword: false,
          preview: previewWith('gh', 'GitHub'),
        },
      },
    ],
    importCommit: [
      {
        ok: true,
        value: {
          format: 'otpauth_list',
          imported: 1,
          intoTrash: 0,
          replaced: 0,
          skipped: 0,
          refused: [
            { index: 2, issuer: '', account: '', reason: 'secret_missing' },
            { index: 2, issuer: 'Contoso', account: 'bob', reason: 'issuer_not_allowed' },
          ],
        },
      },
    ],
  });
  render(<Import />);
  choose(codes());
  await screen.findByTestId('import-preview');
  fireEvent.click(screen.getByTestId('import-commit'));
  const refused = await screen.findByTestId('import-done-refused');
  // The preview's form is gone: the outcome takes the focus, and is read out.
  expect(document.activeElement).toBe(screen.getByTestId('import-done-outcome'));
  expect(refused.textContent).toContain('2 entries were not imported:');
  expect(refused.textContent).toContain('Contoso (bob): Your organisation does not allow');
  expect(screen.getAllByRole('listitem')).toHaveLength(2);
});

vi.mock('../../options/image-to-png', () => ({
  imageToPngBase64: () => Promise.resolve('iVBORw0KGgo='),
}));

it('says how many accounts of screenshots the organisation refused', async () => {
  const account = {
    pendingId: 'p1',
    issuer: 'Contoso',
    account: 'bob',
    type: 'totp',
    digits: 6,
    period: 30,
    warnings: [],
    duplicate: null,
  };
  answer({
    scanImage: [
      {
        ok: true,
        value: {
          decoder: 'zxing',
          site: '',
          findings: [
            {
              kind: 'google-export',
              batchId: 1,
              scanned: 1,
              size: 1,
              missing: [],
              repeated: false,
              accounts: [account, { ...account, pendingId: 'p2', issuer: 'GitHub' }],
              unreadable: 0,
            },
          ],
        },
      },
    ],
    importScanned: [{ ok: true, value: { added: 1, skipped: 0, refused: 1 } }],
  });
  render(<Import />);
  choose(new File(['png'], 'transfer.png', { type: 'image/png' }));
  fireEvent.click(await screen.findByTestId('import-export'));
  const done = await screen.findByTestId('import-done');
  expect(done.textContent).toContain(
    'Not added: 1 account from an issuer your organisation does not allow.',
  );
});

const opened = (preview: ImportPreview) => ({
  ok: true,
  value: { format: 'otpauth_list', needsPassword: false, preview },
});

it('leaves a preview whose accounts are gone (Otter locked), and offers to read the file again', async () => {
  const asked = answer({
    importFile: [opened(previewWith('gh', 'GitHub')), opened(previewWith('gh', 'GitHub'))],
    importCommit: [{ ok: false, error: { code: 'import_expired' } }],
  });
  render(<Import />);
  choose(codes());
  await screen.findByTestId('import-preview');
  fireEvent.click(screen.getByTestId('import-commit'));
  await screen.findByText(/Otter was locked.*Nothing was imported/);
  // No Import button left that could only fail again; the focus is on the way on.
  expect(screen.queryByTestId('import-preview')).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Read the file again' }));
  fireEvent.click(screen.getByRole('button', { name: 'Read the file again' }));
  await screen.findByTestId('import-preview');
  expect(asked.map((m) => m.type)).toEqual(['importFile', 'importCommit', 'importFile']);
  expect(screen.queryByTestId('error')).toBeNull();
});

it('says, once back, that an import left midway (Otter locked) imported nothing', async () => {
  const asked = answer({ importFile: [opened(previewWith('gh', 'GitHub'))] });
  const first = render(<Import />);
  choose(codes());
  await screen.findByTestId('import-preview');
  // Locked: the page shows the unlock form in place of the section.
  first.unmount();
  await waitFor(() =>
    expect(asked.at(-1)).toMatchObject({ type: 'importDiscard', payload: { importId: 'imp' } }),
  );
  render(<Import />);
  expect(screen.getByTestId('import-unfinished').textContent).toBe(
    'The import of codes.txt was not finished (Otter locked, or you left this page), so nothing was imported from it. Choose the file again to import it.',
  );
  // Said once.
  cleanup();
  render(<Import />);
  expect(screen.queryByTestId('import-unfinished')).toBeNull();
});

it('offers no Cancel while the import is written (an encrypted file that opens may be cancelled)', async () => {
  let answer: (reply: unknown) => void = () => undefined;
  const replies: unknown[] = [
    { ok: true, value: { format: 'aegis', needsPassword: true, preview: null } },
  ];
  sendMessage.mockImplementation((envelope) =>
    (envelope as { type: string }).type === 'status'
      ? Promise.resolve({ ok: false, error: { code: 'bad_request' } })
      : replies.length > 0
        ? Promise.resolve(replies.shift())
        : new Promise((resolve) => {
            answer = resolve;
          }),
  );
  render(<Import />);
  choose(new File(['{}'], 'aegis.json'));
  fireEvent.input(await screen.findByLabelText(/password/i), { target: { value: 'secret' } });
  fireEvent.click(screen.getByRole('button', { name: 'Open file' }));
  // Cancel works here (test/ui/import-cancel-open.test.tsx).
  await screen.findByText('Opening the file…');
  expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Cancel' }).disabled).toBe(false);
  answer(opened(previewWith('gh', 'GitHub')));
  fireEvent.click(await screen.findByTestId('import-commit'));
  await waitFor(() =>
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Cancel' }).disabled).toBe(true),
  );
});

it('puts the focus on the way on when a file cannot be read', async () => {
  answer({ importFile: [{ ok: false, error: { code: 'import_unrecognised' } }] });
  render(<Import />);
  choose(codes());
  await screen.findByTestId('error');
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import another file' }));
});

it('does not call a preview up to date when previewing again failed', async () => {
  answer({
    importFile: [opened(previewWith('gh', 'GitHub'))],
    importCommit: [{ ok: false, error: { code: 'import_preview_stale' } }],
    importPreview: [{ ok: false, error: { code: 'import_expired' } }],
  });
  render(<Import />);
  choose(codes());
  await screen.findByTestId('import-preview');
  fireEvent.click(screen.getByTestId('import-commit'));
  await screen.findByText(/Otter was locked.*Nothing was imported/);
  expect(screen.queryByText(/The list below is up to date now/)).toBeNull();
  expect(screen.queryByTestId('import-preview')).toBeNull();
  expect(screen.getByRole('button', { name: 'Read the file again' })).toBeTruthy();
});

it('claims nothing of screenshots left midway: an account of one is saved as soon as it is added', async () => {
  answer({
    scanImage: [{ ok: true, value: { decoder: 'zxing', site: '', findings: [] } }],
  });
  const first = render(<Import />);
  choose(new File(['png'], 'qr.png', { type: 'image/png' }));
  await waitFor(() =>
    expect(sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'scanImage' })),
  );
  await act(() => {
    first.unmount();
  });
  render(<Import />);
  expect(screen.queryByTestId('import-unfinished')).toBeNull();
});
