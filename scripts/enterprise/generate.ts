/**
 * Builds every deployment template from the policy schema: ADMX/ADML and .reg for Chrome and Edge,
 * macOS profiles, Linux and Firefox JSON policies, Intune notes and a README. `buildTemplates` is
 * pure (inputs in, file contents out); `runGenerator` reads the inputs from disk and writes the
 * files, for `npm run enterprise` and the tests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../src/result';
import { renderAdml, renderAdmx } from './admx';
import { CHROMIUM_BROWSERS } from './browsers';
import { checkExamples, EXAMPLES, type ExampleError, type PolicyValue } from './examples';
import {
  amoInstallUrl,
  chromiumIdFromKey,
  CHROME_WEB_STORE_UPDATE_URL,
  DEFAULT_GECKO_ID,
  EDGE_ADDONS_UPDATE_URL,
  isChromiumId,
  isGeckoId,
  isInstallUrl,
  type ExtensionIds,
} from './ids';
import { renderIntuneNotes } from './intune';
import { LINUX_TARGETS, renderFirefoxPolicies, renderLinuxPolicy } from './json-policies';
import { renderMobileconfig } from './mobileconfig';
import { renderReadme, type IdSources } from './readme';
import { regBytes, renderReg } from './reg';
import { readSchema, type SchemaError } from './schema';
import {
  LANGUAGES,
  policyTexts,
  WORDS,
  type Catalogue,
  type Locale,
  type MessageMissing,
  type PolicyText,
} from './texts';

/** What the command line may override: store ids differ from the development key's id. */
export interface Overrides {
  readonly chromeId?: string;
  readonly edgeId?: string;
  readonly firefoxId?: string;
  readonly chromeUpdateUrl?: string;
  readonly edgeUpdateUrl?: string;
  readonly firefoxInstallUrl?: string;
}

export type GeneratorError =
  | SchemaError
  | ExampleError
  | MessageMissing
  | { readonly code: 'manifest_invalid' | 'manifest_key_invalid' }
  | { readonly code: 'id_invalid' | 'url_invalid'; readonly key: keyof Overrides }
  | { readonly code: 'file_unreadable'; readonly key: string };

export interface GeneratorInput {
  readonly schemaText: string;
  readonly manifest: unknown;
  readonly catalogues: Readonly<Record<Locale, Catalogue>>;
  readonly examples: Readonly<Record<string, PolicyValue>>;
  readonly overrides: Overrides;
}

export interface Templates {
  /** Relative path → content (text as UTF-8; the .reg files are UTF-16 bytes). */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  readonly ids: ExtensionIds;
}

interface ManifestFacts {
  readonly key: string;
  readonly revision: string;
  readonly minimumVersion: string;
}

function manifestFacts(manifest: unknown): ManifestFacts | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const { key, version, minimum_chrome_version: minimum } = manifest as Record<string, unknown>;
  const parts = typeof version === 'string' ? /^(\d{1,4})\.(\d{1,5})/.exec(version) : null;
  if (typeof key !== 'string' || parts === null || typeof minimum !== 'string') return undefined;
  return { key, revision: `${parts[1]}.${parts[2]}`, minimumVersion: minimum };
}

function resolveIds(
  facts: ManifestFacts,
  o: Overrides,
): Result<{ ids: ExtensionIds; sources: IdSources }, GeneratorError> {
  const computed = chromiumIdFromKey(facts.key);
  if (!computed.ok) return err({ code: computed.error });
  const ids: ExtensionIds = {
    chrome: o.chromeId ?? computed.value,
    edge: o.edgeId ?? computed.value,
    firefox: o.firefoxId ?? DEFAULT_GECKO_ID,
    chromeUpdateUrl: o.chromeUpdateUrl ?? CHROME_WEB_STORE_UPDATE_URL,
    edgeUpdateUrl: o.edgeUpdateUrl ?? EDGE_ADDONS_UPDATE_URL,
    firefoxInstallUrl: o.firefoxInstallUrl ?? amoInstallUrl(o.firefoxId ?? DEFAULT_GECKO_ID),
  };
  if (!isChromiumId(ids.chrome)) return err({ code: 'id_invalid', key: 'chromeId' });
  if (!isChromiumId(ids.edge)) return err({ code: 'id_invalid', key: 'edgeId' });
  if (!isGeckoId(ids.firefox)) return err({ code: 'id_invalid', key: 'firefoxId' });
  if (!isInstallUrl(ids.chromeUpdateUrl, false)) {
    return err({ code: 'url_invalid', key: 'chromeUpdateUrl' });
  }
  if (!isInstallUrl(ids.edgeUpdateUrl, false))
    return err({ code: 'url_invalid', key: 'edgeUpdateUrl' });
  if (!isInstallUrl(ids.firefoxInstallUrl, true)) {
    return err({ code: 'url_invalid', key: 'firefoxInstallUrl' });
  }
  const sources: IdSources = {
    chrome: o.chromeId === undefined ? 'manifest' : 'flag',
    edge: o.edgeId === undefined ? 'manifest' : 'flag',
    firefox: o.firefoxId === undefined ? 'default' : 'flag',
  };
  return ok({ ids, sources });
}

