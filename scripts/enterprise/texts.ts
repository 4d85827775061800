/**
 * The words in the templates. Each policy's name and explanation come from the extension's own
 * catalogues (`policyTitle_<Key>`, `policyDesc_<Key>` in public/_locales), so the settings page and
 * the Group Policy editor say the same thing; the few sentences only templates need live here.
 */
import { err, ok, type Result } from '../../src/result';
import type { PolicyKey } from './schema';

/** Extension locale → the language folder Windows looks for ADML files in. */
export const LANGUAGES = [
  { locale: 'en', windows: 'en-US' },
  { locale: 'sv', windows: 'sv-SE' },
] as const;

export type Locale = (typeof LANGUAGES)[number]['locale'];

export interface TemplateWords {
  readonly admlName: (product: string) => string;
  readonly admlDescription: (product: string) => string;
  readonly category: (product: string) => string;
  readonly supportedOn: (product: string, version: string) => string;
  /** Group Policy shows a boolean as Enabled / Disabled / Not Configured: say what each sets. */
  readonly booleanStates: string;
  readonly range: (min: number, max: number) => string;
  readonly allowedValues: (values: readonly (string | number)[]) => string;
  readonly pattern: (pattern: string) => string;
  readonly list: string;
}

export const WORDS: Readonly<Record<Locale, TemplateWords>> = {
  en: {
    admlName: (product) => `Otter Authenticator for ${product}`,
    admlDescription: (product) => `Policies for the Otter Authenticator extension in ${product}.`,
    category: (product) => `Otter Authenticator (${product})`,
    supportedOn: (product, version) =>
      `${product} ${version} or later, with the Otter Authenticator extension installed`,
    booleanStates:
      'Enabled sets the policy to true, Disabled sets it to false, and Not Configured leaves it unset.',
    range: (min, max) => `Allowed values: ${min} to ${max}.`,
    allowedValues: (values) => `Allowed values: ${values.join(', ')}.`,
    pattern: (pattern) => `The value must match the regular expression ${pattern}`,
    list: 'Enter each value on its own row.',
  },
  sv: {
    admlName: (product) => `Otter Authenticator för ${product}`,
    admlDescription: (product) => `Principer för tillägget Otter Authenticator i ${product}.`,
    category: (product) => `Otter Authenticator (${product})`,
    supportedOn: (product, version) =>
      `${product} ${version} eller senare, med tillägget Otter Authenticator installerat`,
    booleanStates:
      'Aktiverad sätter principen till true, Inaktiverad sätter den till false och Inte konfigurerad innebär att principen inte anges.',
    range: (min, max) => `Tillåtna värden: ${min} till ${max}.`,
    allowedValues: (values) => `Tillåtna värden: ${values.join(', ')}.`,
    pattern: (pattern) => `Värdet måste matcha det reguljära uttrycket ${pattern}`,
    list: 'Ange varje värde på en egen rad.',
  },
};

export interface PolicyText {
  readonly title: string;
  readonly description: string;
}

export interface MessageMissing {
  readonly code: 'message_missing';
  readonly key: string;
  readonly locale: Locale;
}

/** One locale's messages.json, as the extension reads it: key → { message }. */
export type Catalogue = Readonly<Record<string, { readonly message?: unknown }>>;

export const titleMessage = (key: string) => `policyTitle_${key}`;
export const descriptionMessage = (key: string) => `policyDesc_${key}`;

export function policyTexts(
  keys: readonly PolicyKey[],
  catalogue: Catalogue,
  locale: Locale,
): Result<ReadonlyMap<string, PolicyText>, MessageMissing> {
  const texts = new Map<string, PolicyText>();
  const message = (id: string) => {
    const text = Object.hasOwn(catalogue, id) ? catalogue[id]?.message : undefined;
    return typeof text === 'string' && text.trim() !== '' ? text : undefined;
  };
  for (const { name } of keys) {
    const title = message(titleMessage(name));
    const description = message(descriptionMessage(name));
    if (title === undefined || description === undefined) {
      return err({ code: 'message_missing', key: name, locale });
    }
    texts.set(name, { title, description });
  }
  return ok(texts);
}

/** The explanation Group Policy shows: the catalogue's text, then what the schema allows. */
export function explainText(key: PolicyKey, text: PolicyText, words: TemplateWords): string {
  const notes: string[] = [];
  if (key.kind === 'boolean') notes.push(words.booleanStates);
  if (key.enumValues !== undefined) notes.push(words.allowedValues(key.enumValues));
  else if (key.kind === 'integer') notes.push(words.range(key.minimum ?? 0, key.maximum ?? 0));
  if (key.pattern !== undefined) notes.push(words.pattern(key.pattern));
  if (key.kind === 'string-list') notes.push(words.list);
  return [text.description, ...notes].join('\n\n');
}
