// @vitest-environment happy-dom
/**
 * The popup's Add account view puts the focus on its first choice that can be used: Scan over a
 * tab with an id, and typing the key when there is no tab to capture, where Scan is disabled
 * (a review, 2026-12). So does each view of the flow after it (the review of the add flows).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddAccount } from '../../popup/AddAccount';
import type { ActiveTab } from '../../popup/active-tab';
import type { ScanFinding, ScannedAccount } from '../../src/messages/protocol';
import { AddFlow } from '../../ui/add/AddFlow';
import { ScanResults } from '../../ui/add/ScanResults';
import { VerifyCode } from '../../ui/add/VerifyCode';
import { accountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(cleanup);

const show = (tab: ActiveTab) => render(<AddAccount tab={tab} onClose={() => undefined} />);

it('focuses Scan over a page it can scan', () => {
  show({ id: 7, site: 'https://github.com', url: 'https://github.com/settings' });
  expect(document.activeElement).toBe(screen.getByTestId('scan'));
});

it('focuses typing the key over a tab with no id, where Scan is disabled', () => {
  show({ id: null, site: '', url: null });
  expect(screen.getByTestId<HTMLButtonElement>('scan').disabled).toBe(true);
  expect(document.activeElement).toBe(screen.getByTestId('manual'));
  expect(screen.getByTestId('scan').hasAttribute('autofocus')).toBe(false);
});

/** What a scan found, shown by the flow's results view. */
function results(...findings: ScanFinding[]) {
  render(
    <ScanResults
      report={{ decoder: 'zxing', site: '', findings }}
      noneFound="scanNoneFound"
      onAdded={() => {}}
      onImported={() => {}}
      onRescan={() => {}}
      onManual={() => {}}
      onCancel={() => {}}
    />,
  );
}
const account = (pendingId: string, issuer: string): ScanFinding => ({
  kind: 'account',
  pendingId,
  issuer,
  account: 'kim',
  type: 'totp',
  digits: 6,
  period: 30,
  warnings: [],
  duplicate: null,
});

// The Scan button the user pressed is gone once the results show: without a focus of their own
// the focus fell to the page's body, and a keyboard user started again from the top.
describe('the results of a scan', () => {
  it('focus the first account to pick among several', () => {
    results(account('p1', 'GitHub'), account('p2', 'GitLab'));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'GitHub (kim)' }));
  });

  it('focus Scan again, and say the progress, when an export still misses codes', () => {
    results({
      kind: 'google-export',
      batchId: 5,
      scanned: 1,
      size: 2,
      missing: [1],
      repeated: false,
      accounts: null,
      unreadable: 0,
    });
    expect(document.activeElement).toBe(screen.getByTestId('rescan'));
    expect(screen.getByTestId('export-progress').getAttribute('role')).toBe('status');
  });

  it('focus Import once an export is complete', () => {
    results({
      kind: 'google-export',
      batchId: 5,
      scanned: 1,
      size: 1,
      missing: [],
      repeated: false,
      accounts: [account('p1', 'GitHub') as ScannedAccount],
      unreadable: 0,
    });
    expect(document.activeElement).toBe(screen.getByTestId('import-export'));
  });

  it('focus Scan again, and say what the codes were, when none was an account', () => {
    results({ kind: 'other', what: 'url', detail: 'example.com' });
    expect(document.activeElement).toBe(screen.getByTestId('rescan'));
    expect(screen.getByText(/a link to example\.com/).getAttribute('role')).toBe('status');
  });
});

describe('the new account’s code', () => {
  it('is a region named “Account added”, with the focus on Copy', () => {
    const now = Date.now();
    render(
      <VerifyCode
        account={accountView({ validFrom: now - 5_000, validUntil: now + 25_000 })}
        onDone={() => {}}
      />,
    );
    expect(screen.getByRole('region', { name: 'Account added' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('verify-copy'));
  });

  it('puts the focus on making the first code of a counter-based account', () => {
    render(
      <VerifyCode account={accountView({ type: 'hotp', validUntil: null })} onDone={() => {}} />,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New code' }));
  });

  it('after a Google export’s import, focus Done under the count', async () => {
    sendMessage.mockImplementation((envelope) =>
      Promise.resolve(
        (envelope as { type: string }).type === 'importScanned'
          ? { ok: true, value: { added: 1, skipped: 0, refused: 0 } }
          : { ok: true, value: {} },
      ),
    );
    const exported: ScanFinding = {
      kind: 'google-export',
      batchId: 5,
      scanned: 1,
      size: 1,
      missing: [],
      repeated: false,
      accounts: [account('p1', 'GitHub') as ScannedAccount],
      unreadable: 0,
    };
    render(
      <AddFlow
        site=""
        noneFound="scanNoneFound"
        onClose={() => {}}
        start={(a) => (
          <button
            type="button"
            onClick={() =>
              a.scan(() =>
                Promise.resolve({
                  ok: true,
                  value: { decoder: 'zxing', site: '', findings: [exported] },
                }),
              )
            }
          >
            Scan
          </button>
        )}
      />,
    );
    fireEvent.click(screen.getByText('Scan'));
    fireEvent.click(await screen.findByTestId('import-export'));
    await screen.findByText('1 account imported, 0 skipped.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Done' }));
  });
});
