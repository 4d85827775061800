/**
 * `web-ext lint` (Mozilla's addons-linter, as AMO runs it on upload) on the Firefox build, offline.
 * Fails on any error, and on any warning or notice not in EXPLAINED: each of those is explained
 * in docs/stores.md, which this script checks names it, so a new warning is either fixed or
 * written up for AMO's reviewers.
 *
 *   npx tsx scripts/lint-firefox.ts [dir]     (default: dist-firefox)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface LintMessage {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
}

export interface LintReport {
  readonly errors: readonly LintMessage[];
  readonly warnings: readonly LintMessage[];
  readonly notices: readonly LintMessage[];
}

/** Warnings AMO's linter gives Otter that cannot be fixed here; docs/stores.md says why. */
export const EXPLAINED: ReadonlyArray<{ readonly code: string; readonly file: RegExp }> = [
  // Preact's renderer supports dangerouslySetInnerHTML; Otter never uses it (ESLint forbids it
  // in shipped code), so that assignment never runs.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^assets\/jsxRuntime-[\w-]+\.js$/ },
];

export const EXPLANATIONS_DOC = 'docs/stores.md';

/** What in the report fails the build: every error, and warnings or notices nobody explained. */
export function unexplained(report: LintReport): LintMessage[] {
  const explained = (m: LintMessage) =>
    EXPLAINED.some((e) => e.code === m.code && e.file.test(m.file ?? ''));
  return [
    ...report.errors,
    ...report.warnings.filter((m) => !explained(m)),
    ...report.notices.filter((m) => !explained(m)),
  ];
}

/** Explanations the document lacks (each explained code must appear in it). */
export function missingExplanations(doc: string): string[] {
  return EXPLAINED.map((e) => e.code).filter((code) => !doc.includes(code));
}

export function lintFirefoxBuild(dir: string): LintReport {
  const run = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    // No update check (the only thing web-ext would fetch): the lint itself is offline.
    { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
  );
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  try {
    return JSON.parse(json) as LintReport;
  } catch {
    throw new Error(`web-ext lint gave no report:\n${run.stdout}\n${run.stderr}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist-firefox';
  const report = lintFirefoxBuild(dir);
  const failing = unexplained(report);
  const missing = missingExplanations(readFileSync(EXPLANATIONS_DOC, 'utf8'));
  const line = (m: LintMessage) => `  - ${m.code} ${m.file ?? ''}: ${m.message}`;
  console.log(
    `web-ext lint of ${dir}/: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices.`,
  );
  for (const m of report.warnings)
    console.log(`${line(m)}${failing.includes(m) ? '' : ' (explained)'}`);
  if (failing.length > 0 || missing.length > 0) {
    if (failing.length > 0)
      console.error(`Not fixed nor explained:\n${failing.map(line).join('\n')}`);
    for (const code of missing) console.error(`${EXPLANATIONS_DOC} does not explain ${code}.`);
    process.exit(1);
  }
}
