// @vitest-environment happy-dom
/**
 * AllowedIssuers entries Otter cannot use (not text, too long, past the limit) are named by
 * number in the settings page's policy summary, where the other policy problems are, so an
 * administrator checking a client sees that a pattern had no effect. A list with no usable entry
 * refuses every issuer (fail closed), and the summary says so.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { PolicySummary } from '../../options/sections/PolicySummary';
import { ISSUER_PATTERN_LIMITS } from '../../src/policy/issuers';
import { parsePolicy } from '../../src/policy/policy';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(cleanup);

const long = 'x'.repeat(ISSUER_PATTERN_LIMITS.maxLength + 1);

it('names the unusable entries of an otherwise good list, and shows the usable ones', () => {
  render(<PolicySummary policy={parsePolicy({ AllowedIssuers: ['Contoso*', 7, long] })} />);
  expect(screen.getByTestId('policy-AllowedIssuers').textContent).toContain('contoso*');
  expect(screen.getByTestId('policy-ignored-issuers').textContent).toBe(
    'Otter ignores 2 entries in the list of allowed issuers (numbers 2 and 3): each is not text, or longer than 200 characters.',
  );
  expect(screen.queryByTestId('policy-ignored')).toBeNull();
});

it('one unusable entry, in the singular', () => {
  render(<PolicySummary policy={parsePolicy({ AllowedIssuers: [null, 'GitHub'] })} />);
  expect(screen.getByTestId('policy-ignored-issuers').textContent).toBe(
    'Otter ignores 1 entry in the list of allowed issuers (number 1): it is not text, or longer than 200 characters.',
  );
});

it('says that entries past the limit are not read', () => {
  const many = Array.from({ length: ISSUER_PATTERN_LIMITS.maxPatterns + 2 }, (_, i) => `p${i}`);
  render(<PolicySummary policy={parsePolicy({ AllowedIssuers: many })} />);
  expect(screen.getByTestId('policy-issuers-over-limit').textContent).toBe(
    'Otter reads only the first 500 entries in the list of allowed issuers: 2 more entries are ignored.',
  );
});

it('a list with no usable entry allows no issuer, and says so', () => {
  const policy = parsePolicy({ AllowedIssuers: [long, 1] });
  render(<PolicySummary policy={policy} />);
  expect(screen.getByTestId('policy-AllowedIssuers').textContent).toContain(
    'None: no entry in the list is usable, so every issuer is refused',
  );
  expect(screen.getByTestId('policy-ignored-issuers').textContent).toContain('(numbers 1 and 2)');
});

it('a good list shows no problem', () => {
  render(<PolicySummary policy={parsePolicy({ AllowedIssuers: ['Contoso*'] })} />);
  expect(screen.queryByTestId('policy-ignored-issuers')).toBeNull();
  expect(screen.queryByTestId('policy-issuers-over-limit')).toBeNull();
});
