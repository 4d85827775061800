/**
 * The layers check themselves: on the real tree every rule holds, and on a deliberate violation
 * each rule — the lint zones (eslint.architecture.js) and the source checks (scripts/architecture.ts)
 * — fails. Rules that only live in a document drift; these run in `npm test`.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { architecture } from '../eslint.architecture.js';
import {
  extensionApiOutsidePlatform,
  importViolations,
  MAX_LINES,
  oversizedFiles,
  readShipped,
  type SourceFile,
} from '../scripts/architecture';
import { HANDLERS } from '../background/handlers';
import { REQUESTS } from '../src/messages/requests';

const root = resolve(import.meta.dirname, '..');
const shipped = readShipped(root);

describe('the real tree', () => {
  it(`has no shipped file over ${MAX_LINES} lines`, () => {
    expect(oversizedFiles(shipped)).toEqual([]);
  });

  it('calls the extension API only in src/platform/', () => {
    expect(extensionApiOutsidePlatform(shipped)).toEqual([]);
  });

  it('imports only downward: core never up, pages never to secrets, fill alone', () => {
    expect(importViolations(shipped)).toEqual([]);
  });

  it('has one row in the request table for each handler, and a handler for each row', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(REQUESTS).sort());
  });
});

describe('each source check fails on a deliberate violation', () => {
  const file = (path: string, text: string): SourceFile => ({ path, text });

  it('a file of 401 lines', () => {
    const long = file('src/otp/long.ts', 'x;\n'.repeat(MAX_LINES + 1));
    expect(oversizedFiles([long])).toEqual(['src/otp/long.ts: 401 lines']);
  });

  it('chrome.* and browser.* outside src/platform/, not in comments or in platform', () => {
    const calls = file('background/x.ts', 'await chrome.tabs.get(1);\nbrowser.runtime.id;\n');
    const prose = file('background/y.ts', '// chrome.tabs.get\n/* browser.storage */\n');
    const platform = file('src/platform/tabs.ts', 'chrome.tabs.get(1);\n');
    expect(extensionApiOutsidePlatform([calls, prose, platform])).toEqual([
      'background/x.ts:1',
      'background/x.ts:2',
    ]);
  });

  it.each([
    ['src/otp/x.ts', "import { h } from '../../popup/App';", 'popup/App'],
    ['src/vault/x.ts', "import { ready } from '../../background/context';", 'background/context'],
    ['ui/x.tsx', "import { Vault } from '../src/vault/vault';", 'src/vault/vault'],
    ['options/sections/x.tsx', "import { seal } from '../../src/crypto/aead';", 'src/crypto/aead'],
    ['popup/x.tsx', "import { HANDLERS } from '../background/handlers';", 'background/handlers'],
    ['background/x.ts', "import { App } from '../popup/App';", 'popup/App'],
    ['src/fill/x.ts', "import { t } from '../i18n';", 'src/i18n'],
  ])('%s importing %s', (path, text, target) => {
    const [violation] = importViolations([file(path, text)]);
    expect(violation).toContain(`${path} → ${target}`);
  });
});

describe('each lint zone fails on a deliberate violation', () => {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
      ...architecture,
    ],
  });

  async function lint(path: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }

  it.each([
    ['src/otp/x.ts', "import { App } from '../../popup/App';", 'never imports the worker'],
    ['src/otp/x.ts', "import { h } from 'preact';", 'no UI framework'],
    ['src/otp/x.ts', 'void chrome.tabs.get(1);', 'through src/platform/'],
    ['src/otp/x.ts', "import browser from 'webextension-polyfill';", 'through src/platform/'],
    ['ui/x.tsx', "import { Vault } from '../src/vault/vault';", 'Pages never hold secrets'],
    ['popup/x.tsx', "import { seal } from '../src/crypto/aead';", 'Pages never hold secrets'],
    ['options/x.tsx', "import b from '../src/platform/browser';", 'call its functions instead'],
    ['background/x.ts', "import { App } from '../popup/App';", 'never imports pages'],
    ['background/x.ts', 'void browser.runtime.id;', 'through src/platform/'],
    ['src/fill/x.ts', "import { t } from '../i18n';", 'imports nothing outside'],
    ['src/backup/x.ts', "import { openDB } from 'idb';", 'Only src/vault/store.ts'],
  ])('%s: %s', async (path, code, message) => {
    const messages = await lint(path, code);
    expect(messages.join('\n')).toContain(message);
  });

  it('lets each layer do what it may', async () => {
    expect(await lint('src/platform/x.ts', 'void chrome.tabs.get(1);')).toEqual([]);
    expect(await lint('src/vault/store.ts', "import { openDB } from 'idb';")).toEqual([]);
    expect(await lint('src/fill/x.ts', "import { scan } from './scan-page';")).toEqual([]);
    expect(await lint('popup/x.tsx', "import { send } from '../src/messages/client';")).toEqual([]);
  });
});
