/**
 * Shared by the enterprise template tests: generator runs into temporary folders, and a schema
 * extended with one key of every supported shape (with its messages and examples).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { EXAMPLES, type PolicyValue } from '../../scripts/enterprise/examples';
import {
  runGenerator,
  type GeneratorOptions,
  type Templates,
} from '../../scripts/enterprise/generate';
import { readSchema, type PolicyKey } from '../../scripts/enterprise/schema';
import type { Catalogue } from '../../scripts/enterprise/texts';

export const REAL_INPUTS = {
  schemaPath: 'public/schema.json',
  manifestPath: 'manifest.json',
  localesDir: 'public/_locales',
} as const;

/** The development key's id, as docs/enterprise.md states it. */
export const DEV_ID = 'ahighblbmfnlcneegcphegikbpkbhakb';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'otter-enterprise-'));
  dirs.push(dir);
  return dir;
}

export interface Generated {
  readonly dir: string;
  readonly templates: Templates;
  readonly keys: readonly PolicyKey[];
  readonly examples: Readonly<Record<string, PolicyValue>>;
  readonly catalogues: Readonly<Record<'en' | 'sv', Catalogue>>;
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Runs the generator into a fresh folder; the test fails if it does not succeed. */
export function generate(options: Partial<GeneratorOptions> = {}): Generated {
  const all = { ...REAL_INPUTS, outDir: tempDir(), ...options };
  const result = runGenerator(all);
  if (!result.ok) expect.fail(`generator failed: ${JSON.stringify(result.error)}`);
  const schema = readSchema(readFileSync(all.schemaPath, 'utf8'));
  if (!schema.ok) expect.fail('schema unreadable');
  return {
    dir: all.outDir,
    templates: result.value,
    keys: schema.value,
    examples: all.examples ?? EXAMPLES,
    catalogues: {
      en: readJson(join(all.localesDir, 'en/messages.json')),
      sv: readJson(join(all.localesDir, 'sv/messages.json')),
    },
  };
}

/** One key of every shape the lead may add, including one reached through `$ref`. */
export const EXTRA_SCHEMA: Record<string, unknown> = {
  HelpdeskURL: { type: 'string', pattern: '^https://', title: 'Support page' },
  DepartmentName: { type: 'string' },
  Region: { type: 'string', enum: ['eu', 'us'] },
  ExtraIssuers: { type: 'array', items: { type: 'string' } },
  MaxAccounts: { type: 'integer', minimum: 0, maximum: 5000 },
  DigitsAllowed: { type: 'integer', enum: [6, 8] },
  AllowScan: { id: 'Toggle', type: 'boolean' },
  AllowSync: { $ref: 'Toggle' },
};

/** Quotes, ampersands, angle brackets and non-ASCII text: every escaping path is exercised. */
export const EXTRA_EXAMPLES: Record<string, PolicyValue> = {
  HelpdeskURL: 'https://help.example.org/otter?a=1&b="2"',
  DepartmentName: "Exempel & Söner <AB> \\ O'Brien",
  Region: 'us',
  ExtraIssuers: ['GitHub', 'Microsoft & Co'],
  MaxAccounts: 250,
  DigitsAllowed: 8,
  AllowScan: true,
  AllowSync: false,
};

/** Copies of the schema and catalogues with `extra` keys (and, unless left out, messages). */
export function extendedInputs(
  extra: Record<string, unknown>,
  withMessages: readonly ('en' | 'sv')[] = ['en', 'sv'],
): Pick<GeneratorOptions, 'schemaPath' | 'localesDir'> {
  const dir = tempDir();
  const schema = readJson<{ properties: Record<string, unknown> }>(REAL_INPUTS.schemaPath);
  Object.assign(schema.properties, extra);
  const schemaPath = join(dir, 'schema.json');
  writeFileSync(schemaPath, JSON.stringify(schema));
  const localesDir = join(dir, '_locales');
  cpSync(REAL_INPUTS.localesDir, localesDir, { recursive: true });
  for (const locale of withMessages) {
    const path = join(localesDir, locale, 'messages.json');
    const catalogue = readJson<Record<string, { message: string }>>(path);
    for (const key of Object.keys(extra)) {
      const tag = locale === 'en' ? 'Policy' : 'Princip';
      catalogue[`policyTitle_${key}`] = { message: `${tag} ${key} <"&">` };
      catalogue[`policyDesc_${key}`] = { message: `${tag} ${key}: ${locale} text & more.` };
    }
    writeFileSync(path, JSON.stringify(catalogue));
  }
  return { schemaPath, localesDir };
}
