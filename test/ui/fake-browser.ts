/**
 * The extension API for component tests (happy-dom): chrome.i18n from the English catalogue, with
 * Chrome's placeholder rules, and a runtime.sendMessage each test can answer. Tests replace
 * src/platform/browser with this (vi.mock), as src/platform/browser.ts intends.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const catalogue = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  Entry
>;

function getMessage(key: string, substitutions: string[] = []): string {
  const entry = catalogue[key];
  if (entry === undefined) return '';
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

export const sendMessage = vi.fn<(envelope: unknown) => Promise<unknown>>();

export default {
  i18n: { getMessage, getUILanguage: () => 'en' },
  runtime: { sendMessage, getURL: (path: string) => path },
  // Pages listen for managed-policy changes (ui/use-policy.ts); none happen in these tests.
  storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
};
