/**
 * Every user-facing string goes through here. Keys are checked against the English catalogue at
 * compile time; a unit test checks that every locale has every key with the same placeholders.
 */
import type catalogue from '../public/_locales/en/messages.json';
import type { AppError } from './errors';
import { getMessage, getUiLanguage } from './platform/i18n';

export type MessageKey = keyof typeof catalogue;

export function t(key: MessageKey, ...substitutions: string[]): string {
  // An empty answer means a missing key: show the key rather than nothing, so it gets noticed.
  return getMessage(key, substitutions) || key;
}

/** The translated message for an error code (and its position, where it has one). */
export function errorText(error: AppError): string {
  if (error.code === 'secret_invalid_char') {
    const position = String(error.position ?? 1);
    return t(
      error.digitHint ? 'error_secret_invalid_char_digit' : 'error_secret_invalid_char',
      position,
    );
  }
  return t(`error_${error.code}`);
}

/** The UI language Chrome chose for the extension (the locale folder in use). */
export function uiLanguage(): string {
  return getUiLanguage();
}
