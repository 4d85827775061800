// @vitest-environment happy-dom
/**
 * The add flow while the worker is still answering (the review of the add flows): a second
 * click cannot save the account twice, and Cancel cannot leave the flow while a save it would
 * not undo is on its way (the account would be saved behind the user's back). The worker is a
 * stub whose answers wait until the test releases them.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply, ScannedAccount } from '../../src/messages/protocol';
import { AddFlow } from '../../ui/add/AddFlow';
import { ManualEntryForm } from '../../ui/add/ManualEntryForm';
import { ScanResults } from '../../ui/add/ScanResults';
import { accountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const found: ScannedAccount = {
  pendingId: 'p1',
  issuer: 'GitHub',
  account: 'kim',
  type: 'totp',
  digits: 6,
  period: 30,
  warnings: [],
  duplicate: null,
};
const existing = { id: 'old', issuer: 'GitHub', account: 'kim' };
const duplicate = { ok: true, value: { status: 'duplicate', existing, reasons: ['same_secret'] } };
const added = { ok: true, value: { status: 'added', account: accountView({ account: 'kim' }) } };

/**
 * The worker: `answers` by request name, each held until `release()`; anything else answers
 * ok({}) at once.
 */
function slowWorker(answers: Record<string, unknown[]>) {
  const waiting: (() => void)[] = [];
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    const queue = answers[type];
    if (queue === undefined || queue.length === 0) return Promise.resolve({ ok: true, value: {} });
    const answer = queue.shift();
    return new Promise((resolve) => waiting.push(() => resolve(answer)));
  });
  return {
    release: async () => {
      await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
      waiting.shift()!();
    },
  };
}
const sent = (type: string) =>
  sendMessage.mock.calls
    .map(([e]) => e as { type: string; payload: unknown })
    .filter((e) => e.type === type)
    .map((e) => e.payload);

const report = (): Promise<Reply<'scanTab'>> =>
  Promise.resolve({
    ok: true,
    value: { decoder: 'zxing', site: '', findings: [{ kind: 'account', ...found }] },
  });

function scanned(onClose = vi.fn()) {
  render(
    <AddFlow
      site=""
      noneFound="scanNoneFound"
      onClose={onClose}
      start={(a) => (
        <button type="button" onClick={() => a.scan(report)}>
          Scan
        </button>
      )}
    />,
  );
  fireEvent.click(screen.getByText('Scan'));
  return onClose;
}

describe('a scanned account while its save is on its way', () => {
  it('answers the duplicate question once, however often it is clicked', async () => {
    const worker = slowWorker({ addScanned: [duplicate, added, added] });
    scanned();
    fireEvent.click(await screen.findByRole('button', { name: 'Save account' }));
    await worker.release();
    const keep = await screen.findByRole('button', { name: 'Keep both' });
    fireEvent.click(keep);
    await waitFor(() => expect(keep).toHaveProperty('disabled', true));
    fireEvent.click(keep);
    fireEvent.click(screen.getByRole('button', { name: 'Replace it (the old one goes to Trash)' }));
    await worker.release();
    await screen.findByText('Account added');
    expect(sent('addScanned')).toEqual([
      { pendingId: 'p1', issuer: 'GitHub', account: 'kim' },
      { pendingId: 'p1', issuer: 'GitHub', account: 'kim', onDuplicate: 'keep_both' },
    ]);
  });

  it('cannot be cancelled midway: the user sees the account saved, not a list without it', async () => {
    const worker = slowWorker({ addScanned: [added] });
    const onClose = scanned();
    fireEvent.click(await screen.findByRole('button', { name: 'Save account' }));
    const cancel = screen.getByTestId('confirm-back');
    await waitFor(() => expect(cancel).toHaveProperty('disabled', true));
    fireEvent.click(cancel);
    expect(onClose).not.toHaveBeenCalled();
    await worker.release();
    await screen.findByText('Account added');
  });
});

