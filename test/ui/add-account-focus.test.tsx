// @vitest-environment happy-dom
/**
 * The popup's Add account view puts the focus on its first choice that can be used: Scan over a
 * tab with an id, and typing the key when there is no tab to capture, where Scan is disabled
 * (a review, 2026-12).
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { AddAccount } from '../../popup/AddAccount';
import type { ActiveTab } from '../../popup/active-tab';

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
