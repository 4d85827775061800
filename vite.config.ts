import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { Features } from 'lightningcss';
import { defineConfig } from 'vite';
import { classicScript } from './scripts/vite/classic-script.ts';
import { fillScript } from './scripts/vite/fill-script.ts';
import { inlinePopupCss } from './scripts/vite/inline-popup-css.ts';
import { noEvalInKdbxweb } from './scripts/vite/no-eval-in-kdbxweb.ts';
import { manifestFor, outDirOf, variantOf } from './scripts/vite/manifest.ts';

/**
 * One build per browser and purpose, from one manifest (scripts/vite/manifest.ts):
 *
 *   vite build                     Chrome and Edge, the release, in dist/
 *   vite build --mode e2e          the same with <all_urls>, for the browser tests, in dist-e2e/
 *   vite build --mode firefox      Firefox, the release, in dist-firefox/
 *   vite build --mode firefox-e2e  Firefox with <all_urls>, in dist-firefox-e2e/
 *
 * `__OTTER_BROWSER__` tells src/platform/ which browser it runs in; only that folder reads it, and
 * the other browser's branch is dropped from the bundle.
 */
export default defineConfig(({ mode }) => {
  const variant = variantOf(mode);
  const firefox = variant.target === 'firefox';
  const target = firefox ? 'firefox140' : 'chrome116';
  const define = {
    __OTTER_BROWSER__: JSON.stringify(variant.target),
    __OTTER_E2E_KDF_FLOOR__: JSON.stringify(variant.e2e && !firefox),
  };
  return {
    plugins: [
      preact(),
      crx({ manifest: manifestFor(variant), browser: variant.target }),
      inlinePopupCss(),
      // dist/fill.js: the fill code as one classic script, for executeScript({files}).
      fillScript(target),
      // popup/first-paint.js: paints the cached codes while the popup is parsed (docs/performance.md).
      classicScript({
        entry: 'popup/first-paint-script.ts',
        fileName: 'popup/first-paint.js',
        target,
        define,
        htmlFile: 'popup/index.html',
        loadsApp: true,
      }),
      noEvalInKdbxweb(),
    ],
    define,
    // `color-scheme` makes lightningcss add variables for a light-dark() polyfill (Chrome < 123);
    // no style uses light-dark(), and they would be bytes in every page (the popup's are budgeted).
    css: { lightningcss: { exclude: Features.LightDark } },
    build: {
      outDir: outDirOf(variant),
      emptyOutDir: true,
      target,
      sourcemap: false,
      reportCompressedSize: false,
      // Both support modulepreload natively: the polyfill would be one more script to load.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        // Chromium's clipboard document: not named in the manifest, so the crx plugin would not
        // build it on its own. Firefox has no offscreen documents (and needs none).
        input: firefox ? [] : { offscreen: 'offscreen/index.html' },
      },
    },
  };
});
