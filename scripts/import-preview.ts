/**
 * `npm run -s import:preview -- FILE [--password P] [--at ISO-TIME]`: reads an export of another
 * authenticator with the extension's own importers (src/backup/import/) and prints what Otter
 * would import, one JSON object a line, without writing anything:
 *
 *   {"format","issuer","name","type","algorithm","digits","period","counter","code"}  per account
 *   {"refused","index","issuer","name","detail"?}                                    per refused entry
 *
 * `code` is the account's code at `--at` (default: now; HOTP: at its counter): a code, never the
 * secret. On failure it prints `{"error": CODE}` on stderr and exits with 1 (the importers' codes,
 * such as import_wrong_password, import_password_required, import_unrecognised, import_damaged;
 * file_unreadable when the file cannot be read at all), or 2 for a usage error.
 */
import { readFileSync } from 'node:fs';
import { readImportFile } from '../src/backup/import/read';
import type { ImportResult } from '../src/backup/import/types';
import { codeAt } from '../src/otp/generate';

const USAGE = 'usage: npm run -s import:preview -- FILE [--password P] [--at ISO-TIME]';

interface Options {
  readonly file: string;
  readonly password: string | undefined;
  readonly at: number;
}

function parseArgs(args: readonly string[]): Options | null {
  let file: string | undefined;
  let password: string | undefined;
  let at = Date.now();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--password' || arg === '--at') {
      const value = args[++i];
      if (value === undefined) return null;
      if (arg === '--password') password = value;
      else {
        at = Date.parse(value);
        if (Number.isNaN(at)) return null;
      }
    } else if (file === undefined && !arg.startsWith('--')) {
      file = arg;
    } else {
      return null;
    }
  }
  return file === undefined ? null : { file, password, at };
}

/** Stops with `{"error": code}` on stderr. */
function fail(code: string, status = 1): never {
  process.stderr.write(`${JSON.stringify({ error: code })}\n`);
  process.exit(status);
}

async function read(options: Options): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(options.file));
  } catch {
    fail('file_unreadable');
  }
  const file = await readImportFile(bytes);
  if (!file.ok) fail(file.error.code);
  if (file.value.kind === 'plain') return file.value.result;
  if (options.password === undefined) fail('import_password_required');
  const opened = await file.value.decrypt(options.password);
  if (!opened.ok) fail(opened.error.code);
  return opened.value;
}

function lines(result: ImportResult, at: number): string[] {
  const accounts = result.accounts.map((a) =>
    JSON.stringify({
      format: result.format,
      issuer: a.issuer,
      name: a.account,
      type: a.type,
      algorithm: a.algorithm,
      digits: a.digits,
      period: a.period,
      counter: a.counter,
      code: codeAt(a, at),
    }),
  );
  const refused = result.refused.map((r) =>
    JSON.stringify({
      refused: r.reason,
      index: r.index,
      issuer: r.issuer,
      name: r.account,
      ...(r.detail === undefined ? {} : { detail: r.detail }),
    }),
  );
  return [...accounts, ...refused];
}

const options = parseArgs(process.argv.slice(2));
if (options === null) {
  process.stderr.write(`${USAGE}\n`);
  fail('usage', 2);
}
const result = await read(options);
process.stdout.write(
  lines(result, options.at)
    .map((line) => `${line}\n`)
    .join(''),
);
