// @ts-check
/**
 * The layer rules, as lint rules (Bitwarden's `no-restricted-paths` idea): a rule that lives only
 * in a document drifts, a rule in the linter holds. test/architecture.test.ts shows each one
 * failing on a deliberate violation, and checks what a linter cannot (file sizes, the request
 * table, extension API calls).
 *
 * - The core (`src/`) never imports the worker or the pages, nor a UI framework.
 * - Pages (`popup/`, `options/`, `ui/`, `offscreen/`) never import the vault or the crypto: secrets
 *   stay in the worker; pages talk to it through src/messages/client.ts.
 * - The injected fill code (`src/fill/`) imports nothing outside its folder: it runs in web pages.
 * - Only `src/platform/` touches the extension API (`chrome`, `browser`, the polyfill).
 * - Only `src/vault/store.ts` touches IndexedDB.
 */

const IDB = { name: 'idb', message: 'Only src/vault/store.ts touches IndexedDB.' };
const POLYFILL = {
  name: 'webextension-polyfill',
  message: 'Call the extension API through src/platform/.',
};
const PLATFORM_BROWSER = {
  group: ['**/platform/browser', '**/platform/browser.ts'],
  message: 'Only src/platform/ uses the extension API object; call its functions instead.',
};
const NOT_PAGES = {
  group: ['**/background/**', '**/popup/**', '**/options/**', '**/ui/**', '**/offscreen/**'],
  message: 'The core (src/) never imports the worker or the pages.',
};
const NO_UI_FRAMEWORK = {
  group: ['preact', 'preact/*', '@preact/*'],
  message: 'The core (src/) has no UI framework code: components live in ui/, popup/, options/.',
};
const NOT_SECRETS = {
  group: ['**/src/vault/**', '**/src/crypto/**', '**/background/**'],
  message: 'Pages never hold secrets: ask the worker through src/messages/client.ts.',
};
const FILL_ALONE = {
  group: ['../*', '../**'],
  message: 'src/fill/ runs in web pages: it imports nothing outside its own folder.',
};

const EXTENSION_GLOBALS = [
  { name: 'chrome', message: 'Call the extension API through src/platform/.' },
  { name: 'browser', message: 'Call the extension API through src/platform/.' },
];
const IDB_GLOBAL = { name: 'indexedDB', message: 'Only src/vault/store.ts touches IndexedDB.' };

/** One zone: its files, what they may not import (paths and patterns), and globals. */
function zone(files, { paths = [], patterns = [], globals = [], ignores = [] }) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
      // Severity alone would keep an earlier zone's list (flat config merges options): say 'off'.
      'no-restricted-globals': globals.length === 0 ? 'off' : ['error', ...globals],
    },
  };
}

/** Later entries override earlier ones for the same file: the most specific zone comes last. */
export const architecture = [
  zone(['src/**'], {
    paths: [IDB, POLYFILL],
    patterns: [NOT_PAGES, NO_UI_FRAMEWORK, PLATFORM_BROWSER],
    globals: [...EXTENSION_GLOBALS, IDB_GLOBAL],
  }),
  zone(['src/fill/**'], {
    paths: [IDB, POLYFILL],
    patterns: [FILL_ALONE, NOT_PAGES, NO_UI_FRAMEWORK],
    globals: [...EXTENSION_GLOBALS, IDB_GLOBAL],
  }),
  zone(['src/platform/**'], { paths: [IDB], patterns: [NOT_PAGES, NO_UI_FRAMEWORK] }),
  zone(['src/vault/store.ts'], {
    paths: [POLYFILL],
    patterns: [NOT_PAGES, NO_UI_FRAMEWORK, PLATFORM_BROWSER],
    globals: EXTENSION_GLOBALS,
  }),
  zone(['background/**'], {
    paths: [IDB, POLYFILL],
    patterns: [
      {
        group: ['**/popup/**', '**/options/**', '**/ui/**'],
        message: 'The worker never imports pages.',
      },
      PLATFORM_BROWSER,
    ],
    globals: [...EXTENSION_GLOBALS, IDB_GLOBAL],
  }),
  zone(['popup/**', 'options/**', 'ui/**', 'offscreen/**'], {
    paths: [IDB, POLYFILL],
    patterns: [NOT_SECRETS, PLATFORM_BROWSER],
    globals: [...EXTENSION_GLOBALS, IDB_GLOBAL],
  }),
];
