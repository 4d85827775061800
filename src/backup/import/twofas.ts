/**
 * 2FAS Authenticator backups (`.2fas`, FORMATS.md §2), schema versions 1 to 4, plain or with
 * `servicesEncrypted` (twofas-crypto.ts). Groups stay in plain text in both.
 *
 * The service's fields are what 2FAS computes codes from, so they win over `otp.link` (2FAS
 * keeps the link as first scanned: its counter does not move, a renamed service keeps the old
 * name). The link only fills in a field that is missing. `name` is the name the user sees and
 * edits: it is the issuer.
 */
import { parseOtpauthUri } from '../../otp/uri';
import { fromUtf8 } from '../../bytes';
import type { OtpEntry } from '../../otp/types';
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { finishImport, sourceNumber, tooManyEntries, type ReadEntry } from './collect';
import { entryFromFields, type SecretSource } from './entry';
import { IMPORT_LIMITS, field, isObject, stringField } from './input';
import { openServices, parseSealed } from './twofas-crypto';
import type { DroppedField, ImportError, ImportResult, Importer } from './types';

const MAX_SCHEMA_VERSION = 4;
/** 2FAS's own placeholder icon collection: not an icon the user or 2FAS picked. */
const DEFAULT_ICON_COLLECTION = 'a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad';

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** Group id → name. A Map: ids are data, not keys of an object. */
function groupNames(groups: unknown): Map<string, string> {
  const names = new Map<string, string>();
  if (!Array.isArray(groups)) return names;
  for (const group of groups.slice(0, IMPORT_LIMITS.maxEntries)) {
    const id = stringField(group, 'id');
    const name = stringField(group, 'name');
    if (id !== undefined && name !== undefined && !names.has(id)) names.set(id, name);
  }
  return names;
}

/** The icon and badge 2FAS shows, when they are more than its defaults. */
function droppedLooks(service: Record<string, unknown>, name: string): DroppedField[] {
  const dropped = new Set<DroppedField>();
  const icon = field(service, 'icon');
  const selected = stringField(icon, 'selected');
  if (selected === 'Label') {
    const label = field(icon, 'label');
    const colour = stringField(label, 'backgroundColor');
    const text = stringField(label, 'text');
    // 2FAS labels a service with the first two letters of its name, upper-cased.
    const defaultText = name.trim().slice(0, 2).toUpperCase();
    if (
      (colour !== undefined && colour !== 'Default') ||
      (text !== undefined && text.toUpperCase() !== defaultText)
    )
      dropped.add('colour');
  } else if (selected === 'IconCollection' || selected === 'Brand') {
    const collection = stringField(field(icon, 'iconCollection'), 'id');
    const brand = field(field(icon, 'brand'), 'id');
    if (
      (collection !== undefined && collection.toLowerCase() !== DEFAULT_ICON_COLLECTION) ||
      (selected === 'Brand' && typeof brand === 'string' && brand !== '')
    )
      dropped.add('icon');
  }
  const badge = stringField(field(service, 'badge'), 'color');
  if (badge !== undefined && badge !== 'Default') dropped.add('colour');
  return [...dropped];
}

/** Schema ≤ 3 labels are `Issuer:Account`: the account is what follows a known issuer. */
function accountFromLabel(
  label: string | undefined,
  issuers: (string | undefined)[],
): string | undefined {
  if (label === undefined) return undefined;
  for (const issuer of issuers) {
    if (issuer !== undefined && issuer !== '' && label.startsWith(`${issuer}:`))
      return label.slice(issuer.length + 1);
  }
  return label;
}

