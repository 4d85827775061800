/**
 * Prints what the popup loads at open, gzipped: its HTML, its scripts and styles and every chunk
 * they import statically, and the app that its entry imports at once (popup/first-paint.js paints
 * the cached codes, then popup/main.ts loads the app: all are loaded at every open). Other dynamic
 * imports load later, on demand, and are listed apart. Fails above the budget.
 *
 *   npx tsx scripts/popup-size.ts [dist]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 30 * 1024;

interface Size {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

function size(dist: string, file: string): Size {
  const content = readFileSync(join(dist, file));
  return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** Static imports of a built ES module (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g)].map(
    (m) => m[1]!,
  );
}

function dynamicImports(code: string): string[] {
  // Minified output quotes with backticks too.
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
}

export function popupLoad(dist: string): { initial: Size[]; lazy: Size[] } {
  const html = readFileSync(join(dist, 'popup/index.html'), 'utf8');
  // `data-app`: the app's entry, which the first script loads (scripts/vite/classic-script.ts).
  const refs = [...html.matchAll(/\b(?:src|href|data-app)="\/?([^"]+\.(?:js|css))"/g)].map((m) =>
    normalize(m[1]!),
  );
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...refs];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const spec of staticImports(code)) queue.push(normalize(join(dirname(file), spec)));
    for (const spec of dynamicImports(code)) {
      const target = normalize(join(dirname(file), spec));
      // The entry's own dynamic import is the app, loaded at every open.
      if (refs.includes(file)) queue.push(target);
      else lazy.add(target);
    }
  }
  return {
    // The HTML too: it carries the popup's (inlined) styles.
    initial: ['popup/index.html', ...seen].map((f) => size(dist, f)),
    lazy: [...lazy].filter((f) => !seen.has(f)).map((f) => size(dist, f)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const { initial, lazy } = popupLoad(dist);
  const total = initial.reduce((n, s) => n + s.gzip, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('Popup at open (gzipped):');
  for (const s of initial)
    console.log(`  ${s.file.padEnd(44)} ${kb(s.gzip).padStart(9)}  (${kb(s.raw)} raw)`);
  console.log(`  ${'total'.padEnd(44)} ${kb(total).padStart(9)}  (budget ${kb(BUDGET_BYTES)})`);
  if (lazy.length > 0)
    console.log(
      `  loaded later, on demand: ${lazy.map((s) => `${s.file} ${kb(s.gzip)}`).join(', ')}`,
    );
  if (total > BUDGET_BYTES) {
    console.error(
      `The popup loads ${kb(total)} gzipped at open, over the ${kb(BUDGET_BYTES)} budget.`,
    );
    process.exit(1);
  }
}
