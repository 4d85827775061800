/**
 * What the template generator accepts and refuses: schema shapes Chrome would reject, missing
 * messages or examples, extension ids and URLs from the command line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, parseCommandLine } from '../../scripts/enterprise/cli';
import { EXAMPLES } from '../../scripts/enterprise/examples';
import { runGenerator } from '../../scripts/enterprise/generate';
import { chromiumIdFromKey, isGeckoId } from '../../scripts/enterprise/ids';
import { readSchema, type SchemaErrorCode } from '../../scripts/enterprise/schema';
import { el, xmlDocument } from '../../scripts/enterprise/xml';
import { parseXml } from '../support/xml';
import {
  DEV_ID,
  EXTRA_EXAMPLES,
  EXTRA_SCHEMA,
  extendedInputs,
  generate,
  readJson,
  REAL_INPUTS,
  tempDir,
} from './enterprise-support';

const schemaWith = (properties: Record<string, unknown>, top: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'object', properties, ...top });

describe('reading the schema', () => {
  it('reads public/schema.json: every key with its kind and range', () => {
    const schema = readSchema(readFileSync(REAL_INPUTS.schemaPath, 'utf8'));
    expect(schema).toEqual({
      ok: true,
      value: [
        { name: 'MinPassphraseLength', kind: 'integer', minimum: 8, maximum: 256 },
        { name: 'AutoLockMinutes', kind: 'integer', minimum: 1, maximum: 1440 },
        { name: 'LockOnScreenLock', kind: 'boolean' },
        { name: 'ClipboardClearSeconds', kind: 'integer', minimum: 1, maximum: 600 },
        { name: 'AllowPlainExport', kind: 'boolean' },
        { name: 'AllowBackup', kind: 'boolean' },
        { name: 'AllowBackupWithSeparatePassword', kind: 'boolean' },
        { name: 'AllowImport', kind: 'boolean' },
        { name: 'AllowManualEntry', kind: 'boolean' },
        { name: 'AllowedIssuers', kind: 'string-list' },
        { name: 'PassphrasePolicy', kind: 'string' },
        { name: 'PassphrasePolicyHint', kind: 'string' },
        { name: 'TrashRetentionDays', kind: 'integer', minimum: 1, maximum: 3650 },
        { name: 'BackupReminderDays', kind: 'integer', minimum: 1, maximum: 365 },
        { name: 'AllowRecoveryCode', kind: 'boolean' },
        { name: 'SupportURL', kind: 'string', pattern: '^(https?|mailto):' },
        { name: 'SupportText', kind: 'string' },
        { name: 'OrganisationName', kind: 'string' },
        { name: 'SkipWelcome', kind: 'boolean' },
      ],
    });
  });

  it('reads every supported shape, resolving $ref to an id', () => {
    const schema = readSchema(schemaWith(EXTRA_SCHEMA));
    expect(schema.ok && schema.value).toEqual([
      { name: 'HelpdeskURL', kind: 'string', pattern: '^https://' },
      { name: 'DepartmentName', kind: 'string' },
      { name: 'Region', kind: 'string', enumValues: ['eu', 'us'] },
      { name: 'ExtraIssuers', kind: 'string-list' },
      { name: 'MaxAccounts', kind: 'integer', minimum: 0, maximum: 5000 },
      {
        name: 'DigitsAllowed',
        kind: 'integer',
        enumValues: [6, 8],
        minimum: 0,
        maximum: 2147483647,
      },
      { name: 'AllowScan', kind: 'boolean' },
      { name: 'AllowSync', kind: 'boolean' },
    ]);
  });

  it.each<[string, string, SchemaErrorCode, string]>([
    ['not JSON', '{', 'schema_not_json', ''],
    [
      'a top level that is not an object',
      '{"type":"array","items":{"type":"string"}}',
      'schema_not_object',
      '',
    ],
    [
      'additionalProperties at the top',
      schemaWith({}, { additionalProperties: false }),
      'keyword_unsupported',
      '',
    ],
    [
      'a default (Chrome knows no such keyword)',
      schemaWith({ A: { type: 'boolean', default: true } }),
      'keyword_unsupported',
      'A',
    ],
    [
      'an x- keyword',
      schemaWith({ A: { type: 'integer', 'x-example': 3 } }),
      'keyword_unsupported',
      'A',
    ],
    [
      'a range on a boolean',
      schemaWith({ A: { type: 'boolean', minimum: 0 } }),
      'keyword_unsupported',
      'A',
    ],
    [
      'an enum on a list rather than its items',
      schemaWith({ A: { type: 'array', items: { type: 'string' }, enum: [['a']] } }),
      'keyword_unsupported',
      'A',
    ],
    ['type number', schemaWith({ A: { type: 'number' } }), 'type_unsupported', 'A'],
    ['an object', schemaWith({ A: { type: 'object', properties: {} } }), 'type_unsupported', 'A'],
    [
      'a list of integers',
      schemaWith({ A: { type: 'array', items: { type: 'integer' } } }),
      'type_unsupported',
      'A',
    ],
    ['an unresolved $ref', schemaWith({ A: { $ref: 'Nowhere' } }), 'ref_unresolved', 'A'],
    [
      'minimum above maximum',
      schemaWith({ A: { type: 'integer', minimum: 5, maximum: 4 } }),
      'range_invalid',
      'A',
    ],
    [
      'a fractional bound',
      schemaWith({ A: { type: 'integer', maximum: 4.5 } }),
      'range_invalid',
      'A',
    ],
    [
      'a negative minimum (ADMX decimals are unsigned)',
      schemaWith({ A: { type: 'integer', minimum: -1 } }),
      'range_unsupported',
      'A',
    ],
    [
      'a maximum beyond 2^31-1',
      schemaWith({ A: { type: 'integer', maximum: 2 ** 31 } }),
      'range_unsupported',
      'A',
    ],
    [
      'an enum of the wrong type',
      schemaWith({ A: { type: 'string', enum: [1, 2] } }),
      'enum_invalid',
      'A',
    ],
    ['an empty enum', schemaWith({ A: { type: 'string', enum: [] } }), 'enum_invalid', 'A'],
    [
      'an enum value out of range',
      schemaWith({ A: { type: 'integer', maximum: 5, enum: [6] } }),
      'enum_invalid',
      'A',
    ],
    [
      'a pattern that does not compile',
      schemaWith({ A: { type: 'string', pattern: '(' } }),
      'pattern_invalid',
      'A',
    ],
    [
      'a lookahead (RE2, which Chrome uses, has none)',
      schemaWith({ A: { type: 'string', pattern: '^(?=a)' } }),
      'pattern_invalid',
      'A',
    ],
    [
      'a backreference',
      schemaWith({ A: { type: 'array', items: { type: 'string', pattern: '(a)\\1' } } }),
      'pattern_invalid',
      'A',
    ],
    [
      'a pattern on an integer',
      schemaWith({ A: { type: 'integer', pattern: 'x' } }),
      'pattern_invalid',
      'A',
    ],
    [
      'a key name unfit for a message key',
      schemaWith({ 'Bad-Key': { type: 'boolean' } }),
      'key_name_invalid',
      'Bad-Key',
    ],
  ])('refuses %s', (_, text, code, key) => {
    expect(readSchema(text)).toEqual({ ok: false, error: { code, key } });
  });
});

describe('what stops the generator', () => {
  it.each(['en', 'sv'] as const)(
    'a key without policyTitle_/policyDesc_ messages in %s',
    (missing) => {
      const outDir = tempDir();
      const withMessages = missing === 'en' ? (['sv'] as const) : (['en'] as const);
      const result = runGenerator({
        ...REAL_INPUTS,
        ...extendedInputs({ HelpdeskURL: EXTRA_SCHEMA.HelpdeskURL }, withMessages),
        outDir,
        examples: { ...EXAMPLES, HelpdeskURL: EXTRA_EXAMPLES.HelpdeskURL! },
      });
      expect(result).toEqual({
        ok: false,
        error: { code: 'message_missing', key: 'HelpdeskURL', locale: missing },
      });
      expect(readdirSync(outDir)).toEqual([]); // nothing is written half done
    },
  );

  it.each([
    ['example_missing', 'MaxAccounts', {}],
    ['example_invalid', 'MaxAccounts', { MaxAccounts: 5001 }],
    ['example_invalid', 'MaxAccounts', { MaxAccounts: '250' }],
    ['example_invalid', 'HelpdeskURL', { MaxAccounts: 1, HelpdeskURL: 'http://plain.example' }],
    ['example_invalid', 'HelpdeskURL', { MaxAccounts: 1, HelpdeskURL: 'https://a\nb' }],
    ['example_unknown', 'Gone', { MaxAccounts: 1, HelpdeskURL: 'https://a', Gone: true }],
  ])('%s for %s', (code, key, extra) => {
    const inputs = extendedInputs({
      MaxAccounts: EXTRA_SCHEMA.MaxAccounts,
      HelpdeskURL: EXTRA_SCHEMA.HelpdeskURL,
    });
    const result = runGenerator({
      ...REAL_INPUTS,
      ...inputs,
      outDir: tempDir(),
      examples: { ...EXAMPLES, ...extra },
    });
    expect(result).toEqual({ ok: false, error: { code, key } });
  });

  it('an id or URL that is not one', () => {
    const run = (overrides: Record<string, string>) =>
      runGenerator({ ...REAL_INPUTS, outDir: tempDir(), overrides });
    expect(run({ chromeId: 'abc' })).toEqual({
      ok: false,
      error: { code: 'id_invalid', key: 'chromeId' },
    });
    expect(run({ edgeId: 'z'.repeat(32) })).toEqual({
      ok: false,
      error: { code: 'id_invalid', key: 'edgeId' },
    });
    expect(run({ firefoxId: 'no spaces@x' })).toEqual({
      ok: false,
      error: { code: 'id_invalid', key: 'firefoxId' },
    });
    expect(run({ chromeUpdateUrl: 'http://updates.example/crx' })).toEqual({
      ok: false,
      error: { code: 'url_invalid', key: 'chromeUpdateUrl' },
    });
    expect(run({ firefoxInstallUrl: 'https://x.example/"a' })).toEqual({
      ok: false,
      error: { code: 'url_invalid', key: 'firefoxInstallUrl' },
    });
  });

  it('describes errors by code and key only', () => {
    expect(describeError({ code: 'message_missing', key: 'HelpdeskURL', locale: 'sv' })).toBe(
      'message_missing, key HelpdeskURL, locale sv',
    );
    expect(describeError({ code: 'schema_not_json', key: '' })).toBe('schema_not_json');
  });
});

describe('extension ids', () => {
  it("computes the development id from manifest.json's key", () => {
    const manifest = readJson<{ key: string }>('manifest.json');
    expect(chromiumIdFromKey(manifest.key)).toEqual({ ok: true, value: DEV_ID });
    expect(chromiumIdFromKey('not base64!')).toEqual({ ok: false, error: 'manifest_key_invalid' });
  });

  it('accepts Gecko ids as Firefox does: email-like or a braced UUID', () => {
    expect(isGeckoId('otter@otter-authenticator.org')).toBe(true);
    expect(isGeckoId('{446900e4-71c2-419f-a6a7-df9c091e268b}')).toBe(true);
    expect(isGeckoId('otter')).toBe(false);
    expect(isGeckoId(`${'a'.repeat(80)}@x.org`)).toBe(false);
  });

  it('uses the ids given on the command line everywhere, and says so in the README', () => {
    const chromeId = 'bcdefghijklmnopabcdefghijklmnopa';
    const edgeId = 'ponmlkjihgfedcbaponmlkjihgfedcba';
    const firefoxId = '{446900e4-71c2-419f-a6a7-df9c091e268b}';
    const options = parseCommandLine([
      '--chrome-id',
      chromeId,
      '--edge-id',
      edgeId,
      '--firefox-id',
      firefoxId,
      '--out',
      'x',
    ]);
    if (!options.ok) return expect.fail('flags refused');
    const g = generate({ overrides: options.value.overrides });
    expect(g.templates.ids).toMatchObject({ chrome: chromeId, edge: edgeId, firefox: firefoxId });
    const text = (path: string) => readFileSync(join(g.dir, path), 'utf8');
    expect(text('windows/chrome/otter-chrome.admx')).toContain(`\\extensions\\${chromeId}\\policy`);
    expect(text('windows/edge/otter-edge.admx')).toContain(`\\extensions\\${edgeId}\\policy`);
    expect(text('macos/otter-edge.mobileconfig')).toContain(
      `com.microsoft.Edge.extensions.${edgeId}`,
    );
    expect(text('linux/chromium/otter.json')).toContain(chromeId);
    expect(text('firefox/policies.json')).toContain(`/latest/${firefoxId}/latest.xpi`);
    const readme = text('README.md');
    expect(readme).toContain(
      `| Google Chrome, Chromium | \`${chromeId}\` | given on the command line |`,
    );
    expect(readme).toContain(`| Firefox | \`${firefoxId}\` | given on the command line |`);
    expect(readme).not.toContain(DEV_ID);
  });

  it('defaults: the development id for Chrome and Edge, Otter’s Gecko id, the stores’ URLs', () => {
    const options = parseCommandLine([]);
    expect(options).toEqual({
      ok: true,
      value: expect.objectContaining({
        schemaPath: 'public/schema.json',
        outDir: 'dist-enterprise',
      }),
    });
    const { ids } = generate().templates;
    expect(ids).toEqual({
      chrome: DEV_ID,
      edge: DEV_ID,
      firefox: 'otter@otter-authenticator.org',
      chromeUpdateUrl: 'https://clients2.google.com/service/update2/crx',
      edgeUpdateUrl: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
      firefoxInstallUrl:
        'https://addons.mozilla.org/firefox/downloads/latest/otter@otter-authenticator.org/latest.xpi',
    });
  });

  it('refuses unknown flags', () => {
    expect(parseCommandLine(['--chrome-idd', 'x'])).toEqual({ ok: false, error: 'usage' });
    expect(parseCommandLine(['stray'])).toEqual({ ok: false, error: 'usage' });
  });
});

describe('XML writing and the test reader', () => {
  it('round-trips every special character through attributes and text', () => {
    const awkward = `a & b < c > d " e ' f\nline ]]> ö`;
    const doc = parseXml(xmlDocument(el('root', { v: awkward }, [el('t', {}, awkward)])));
    expect(doc.attrs.v).toBe(awkward);
    expect(doc.children[0]!.text).toBe(awkward);
  });

  it.each([
    ['crossed tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b/>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>x'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['"<" in an attribute', '<a x="<"/>'],
    ['"--" in a comment', '<a><!-- a -- b --></a>'],
  ])('the reader refuses %s', (_, text) => {
    expect(() => parseXml(text)).toThrow(/not well-formed/);
  });
});
