/**
 * The architecture's rules that a linter cannot state (file sizes, where the extension API is
 * called) and the import directions again, over the source text, so that
 * test/architecture.test.ts can check the real tree and show each rule failing on a deliberate
 * violation. The lint zones (eslint.architecture.js) say the same about imports inside the editor.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface SourceFile {
  /** Relative to the repository, with `/`. */
  readonly path: string;
  readonly text: string;
}

/** Folders whose code ships in the extension. */
export const SHIPPED = ['src', 'background', 'popup', 'options', 'offscreen', 'ui'] as const;

/** Longest shipped file: a file that does several jobs should be several files. */
export const MAX_LINES = 400;

export function readShipped(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir))) {
      const path = posix.join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ts|tsx|css|html)$/.test(name) && !name.endsWith('.d.ts'))
        out.push({ path, text: readFileSync(join(root, path), 'utf8') });
    }
  };
  for (const dir of SHIPPED) walk(dir);
  return out;
}

/** Shipped files over MAX_LINES lines (data files of tables are code too). */
export function oversizedFiles(files: readonly SourceFile[]): string[] {
  return files
    .filter((f) => f.text.split('\n').length > MAX_LINES + 1)
    .map((f) => `${f.path}: ${f.text.split('\n').length - 1} lines`);
}

/** Code lines without comments: a rule about calls must not trip over prose. */
function codeLines(text: string): string[] {
  const noBlock = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  return noBlock.split('\n').map((line) => line.replace(/(^|[^:])\/\/.*$/, '$1'));
}

/** Calls of the extension API (`chrome.x`, `browser.x`) outside src/platform/. */
export function extensionApiOutsidePlatform(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (f.path.startsWith('src/platform/') || !/\.tsx?$/.test(f.path)) continue;
    codeLines(f.text).forEach((line, i) => {
      if (/(^|[^\w.$])(chrome|browser)\.[a-zA-Z]/.test(line)) out.push(`${f.path}:${i + 1}`);
    });
  }
  return out;
}

interface Rule {
  /** Files the rule is about (path prefix). */
  readonly from: string;
  readonly except?: string;
  /** Imported paths (resolved, without extension) it may not reach. */
  readonly forbid: readonly string[];
  readonly why: string;
}

const RULES: readonly Rule[] = [
  {
    from: 'src/',
    forbid: ['background/', 'popup/', 'options/', 'ui/', 'offscreen/'],
    why: 'the core never imports the worker or the pages',
  },
  {
    from: 'popup/',
    forbid: ['src/vault/', 'src/crypto/', 'background/'],
    why: 'pages never hold secrets',
  },
  {
    from: 'options/',
    forbid: ['src/vault/', 'src/crypto/', 'background/'],
    why: 'pages never hold secrets',
  },
  {
    from: 'ui/',
    forbid: ['src/vault/', 'src/crypto/', 'background/'],
    why: 'pages never hold secrets',
  },
  {
    from: 'offscreen/',
    forbid: ['src/vault/', 'src/crypto/', 'background/'],
    why: 'pages never hold secrets',
  },
  {
    from: 'background/',
    forbid: ['popup/', 'options/', 'ui/'],
    why: 'the worker never imports pages',
  },
];

/** Relative imports of a file, resolved against its folder. */
function importsOf(file: SourceFile): string[] {
  const specs = [
    ...file.text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g),
  ];
  const dir = posix.dirname(file.path);
  return specs
    .map((m) => m[1]!)
    .filter((s) => s.startsWith('.'))
    .map((s) => posix.normalize(posix.join(dir, s)));
}

/** Imports that go against the layers (src never up, pages never to secrets, fill alone). */
export function importViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const target of importsOf(f)) {
      for (const rule of RULES) {
        if (!f.path.startsWith(rule.from)) continue;
        const hit = rule.forbid.find((p) => target.startsWith(p));
        if (hit !== undefined) out.push(`${f.path} → ${target}: ${rule.why}`);
      }
      if (f.path.startsWith('src/fill/') && !target.startsWith('src/fill/'))
        out.push(`${f.path} → ${target}: the injected fill code imports nothing outside src/fill/`);
    }
  }
  return out;
}