function turnService(
  service: unknown,
  index: number,
  groups: ReadonlyMap<string, string>,
): ReadEntry {
  if (!isObject(service)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const otp = field(service, 'otp');
  const name = stringField(service, 'name');
  const otpIssuer = stringField(otp, 'issuer');
  const link = stringField(otp, 'link');
  const parsed = link === undefined ? undefined : parseOtpauthUri(link);
  const fromLink: OtpEntry | undefined = parsed?.ok === true ? parsed.value.entry : undefined;
  const issuer = nonEmpty(name) ?? nonEmpty(otpIssuer) ?? fromLink?.issuer ?? '';
  const account =
    nonEmpty(stringField(otp, 'account')) ??
    nonEmpty(accountFromLabel(stringField(otp, 'label'), [otpIssuer, name])) ??
    fromLink?.account ??
    '';
  const secretText = stringField(service, 'secret');
  const secret: SecretSource | undefined =
    secretText !== undefined
      ? { base32: secretText }
      : fromLink !== undefined
        ? { bytes: fromLink.secret }
        : undefined;
  const groupId = stringField(service, 'groupId');
  const group = groupId === undefined ? undefined : groups.get(groupId);
  const built = entryFromFields({
    type: stringField(otp, 'tokenType') ?? fromLink?.type ?? 'totp',
    secret,
    algorithm: stringField(otp, 'algorithm') ?? fromLink?.algorithm ?? null,
    digits: sourceNumber(field(otp, 'digits')) ?? fromLink?.digits,
    period: sourceNumber(field(otp, 'period')) ?? fromLink?.period,
    counter: sourceNumber(field(otp, 'counter')) ?? fromLink?.counter,
    issuer,
    account,
    tags: group === undefined ? [] : [group],
    dropped: droppedLooks(service, issuer),
  });
  return { index, labels: { issuer, account }, result: built };
}

/** `order.position`, or after every positioned service when it has none. */
function position(service: unknown): number {
  const p = field(field(service, 'order'), 'position');
  return typeof p === 'number' && Number.isFinite(p) ? p : Number.POSITIVE_INFINITY;
}

/**
 * Where each service goes. 2FAS Android numbers `order.position` across all services; 2FAS iOS
 * (MainRepositoryImpl+Export.swift) numbers each group from 0, so a position repeats, and the
 * positions then say nothing across groups: the file's own order is kept (iOS writes its list
 * in the order it shows it; Bitwarden's iOS test export interleaves groups so).
 */
function orderKeys(services: readonly unknown[]): number[] {
  const positions = services.map(position);
  const finite = positions.filter((p) => p !== Number.POSITIVE_INFINITY);
  return new Set(finite).size === finite.length ? positions : services.map((_, i) => i);
}

function readServices(
  services: unknown,
  groups: ReadonlyMap<string, string>,
  encrypted: boolean,
): Result<ImportResult, ImportError> {
  if (!Array.isArray(services)) return err({ code: 'import_damaged' });
  if (tooManyEntries(services)) return err({ code: 'import_too_large' });
  const keys = orderKeys(services);
  const ordered = services
    .map((service: unknown, i) => ({ service, i, at: keys[i] ?? i }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  return finishImport(
    'twofas',
    encrypted,
    ordered.map(({ service, i }) => turnService(service, i + 1, groups)),
  );
}

export const twofasImporter: Importer = {
  format: 'twofas',

  detect(input) {
    const json = input.json;
    return (
      isObject(json) &&
      typeof field(json, 'schemaVersion') === 'number' &&
      (Array.isArray(field(json, 'services')) ||
        typeof field(json, 'servicesEncrypted') === 'string')
    );
  },

  read(input) {
    const json = input.json;
    const version = field(json, 'schemaVersion');
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      return Promise.resolve(err({ code: 'import_damaged' }));
    if (version > MAX_SCHEMA_VERSION)
      return Promise.resolve(err({ code: 'import_version_unsupported' }));
    const groups = groupNames(field(json, 'groups'));
    const encryptedText = nonEmpty(stringField(json, 'servicesEncrypted'));
    if (encryptedText === undefined) {
      const result = readServices(field(json, 'services'), groups, false);
      return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
    }
    const sealed = parseSealed(encryptedText);
    if (sealed === null) return Promise.resolve(err({ code: 'import_damaged' }));
    // A reference that cannot be read is passed over: the services field still tells.
    const reference = parseSealed(stringField(json, 'reference'));
    return Promise.resolve(
      ok({
        kind: 'encrypted',
        format: 'twofas',
        decrypt: async (password: string) => {
          const opened = await openServices(sealed, reference, password);
          if (!opened.ok) return opened;
          const text = fromUtf8(opened.value);
          const services =
            text === null ? null : parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
          return services?.ok === true
            ? readServices(services.value, groups, true)
            : err({ code: 'import_damaged' });
        },
      }),
    );
  },
};
