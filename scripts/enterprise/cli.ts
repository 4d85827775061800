/**
 * `npm run enterprise`: writes the deployment templates into dist-enterprise/ (or --out).
 *
 *   npm run enterprise -- [--out DIR] [--schema FILE]
 *                         [--chrome-id ID] [--edge-id ID] [--firefox-id ID]
 *                         [--chrome-update-url URL] [--edge-update-url URL]
 *                         [--firefox-install-url URL]
 *
 * Without ids, Chrome and Edge get the id of the development key in manifest.json and Firefox
 * Otter's Gecko id; a store-installed Otter has the store's id, so pass it.
 */
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../../src/result';
import { runGenerator, type GeneratorError, type GeneratorOptions } from './generate';

const OPTIONS = {
  out: { type: 'string', default: 'dist-enterprise' },
  schema: { type: 'string', default: 'public/schema.json' },
  'chrome-id': { type: 'string' },
  'edge-id': { type: 'string' },
  'firefox-id': { type: 'string' },
  'chrome-update-url': { type: 'string' },
  'edge-update-url': { type: 'string' },
  'firefox-install-url': { type: 'string' },
} as const;

export function parseCommandLine(args: readonly string[]): Result<GeneratorOptions, 'usage'> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true }));
  } catch {
    return err('usage');
  }
  return ok({
    schemaPath: values.schema,
    manifestPath: 'manifest.json',
    localesDir: 'public/_locales',
    outDir: values.out,
    overrides: {
      chromeId: values['chrome-id'],
      edgeId: values['edge-id'],
      firefoxId: values['firefox-id'],
      chromeUpdateUrl: values['chrome-update-url'],
      edgeUpdateUrl: values['edge-update-url'],
      firefoxInstallUrl: values['firefox-install-url'],
    },
  });
}

/** Codes and key names only: a reader can act on it, and no value from a file is echoed. */
export function describeError(error: GeneratorError): string {
  const parts: string[] = [error.code];
  if ('key' in error && error.key !== '') parts.push(`key ${error.key}`);
  if ('locale' in error) parts.push(`locale ${error.locale}`);
  return parts.join(', ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseCommandLine(process.argv.slice(2));
  if (!options.ok) {
    console.error(
      'Usage: npm run enterprise -- [--out DIR] [--schema FILE] [--chrome-id ID] [--edge-id ID] ' +
        '[--firefox-id ID] [--chrome-update-url URL] [--edge-update-url URL] [--firefox-install-url URL]',
    );
    process.exit(2);
  }
  const result = runGenerator(options.value);
  if (!result.ok) {
    console.error(`Templates not written: ${describeError(result.error)}`);
    process.exit(1);
  }
  const { files, ids } = result.value;
  console.log(`Wrote ${files.size} files to ${options.value.outDir}/ (see its README.md).`);
  console.log(`  Chrome/Chromium id ${ids.chrome}, Edge id ${ids.edge}, Firefox id ${ids.firefox}`);
}
