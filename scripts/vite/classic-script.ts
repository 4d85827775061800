/**
 * One TypeScript entry built into one classic script (an IIFE, no imports) by a nested Vite
 * build (no config file, no plugins), and added to the extension. For what cannot be an ES module
 * chunk of the main build: the fill code (`executeScript({files})` runs classic scripts) and the
 * popup's first script (a classic script runs while the page is parsed; modules wait for the end).
 */
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';

export interface ClassicScriptOptions {
  readonly entry: string;
  /** Its path in the extension, e.g. `fill.js`. */
  readonly fileName: string;
  readonly target: string;
  /** Compile-time constants, as the main build's `define`. */
  readonly define?: Record<string, string>;
  /** A page of the build that loads the script at the end of its <head>. */
  readonly htmlFile?: string;
  /**
   * The page's module entry is loaded by this script, not by the page: its `<script
   * type="module">` and module preloads go, and the entry's URL is given to the script as
   * `data-app` (the popup loads its app only once the first codes are on screen).
   */
  readonly loadsApp?: boolean;
}

/** Moves the page's one module entry to the first script's `data-app`; drops module preloads. */
export function moveAppEntry(source: string, fileName: string): { html: string; tag: string } {
  const entries = [
    ...source.matchAll(/\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g),
  ];
  if (entries.length !== 1)
    throw new Error(`${fileName}: expected one module entry, got ${entries.length}`);
  const [entry] = entries;
  const html = source.replace(entry![0], '').replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  return { html, tag: `<script src="/${fileName}" data-app="${entry![1]}"></script>` };
}

/** The bundled script's source, and the files it was built from (to watch). */
export async function buildClassicScript(
  entry: string,
  target: string,
  define: Record<string, string> = {},
): Promise<{ code: string; modules: string[] }> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define,
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
        output: { format: 'iife', entryFileNames: 'script.js' },
      },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((f) => f.type === 'chunk');
  const [chunk] = chunks;
  if (chunks.length !== 1 || !chunk)
    throw new Error(`${entry}: expected one chunk, got ${chunks.length}`);
  return { code: chunk.code, modules: Object.keys(chunk.modules) };
}

export function classicScript(options: ClassicScriptOptions): Plugin {
  return {
    name: `otter-classic-script:${options.fileName}`,
    apply: 'build',
    // After the crx plugin has put the pages in the bundle.
    enforce: 'post',
    async generateBundle(_output, bundle) {
      const { code, modules } = await buildClassicScript(
        options.entry,
        options.target,
        options.define,
      );
      for (const id of modules) if (!id.startsWith('\0')) this.addWatchFile(id);
      this.emitFile({ type: 'asset', fileName: options.fileName, source: code });
      if (options.htmlFile === undefined) return;
      const html = bundle[options.htmlFile];
      if (html === undefined || html.type !== 'asset' || typeof html.source !== 'string')
        throw new Error(`${options.fileName}: no page ${options.htmlFile} in the build`);
      let source = html.source;
      let tag = `<script src="/${options.fileName}"></script>`;
      if (options.loadsApp === true)
        ({ html: source, tag } = moveAppEntry(source, options.fileName));
      // Last in <head>, after the styles the popup inlines: the preload scanner asks for it as
      // soon as the page's bytes arrive wherever it stands, and the parser reads the styles while
      // it comes. First in <head>, the parser sat idle until it came, then read the styles, and
      // the rows waited for the body (probe, 40 opens: first code 84 against 88 ms).
      if (!source.includes('</head>')) throw new Error(`${options.htmlFile}: no </head>`);
      html.source = source.replace('</head>', `  ${tag}\n  </head>`);
    },
  };
}
