/**
 * Builds src/fill/inject.ts into one classic script (an IIFE, no imports) and adds it to the
 * extension as `fill.js`. `chrome.scripting.executeScript({files})` runs files as classic
 * scripts, so the fill code cannot be an ES module chunk of the main build; a nested Vite build
 * (no config file, no plugins) bundles it on its own. The worker injects it by name.
 */
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';

export interface FillScriptOptions {
  readonly entry?: string;
  readonly fileName?: string;
  readonly target?: string;
}

/** The bundled script's source, and the files it was built from (to watch). */
export async function buildFillScript(
  entry: string,
  target: string,
): Promise<{ code: string; modules: string[] }> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      emptyOutDir: false,
      copyPublicDir: false,
      target,
      sourcemap: false,
      reportCompressedSize: false,
      minify: true,
      rolldownOptions: {
        input: resolve(entry),
        output: { format: 'iife', entryFileNames: 'fill.js' },
      },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((f) => f.type === 'chunk');
  const [chunk] = chunks;
  if (chunks.length !== 1 || !chunk)
    throw new Error(`fill script: expected one chunk, got ${chunks.length}`);
  return { code: chunk.code, modules: Object.keys(chunk.modules) };
}

export function fillScript(options: FillScriptOptions = {}): Plugin {
  const entry = options.entry ?? 'src/fill/inject.ts';
  const fileName = options.fileName ?? 'fill.js';
  const target = options.target ?? 'chrome116';
  return {
    name: 'otter-fill-script',
    apply: 'build',
    async generateBundle() {
      const { code, modules } = await buildFillScript(entry, target);
      for (const id of modules) if (!id.startsWith('\0')) this.addWatchFile(id);
      this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}
