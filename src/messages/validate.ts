/**
 * Runtime checks of request payloads. Senders are our own pages, so these are defence in depth:
 * a malformed payload gets `bad_request` instead of reaching the vault.
 */

export function isString(value: unknown, maxLength = 4_194_304): value is string {
  return typeof value === 'string' && value.length <= maxLength;
}

export function isOptionalString(value: unknown, maxLength?: number): value is string | undefined {
  return value === undefined || isString(value, maxLength);
}

export function isOptionalInt(value: unknown): value is number | undefined {
  return value === undefined || (typeof value === 'number' && Number.isSafeInteger(value));
}

export function isOptionalBoolean(value: unknown): value is boolean | undefined {
  return value === undefined || typeof value === 'boolean';
}

/** True when `value` has no keys outside `allowed` (unknown fields are refused, not ignored). */
export function hasOnlyKeys(value: object, allowed: readonly string[]): boolean {
  return Object.keys(value).every((k) => allowed.includes(k));
}
