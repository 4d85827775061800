// @vitest-environment happy-dom
/**
 * A file in which nothing can be imported (every entry refused, as a Google export of damaged
 * entries): the reasons, a line that says so, and a way on, not a disabled "Import 0 accounts".
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { ImportPreviewForm } from '../../options/sections/ImportPreviewForm';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
afterEach(cleanup);

it('offers no Import for a file with nothing importable, and says why', () => {
  const onCommit = vi.fn();
  const onCancel = vi.fn();
  render(
    <ImportPreviewForm
      preview={{
        importId: 'i1',
        format: 'google_migration',
        encrypted: false,
        accounts: [],
        refused: [
          {
            index: 1,
            issuer: 'Example',
            account: 'kim',
            reason: 'algorithm_unsupported',
            detail: 'MD5',
          },
          { index: 2, issuer: '', account: '', reason: 'secret_missing' },
        ],
        now: Date.now(),
      }}
      busy={false}
      onCommit={onCommit}
      onCancel={onCancel}
    />,
  );
  expect(screen.getByTestId('import-refused').querySelectorAll('li')).toHaveLength(2);
  expect(screen.queryByTestId('import-commit')).toBeNull();
  expect(screen.getByTestId('import-nothing').textContent).toBe(
    'Nothing in this file can be imported: the reason for each entry is above.',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Done' }));
  expect(onCancel).toHaveBeenCalledTimes(1);
  expect(onCommit).not.toHaveBeenCalled();
});

it('names the accounts the policy refuses without an entry number the file does not use', () => {
  render(
    <ImportPreviewForm
      preview={{
        importId: 'i1',
        format: 'bitwarden',
        encrypted: false,
        accounts: [],
        refused: [
          // The file's own refusal: its item 2.
          { index: 2, issuer: 'Broken', account: 'carol', reason: 'secret_missing' },
          // The second account read (item 3 of the file): numbered among the accounts read.
          { index: 2, issuer: 'Contoso', account: 'bob', reason: 'issuer_not_allowed' },
        ],
        now: Date.now(),
      }}
      busy={false}
      onCommit={() => undefined}
      onCancel={() => undefined}
    />,
  );
  const items = [...screen.getByTestId('import-refused').querySelectorAll('li')];
  expect(items.map((li) => li.textContent)).toEqual([
    expect.stringMatching(/^Entry 2 \(Broken \(carol\)\): /),
    'Contoso (bob): Your organisation does not allow accounts from this issuer.',
  ]);
});
