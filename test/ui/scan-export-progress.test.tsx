// @vitest-environment happy-dom
/**
 * A Google export scanned in part: the user is told which of its codes are still to scan, so a
 * code skipped (or scanned out of order) is found without scanning them all again.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScanFinding } from '../../src/messages/protocol';
import { ScanResults } from '../../ui/add/ScanResults';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(cleanup);

function progress(scanned: number, size: number, missing: number[]): ScanFinding {
  return {
    kind: 'google-export',
    batchId: 5,
    scanned,
    size,
    missing,
    repeated: false,
    accounts: null,
    unreadable: 0,
  };
}

function show(finding: ScanFinding) {
  render(
    <ScanResults
      report={{ decoder: 'zxing', site: '', findings: [finding] }}
      noneFound="scanNoneFound"
      onAdded={() => {}}
      onImported={() => {}}
      onRescan={() => {}}
      onManual={() => {}}
      onCancel={() => {}}
    />,
  );
}

describe('a Google export scanned in part', () => {
  it.each<[string, ScanFinding, string]>([
    ['one code missing', progress(2, 3, [0]), 'Still to scan: code 1.'],
    ['two codes missing', progress(1, 3, [0, 2]), 'Still to scan: codes 1 and 3.'],
    ['three codes missing', progress(2, 5, [1, 2, 4]), 'Still to scan: codes 2, 3, and 5.'],
  ])('%s: names them, counted from 1', (_, finding, text) => {
    show(finding);
    expect(screen.getByTestId('export-progress').textContent).toMatch(/^\d of \d codes scanned\./);
    expect(screen.getByTestId('export-missing').textContent).toBe(text);
  });
});