export function buildTemplates(input: GeneratorInput): Result<Templates, GeneratorError> {
  const schema = readSchema(input.schemaText);
  if (!schema.ok) return schema;
  const keys = schema.value;
  const examples = checkExamples(keys, input.examples);
  if (!examples.ok) return examples;
  const facts = manifestFacts(input.manifest);
  if (facts === undefined) return err({ code: 'manifest_invalid' });
  const resolved = resolveIds(facts, input.overrides);
  if (!resolved.ok) return resolved;
  const { ids, sources } = resolved.value;
  const values = examples.value;

  const texts = new Map<Locale, ReadonlyMap<string, PolicyText>>();
  for (const { locale } of LANGUAGES) {
    const found = policyTexts(keys, input.catalogues[locale], locale);
    if (!found.ok) return found;
    texts.set(locale, found.value);
  }

  const files = new Map<string, string | Uint8Array>();
  for (const browser of CHROMIUM_BROWSERS) {
    const extensionId = browser.slug === 'chrome' ? ids.chrome : ids.edge;
    const updateUrl = browser.slug === 'chrome' ? ids.chromeUpdateUrl : ids.edgeUpdateUrl;
    const dir = `windows/${browser.slug}`;
    const admx = renderAdmx(keys, { browser, extensionId, revision: facts.revision });
    files.set(`${dir}/${browser.fileName}.admx`, admx);
    for (const { locale, windows } of LANGUAGES) {
      const adml = renderAdml(keys, values, {
        browser,
        revision: facts.revision,
        minimumVersion: facts.minimumVersion,
        words: WORDS[locale],
        texts: texts.get(locale)!,
      });
      files.set(`${dir}/${windows}/${browser.fileName}.adml`, adml);
    }
    const reg = renderReg(keys, values, { browser, extensionId, updateUrl });
    files.set(`${dir}/${browser.fileName}.reg`, regBytes(reg));
    const profile = renderMobileconfig(keys, values, { browser, extensionId, updateUrl });
    files.set(`macos/${browser.fileName}.mobileconfig`, profile);
  }
  for (const target of LINUX_TARGETS) {
    files.set(`linux/${target.slug}/otter.json`, renderLinuxPolicy(keys, values, target, ids));
  }
  files.set('firefox/policies.json', renderFirefoxPolicies(keys, values, ids));
  files.set('intune.md', renderIntuneNotes(keys, values, ids));
  files.set('README.md', renderReadme(keys, values, ids, sources));
  return ok({ files, ids });
}

export interface GeneratorOptions {
  readonly schemaPath: string;
  readonly manifestPath: string;
  /** Holds `<locale>/messages.json` (public/_locales). */
  readonly localesDir: string;
  readonly outDir: string;
  readonly examples?: Readonly<Record<string, PolicyValue>>;
  readonly overrides?: Overrides;
}

function readJson(path: string): Result<unknown, GeneratorError> {
  try {
    return ok(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return err({ code: 'file_unreadable', key: path });
  }
}

/** Reads the inputs, builds the templates and writes them under `outDir` (overwriting). */
export function runGenerator(options: GeneratorOptions): Result<Templates, GeneratorError> {
  let schemaText: string;
  try {
    schemaText = readFileSync(options.schemaPath, 'utf8');
  } catch {
    return err({ code: 'file_unreadable', key: options.schemaPath });
  }
  const manifest = readJson(options.manifestPath);
  if (!manifest.ok) return manifest;
  const catalogues: Partial<Record<Locale, Catalogue>> = {};
  for (const { locale } of LANGUAGES) {
    const catalogue = readJson(join(options.localesDir, locale, 'messages.json'));
    if (!catalogue.ok) return catalogue;
    if (typeof catalogue.value !== 'object' || catalogue.value === null) {
      return err({ code: 'file_unreadable', key: join(options.localesDir, locale) });
    }
    catalogues[locale] = catalogue.value as Catalogue;
  }
  const built = buildTemplates({
    schemaText,
    manifest: manifest.value,
    catalogues: catalogues as Record<Locale, Catalogue>,
    examples: options.examples ?? EXAMPLES,
    overrides: options.overrides ?? {},
  });
  if (!built.ok) return built;
  for (const [path, content] of built.value.files) {
    const target = join(options.outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return built;
}
