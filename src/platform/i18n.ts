/** The browser's message catalogue (`_locales/<lang>/messages.json`) and UI language. */
import browser from './browser';

export function getMessage(key: string, substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

export function getUiLanguage(): string {
  return browser.i18n.getUILanguage();
}
