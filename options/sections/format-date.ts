/** Dates as the browser's UI language writes them. */
import { uiLanguage } from '../../src/i18n';

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(ms);
}

export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    ms,
  );
}
