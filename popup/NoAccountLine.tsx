import { t } from '../src/i18n';

/**
 * The line at the top of the list when no account belongs to the page: the page's host, so the
 * user sees what Otter compared, and that Enter will copy rather than fill.
 */
export function NoAccountLine({ host }: { readonly host: string }) {
  return (
    <p class="no-account" data-testid="no-account">
      <strong>{t('noAccountForPage', host)}</strong>{' '}
      <span class="muted small">{t('noAccountForPageHint')}</span>
    </p>
  );
}
