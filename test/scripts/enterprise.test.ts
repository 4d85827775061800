/**
 * `npm run enterprise`: every template is checked against the schema it was generated from, for
 * the real schema and for a copy extended with one key of every supported shape.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_BROWSERS,
  extensionPolicyKey,
  type ChromiumBrowser,
} from '../../scripts/enterprise/browsers';
import { EXAMPLES } from '../../scripts/enterprise/examples';
import { LINUX_TARGETS } from '../../scripts/enterprise/json-policies';
import type { PolicyKey } from '../../scripts/enterprise/schema';
import { LANGUAGES, WORDS } from '../../scripts/enterprise/texts';
import { parseReg, plistValue, type PlistValue } from '../support/template-readers';
import { allElements, child, childrenNamed, parseXml } from '../support/xml';
import { expectAdmxPolicy, expectTyped, inOrder, ROOT_ORDER } from './enterprise-checks';
import {
  EXTRA_EXAMPLES,
  EXTRA_SCHEMA,
  extendedInputs,
  generate,
  readJson,
  type Generated,
} from './enterprise-support';

const MIN_VERSION = readJson<{ minimum_chrome_version: string }>(
  'manifest.json',
).minimum_chrome_version;
const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const xmlAt = (g: Generated, path: string) => parseXml(readFileSync(join(g.dir, path), 'utf8'));
const idFor = (g: Generated, b: ChromiumBrowser) =>
  b.slug === 'chrome' ? g.templates.ids.chrome : g.templates.ids.edge;
const urlFor = (g: Generated, b: ChromiumBrowser) =>
  b.slug === 'chrome' ? g.templates.ids.chromeUpdateUrl : g.templates.ids.edgeUpdateUrl;
const example = (g: Generated, key: PolicyKey) => g.examples[key.name]!;

function templateChecks(label: string, setup: () => Generated, extraKeys: readonly string[]) {
  describe(label, () => {
    let g: Generated;
    beforeAll(() => {
      g = setup();
    });

    it.each(CHROMIUM_BROWSERS)(
      '$product ADMX: structure, one policy per key, right kinds',
      (browser) => {
        const admx = xmlAt(g, `windows/${browser.slug}/${browser.fileName}.admx`);
        expect(admx.name).toBe('policyDefinitions');
        expect(admx.attrs).toMatchObject({
          xmlns: NS,
          'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
          'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          schemaVersion: '1.0',
        });
        expect(admx.attrs.revision).toMatch(/^\d+\.\d+$/);
        inOrder(
          admx.children.map((c) => c.name),
          ROOT_ORDER,
        );
        const target = child(child(admx, 'policyNamespaces'), 'target');
        expect(target.attrs).toMatchObject({ prefix: 'otter', namespace: browser.admxNamespace });
        expect(child(admx, 'resources').attrs.minRequiredRevision).toBe(admx.attrs.revision);
        const categories = childrenNamed(child(admx, 'categories'), 'category').map(
          (c) => c.attrs.name,
        );
        const supported = childrenNamed(
          child(child(admx, 'supportedOn'), 'definitions'),
          'definition',
        ).map((d) => d.attrs.name);
        const policies = childrenNamed(child(admx, 'policies'), 'policy');
        expect(policies.map((p) => p.attrs.name)).toEqual(g.keys.map((k) => k.name));
        const policyKey = extensionPolicyKey(browser, idFor(g, browser));
        expect(policyKey).toMatch(
          new RegExp(
            `^${browser.registryRoot.replace(/\\/g, '\\\\')}\\\\3rdparty\\\\extensions\\\\[a-p]{32}\\\\policy$`,
          ),
        );
        g.keys.forEach((key, i) => {
          const policy = policies[i]!;
          expect(categories).toContain(child(policy, 'parentCategory').attrs.ref);
          expect(supported).toContain(child(policy, 'supportedOn').attrs.ref);
          expectAdmxPolicy(policy, key, policyKey);
        });
        // Each registry value is written by exactly one policy.
        const written = allElements(admx).flatMap((e) =>
          e.attrs.valueName === undefined ? [] : [`${e.attrs.key ?? ''}|${e.attrs.valueName}`],
        );
        expect(new Set(written).size).toBe(written.length);
      },
    );

    it.each(CHROMIUM_BROWSERS)(
      '$product ADML: every $(string.X) and $(presentation.X) resolves, in both languages',
      (browser) => {
        const admx = xmlAt(g, `windows/${browser.slug}/${browser.fileName}.admx`);
        const refs = (kind: string) =>
          allElements(admx).flatMap((e) =>
            Object.values(e.attrs).flatMap((v) =>
              [...v.matchAll(new RegExp(`\\$\\(${kind}\\.([^)]+)\\)`, 'g'))].map((m) => m[1]!),
            ),
          );
        for (const { windows } of LANGUAGES) {
          const adml = xmlAt(g, `windows/${browser.slug}/${windows}/${browser.fileName}.adml`);
          expect(adml.name).toBe('policyDefinitionResources');
          expect(adml.attrs).toMatchObject({
            xmlns: NS,
            schemaVersion: '1.0',
            revision: admx.attrs.revision,
          });
          expect(adml.children.map((c) => c.name)).toEqual([
            'displayName',
            'description',
            'resources',
          ]);
          const resources = child(adml, 'resources');
          const strings = childrenNamed(child(resources, 'stringTable'), 'string');
          const presentations = childrenNamed(
            child(resources, 'presentationTable'),
            'presentation',
          );
          const stringIds = strings.map((s) => s.attrs.id);
          expect(new Set(stringIds).size).toBe(stringIds.length);
          for (const id of refs('string'))
            expect(stringIds, `${windows} string ${id}`).toContain(id);
          for (const s of strings) expect(s.text.trim(), s.attrs.id).not.toBe('');
          const byId = new Map(presentations.map((p) => [p.attrs.id, p]));
          expect(byId.size).toBe(presentations.length);
          for (const policy of childrenNamed(child(admx, 'policies'), 'policy')) {
            const ref = /^\$\(presentation\.(.+)\)$/.exec(policy.attrs.presentation ?? '')?.[1];
            const elementIds = childrenNamed(policy, 'elements').flatMap((e) =>
              e.children.map((c) => c.attrs.id),
            );
            if (ref === undefined) {
              expect(elementIds, policy.attrs.name).toEqual([]);
              continue;
            }
            const controls = byId.get(ref)?.children ?? [];
            expect(controls.map((c) => c.attrs.refId).sort(), `${windows} ${ref}`).toEqual(
              elementIds.sort(),
            );
          }
          expect(refs('presentation').sort()).toEqual([...byId.keys()].sort());
        }
      },
    );

    it.each(CHROMIUM_BROWSERS)(
      '$product ADML: names and explanations from each locale; sv-SE is Swedish',
      (browser) => {
        for (const { locale, windows } of LANGUAGES) {
          const adml = xmlAt(g, `windows/${browser.slug}/${windows}/${browser.fileName}.adml`);
          const words = WORDS[locale];
          const strings = new Map(
            childrenNamed(child(child(adml, 'resources'), 'stringTable'), 'string').map((s) => [
              s.attrs.id,
              s.text,
            ]),
          );
          expect(child(adml, 'displayName').text).toBe(words.admlName(browser.product));
          expect(child(adml, 'description').text).toBe(words.admlDescription(browser.product));
          expect(strings.get('OtterAuthenticator')).toBe(words.category(browser.product));
          for (const key of g.keys) {
            const catalogue = g.catalogues[locale];
            expect(strings.get(key.name)).toBe(catalogue[`policyTitle_${key.name}`]!.message);
            const explain = strings.get(`${key.name}_Explain`)!;
            expect(explain.startsWith(catalogue[`policyDesc_${key.name}`]!.message as string)).toBe(
              true,
            );
            if (key.kind === 'integer' && key.enumValues === undefined)
              expect(explain).toContain(words.range(key.minimum!, key.maximum!));
            if (key.kind === 'boolean') expect(explain).toContain(words.booleanStates);
          }
        }
        // Written out, not taken from WORDS: the Swedish file must say these very things.
        const sv = xmlAt(g, `windows/${browser.slug}/sv-SE/${browser.fileName}.adml`);
        const svStrings = new Map(
          childrenNamed(child(child(sv, 'resources'), 'stringTable'), 'string').map((s) => [
            s.attrs.id,
            s.text,
          ]),
        );
        expect(child(sv, 'displayName').text).toBe(`Otter Authenticator för ${browser.product}`);
        expect(child(sv, 'description').text).toBe(
          `Principer för tillägget Otter Authenticator i ${browser.product}.`,
        );
        expect(svStrings.get('SUPPORTED_OTTER')).toBe(
          `${browser.product} ${MIN_VERSION} eller senare, med tillägget Otter Authenticator installerat`,
        );
        for (const key of g.keys) {
          const explain = svStrings.get(`${key.name}_Explain`)!;
          // Windows' Swedish names for the three states of a policy.
          if (key.kind === 'boolean') {
            for (const state of ['Aktiverad', 'Inaktiverad', 'Inte konfigurerad']) {
              expect(explain).toContain(state);
            }
          }
          if (key.kind === 'integer' && key.enumValues === undefined) {
            expect(explain).toContain(`Tillåtna värden: ${key.minimum} till ${key.maximum}.`);
          }
          expect(g.catalogues.sv[`policyTitle_${key.name}`]!.message).not.toBe(
            g.catalogues.en[`policyTitle_${key.name}`]!.message,
          );
        }
      },
    );

    it.each(CHROMIUM_BROWSERS)(
      '$product .reg: force-install, then every key with its registry type',
      (browser) => {
        const { header, sections } = parseReg(
          readFileSync(join(g.dir, `windows/${browser.slug}/${browser.fileName}.reg`)),
        );
        expect(header).toBe('Windows Registry Editor Version 5.00');
        const id = idFor(g, browser);
        const hklm = (path: string) => `HKEY_LOCAL_MACHINE\\${path}`.toLowerCase();
        const find = (path: string, remove = false) =>
          sections.findIndex((s) => s.path.toLowerCase() === hklm(path) && s.remove === remove);
        const forcelist = sections[find(`${browser.registryRoot}\\ExtensionInstallForcelist`)]!;
        expect(forcelist.values).toEqual(
          new Map([['1', { type: 'string', value: `${id};${urlFor(g, browser)}` }]]),
        );
        const policyKey = extensionPolicyKey(browser, id);
        const cleared = find(policyKey, true);
        const set = find(policyKey);
        expect(cleared).toBeGreaterThanOrEqual(0);
        expect(set).toBeGreaterThan(cleared);
        const values = sections[set]!.values;
        const scalars = g.keys.filter((k) => k.kind !== 'string-list');
        expect([...values.keys()]).toEqual(scalars.map((k) => k.name));
        for (const key of g.keys) {
          const expected = example(g, key);
          if (key.kind === 'string-list') {
            const list = sections[find(`${policyKey}\\${key.name}`)]!.values;
            expect([...list.entries()]).toEqual(
              (expected as string[]).map((v, i) => [String(i + 1), { type: 'string', value: v }]),
            );
          } else if (key.kind === 'string') {
            expect(values.get(key.name)).toEqual({ type: 'string', value: expected });
          } else {
            expect(values.get(key.name)).toEqual({ type: 'dword', value: Number(expected) });
          }
        }
      },
    );

    it.each(CHROMIUM_BROWSERS)(
      '$product .mobileconfig: force-install payload and a policy payload with plist types',
      (browser) => {
        const doc = xmlAt(g, `macos/${browser.fileName}.mobileconfig`);
        expect(doc.name).toBe('plist');
        const profile = plistValue(child(doc, 'dict')) as Record<string, PlistValue>;
        expect(profile).toMatchObject({
          PayloadType: 'Configuration',
          PayloadVersion: 1,
          PayloadScope: 'System',
        });
        const payloads = profile.PayloadContent as Record<string, PlistValue>[];
        const id = idFor(g, browser);
        const install = payloads.find((p) => p.PayloadType === browser.macDomain)!;
        expect(install.ExtensionSettings).toEqual({
          [id]: { installation_mode: 'force_installed', update_url: urlFor(g, browser) },
        });
        const policy = payloads.find(
          (p) => p.PayloadType === `${browser.macDomain}.extensions.${id}`,
        )!;
        for (const key of g.keys) expectTyped(key, policy[key.name], example(g, key));
        const all = [profile, ...payloads];
        const uuids = all.map((p) => p.PayloadUUID as string);
        for (const uuid of uuids)
          expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
        expect(new Set(uuids).size).toBe(all.length);
        expect(new Set(all.map((p) => p.PayloadIdentifier)).size).toBe(all.length);
        for (const p of all) expect(p.PayloadVersion).toBe(1);
      },
    );

    it.each(LINUX_TARGETS)(
      'Linux $product: force-install and the 3rdparty block, JSON-typed',
      (target) => {
        const policy = readJson<
          Record<string, Record<string, Record<string, Record<string, unknown>>>>
        >(join(g.dir, `linux/${target.slug}/otter.json`));
        const id = target.id(g.templates.ids);
        expect(policy.ExtensionSettings).toEqual({
          [id]: {
            installation_mode: 'force_installed',
            update_url: target.updateUrl(g.templates.ids),
          },
        });
        const values = policy['3rdparty']!.extensions![id]!;
        expect(Object.keys(values)).toEqual(g.keys.map((k) => k.name));
        for (const key of g.keys) expectTyped(key, values[key.name], example(g, key));
      },
    );

    it('Firefox policies.json: ExtensionSettings force-install and 3rdparty.Extensions', () => {
      const { policies } = readJson<{
        policies: Record<string, Record<string, Record<string, unknown>>>;
      }>(join(g.dir, 'firefox/policies.json'));
      const { firefox, firefoxInstallUrl } = g.templates.ids;
      expect(policies.ExtensionSettings).toEqual({
        [firefox]: { installation_mode: 'force_installed', install_url: firefoxInstallUrl },
      });
      const values = policies['3rdparty']!.Extensions![firefox] as Record<string, unknown>;
      expect(Object.keys(values)).toEqual(g.keys.map((k) => k.name));
      for (const key of g.keys) expectTyped(key, values[key.name], example(g, key));
    });

    it('Intune notes: the ingestion URI and one Config URI per key; README names the ids', () => {
      const intune = readFileSync(join(g.dir, 'intune.md'), 'utf8');
      expect(intune).toContain(
        './Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/OtterChrome/Policy/OtterChromeAdmx',
      );
      for (const key of g.keys)
        expect(intune).toContain(
          `./Device/Vendor/MSFT/Policy/Config/OtterChrome~Policy~OtterAuthenticator/${key.name}\``,
        );
      const readme = readFileSync(join(g.dir, 'README.md'), 'utf8');
      const { chrome, edge, firefox } = g.templates.ids;
      for (const id of [chrome, edge, firefox]) expect(readme).toContain(`\`${id}\``);
    });

    it('writes the listed files, and every key (added ones too) appears in each', () => {
      expect(g.keys.map((k) => k.name)).toEqual(expect.arrayContaining([...extraKeys]));
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
        );
      const files = walk(g.dir);
      expect(files.map((f) => relative(g.dir, f)).sort()).toEqual(
        [...g.templates.files.keys()].sort(),
      );
      for (const file of files) {
        const bytes = readFileSync(file);
        const text = file.endsWith('.reg')
          ? bytes.subarray(2).toString('utf16le')
          : bytes.toString('utf8');
        for (const { name } of g.keys) {
          expect(text, `${relative(g.dir, file)}: ${name}`).toContain(name);
        }
      }
    });
  });
}

templateChecks('templates from public/schema.json', () => generate(), []);

templateChecks(
  'templates from a schema with a key of every shape added',
  () => generate({ ...extendedInputs(EXTRA_SCHEMA), examples: { ...EXAMPLES, ...EXTRA_EXAMPLES } }),
  Object.keys(EXTRA_SCHEMA),
);
