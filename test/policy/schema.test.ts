/**
 * public/schema.json against the rest of the project: Chrome must accept it (only keywords its
 * validator knows), every key needs its name and explanation in every locale, and the ranges and
 * examples must be what parsePolicy (the lead's enforcement) accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../scripts/enterprise/examples';
import { readSchema, type PolicyKey } from '../../scripts/enterprise/schema';
import { descriptionMessage, titleMessage } from '../../scripts/enterprise/texts';
import { parsePolicy } from '../../src/policy/policy';

const schema = readSchema(readFileSync('public/schema.json', 'utf8'));
const keys: readonly PolicyKey[] = schema.ok ? schema.value : [];
const LOCALES = readdirSync('public/_locales');
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;
/** policy.ts names each field after its key, first letter lower-cased. */
const field = (key: string) => `${key[0]!.toLowerCase()}${key.slice(1)}`;

describe('public/schema.json', () => {
  it('is a schema Chrome accepts, with at least the keys policy.ts reads', () => {
    expect(schema.ok).toBe(true);
    expect(keys.length).toBeGreaterThanOrEqual(5);
  });

  it.each(LOCALES)('every key has a non-empty policyTitle_ and policyDesc_ in %s', (locale) => {
    const messages = catalogue(locale);
    for (const { name } of keys) {
      for (const id of [titleMessage(name), descriptionMessage(name)]) {
        expect(messages[id]?.message.trim(), `${locale}: ${id}`).toBeTruthy();
      }
    }
  });

  it('the Swedish names and explanations are translated, not copied', () => {
    const [en, sv] = [catalogue('en'), catalogue('sv')];
    for (const { name } of keys) {
      for (const id of [titleMessage(name), descriptionMessage(name)]) {
        expect(sv[id]!.message, id).not.toBe(en[id]!.message);
      }
    }
  });

  it('integer ranges are the ones parsePolicy enforces', () => {
    for (const key of keys.filter((k) => k.kind === 'integer' && k.enumValues === undefined)) {
      const read = (value: number) =>
        (parsePolicy({ [key.name]: value }) as Record<string, unknown>)[field(key.name)];
      expect(read(key.minimum!), `${key.name} at its minimum`).toBe(key.minimum);
      expect(read(key.maximum!), `${key.name} at its maximum`).toBe(key.maximum);
      expect(read(key.minimum! - 1), `${key.name} below`).toBeUndefined();
      expect(read(key.maximum! + 1), `${key.name} above`).toBeUndefined();
    }
  });

  it('every example in the templates is a value parsePolicy acts on', () => {
    for (const { name } of keys) {
      expect(parsePolicy({ [name]: EXAMPLES[name] }), name).not.toEqual({});
    }
  });
});