describe('a typed key while its save is on its way', () => {
  function typed() {
    const onCancel = vi.fn();
    render(<ManualEntryForm site="" onAdded={vi.fn()} onReport={vi.fn()} onCancel={onCancel} />);
    fireEvent.input(screen.getByLabelText('Secret key or otpauth:// link'), {
      target: { value: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
    });
    fireEvent.input(screen.getByLabelText('Service'), { target: { value: 'GitHub' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    return onCancel;
  }

  it('answers the duplicate question once, however often it is clicked', async () => {
    const worker = slowWorker({ addAccount: [duplicate, added, added] });
    typed();
    await worker.release();
    const keep = await screen.findByRole('button', { name: 'Keep both' });
    fireEvent.click(keep);
    await waitFor(() => expect(keep).toHaveProperty('disabled', true));
    fireEvent.click(keep);
    await worker.release();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(sent('addAccount').map((p) => (p as { onDuplicate?: string }).onDuplicate)).toEqual([
      undefined,
      'keep_both',
    ]);
  });

  it('comes back from the duplicate question’s Cancel with the focus on the key', async () => {
    const worker = slowWorker({ addAccount: [duplicate] });
    typed();
    await worker.release();
    await screen.findByRole('alertdialog');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const key = await screen.findByLabelText('Secret key or otpauth:// link');
    await waitFor(() => expect(document.activeElement).toBe(key));
  });

  it('cannot be cancelled midway', async () => {
    const worker = slowWorker({ addAccount: [added] });
    const onCancel = typed();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(cancel).toHaveProperty('disabled', true));
    fireEvent.click(cancel);
    expect(onCancel).not.toHaveBeenCalled();
    await worker.release();
  });
});

describe('a complete Google export while its import is on its way', () => {
  it('cannot be cancelled or scanned again midway, and is imported once', async () => {
    const worker = slowWorker({
      importScanned: [{ ok: true, value: { added: 2, skipped: 0, refused: 0 } }],
    });
    const onCancel = vi.fn();
    const onRescan = vi.fn();
    const onImported = vi.fn();
    render(
      <ScanResults
        report={{
          decoder: 'zxing',
          site: '',
          findings: [
            {
              kind: 'google-export',
              batchId: 5,
              scanned: 2,
              size: 2,
              missing: [],
              repeated: false,
              accounts: [found, { ...found, pendingId: 'p2', account: 'robin' }],
              unreadable: 0,
            },
          ],
        }}
        noneFound="scanNoneFound"
        onAdded={() => {}}
        onImported={onImported}
        onRescan={onRescan}
        onManual={() => {}}
        onCancel={onCancel}
      />,
    );
    fireEvent.click(screen.getByTestId('import-export'));
    const cancel = screen.getByTestId('scan-cancel');
    await waitFor(() => expect(cancel).toHaveProperty('disabled', true));
    fireEvent.click(cancel);
    fireEvent.click(screen.getByTestId('rescan'));
    expect(onCancel).not.toHaveBeenCalled();
    expect(onRescan).not.toHaveBeenCalled();
    await worker.release();
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(2, 0, 0));
    expect(sent('importScanned')).toHaveLength(1);
  });
});

describe('a scan that expired before Save (too old, or Otter locked meanwhile)', () => {
  const expired = { ok: false, error: { code: 'scan_expired' } };

  it('offers to scan again right there, instead of a Save that can only fail again', async () => {
    sendMessage.mockImplementation((envelope) =>
      Promise.resolve(
        (envelope as { type: string }).type === 'addScanned' ? expired : { ok: true, value: {} },
      ),
    );
    const read = vi.fn(report);
    render(
      <AddFlow
        site=""
        noneFound="scanNoneFound"
        onClose={vi.fn()}
        start={(a) => (
          <button type="button" onClick={() => a.scan(read, { repeatable: true })}>
            Scan
          </button>
        )}
      />,
    );
    fireEvent.click(screen.getByText('Scan'));
    fireEvent.click(await screen.findByRole('button', { name: 'Save account' }));
    const again = await screen.findByRole('button', { name: 'Scan again' });
    expect(document.activeElement).toBe(again);
    expect(screen.queryByRole('button', { name: 'Save account' })).toBeNull();
    fireEvent.click(again);
    await waitFor(() => expect(read).toHaveBeenCalledTimes(2));
  });

  it('says to paste a pasted link again, not to scan a code', async () => {
    sendMessage.mockImplementation((envelope) =>
      Promise.resolve(
        (envelope as { type: string }).type === 'addScanned' ? expired : { ok: true, value: {} },
      ),
    );
    render(
      <ScanResults
        report={{ decoder: 'link', site: '', findings: [{ kind: 'account', ...found }] }}
        noneFound="scanNoneFound"
        againLabel="pasteAnotherButton"
        onAdded={() => {}}
        onImported={() => {}}
        onRescan={() => {}}
        onManual={() => {}}
        onCancel={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('Paste it again');
    expect(error.textContent).not.toMatch(/scan/i);
    expect(screen.getByRole('button', { name: 'Paste another link' })).toBeTruthy();
  });

  it('says the same of a pasted Google export link whose accounts expired before Import', async () => {
    sendMessage.mockImplementation((envelope) =>
      Promise.resolve(
        (envelope as { type: string }).type === 'importScanned' ? expired : { ok: true, value: {} },
      ),
    );
    const exported = {
      kind: 'google-export' as const,
      batchId: 5,
      scanned: 1,
      size: 1,
      missing: [],
      repeated: false,
      accounts: [found],
      unreadable: 0,
    };
    render(
      <ScanResults
        report={{ decoder: 'link', site: '', findings: [exported] }}
        noneFound="scanNoneFound"
        againLabel="pasteAnotherButton"
        onAdded={() => {}}
        onImported={() => {}}
        onRescan={() => {}}
        onManual={() => {}}
        onCancel={() => {}}
      />,
    );
    fireEvent.click(screen.getByTestId('import-export'));
    expect((await screen.findByRole('alert')).textContent).toContain('Paste it again');
  });
});
