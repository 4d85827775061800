/**
 * Builds the browser tests' code-input pages (test/e2e/pages/otp-components/: one page per
 * component library, plus plain pages) in one multi-entry Vite build, into a git-ignored folder.
 * The e2e global setup runs it; `npx tsx scripts/build-otp-pages.ts` does too.
 *
 *   OTTER_OTP_PAGES   output folder (default .tmp/otp-components), for two runs on one machine
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

export const OTP_PAGES_SOURCE = resolve('test/e2e/pages/otp-components');
export const OTP_PAGES_DIR = resolve(process.env.OTTER_OTP_PAGES ?? '.tmp/otp-components');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

export async function buildOtpPages(outDir = OTP_PAGES_DIR): Promise<void> {
  const pages = htmlFiles(OTP_PAGES_SOURCE);
  await build({
    configFile: false,
    root: OTP_PAGES_SOURCE,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    // Production React and Vue (not the extension's Preact), also when run from the test runner,
    // which sets NODE_ENV=test.
    mode: 'production',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome116',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: {
        // The libraries' "use client" lines mean nothing in a page bundle: not worth a warning.
        onLog(level, log, handler) {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
        },
        input: Object.fromEntries(
          pages.map((path) => [relative(OTP_PAGES_SOURCE, path).replace(/\.html$/, ''), path]),
        ),
      },
    },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildOtpPages();
}
