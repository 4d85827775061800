import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { fillScript } from './scripts/vite/fill-script.ts';
import { inlinePopupCss } from './scripts/vite/inline-popup-css.ts';

/**
 * `vite build` makes the release in dist/. `vite build --mode e2e` makes the browser-test variant
 * in dist-e2e/, which differs only by `<all_urls>`: a headless browser has no toolbar click to
 * grant activeTab (see ../shared/TESTING.md). scripts/audit-dist.ts proves dist/ has none of it.
 */
export default defineConfig(({ mode }) => {
  const e2e = mode === 'e2e';
  return {
    plugins: [
      preact(),
      crx({ manifest: e2e ? { ...manifest, host_permissions: ['<all_urls>'] } : manifest }),
      inlinePopupCss(),
      // dist/fill.js: the fill code as one classic script, for executeScript({files}).
      fillScript(),
    ],
    build: {
      // OTTER_E2E_DIST lets two test runs on one machine build into separate folders.
      outDir: e2e ? (process.env.OTTER_E2E_DIST ?? 'dist-e2e') : 'dist',
      emptyOutDir: true,
      target: 'chrome116',
      sourcemap: false,
      reportCompressedSize: false,
      // Chrome supports modulepreload natively: the polyfill would be one more script to load.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        // Not named in the manifest, so the crx plugin would not build it on its own.
        input: { offscreen: 'offscreen/index.html' },
      },
    },
  };
});
