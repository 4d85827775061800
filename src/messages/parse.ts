/**
 * Payload parsers for the request table (src/messages/requests.ts): small combinators that check
 * an untrusted JSON value and return it typed, or undefined. The router runs a request's parser before
 * its handler, so a handler's payload type is true and no handler checks `typeof` again.
 *
 * Objects are checked exactly: an unknown key is refused, not ignored (a page bug or a crafted
 * message shows up as `bad_request` instead of being half-understood). Only own keys are read.
 */

/**
 * Checks `value` and returns it typed, or undefined when it does not fit. (Undefined, not null,
 * is the failure: null is a JSON value a payload may hold; undefined never travels in a message.)
 */
export type Parser<T> = (value: unknown) => T | undefined;

/** The strings Otter accepts in any payload field unless a field says less (4 MiB). */
const DEFAULT_MAX_STRING = 4_194_304;

export function str(maxLength = DEFAULT_MAX_STRING): Parser<string> {
  return (value) => (typeof value === 'string' && value.length <= maxLength ? value : undefined);
}

export const bool: Parser<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);

/** A safe integer within [min, max]. */
export function int(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Parser<number> {
  return (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max
      ? value
      : undefined;
}

/** One of the given string literals. */
export function oneOf<const T extends string>(...values: readonly T[]): Parser<T> {
  return (value) => values.find((v) => v === value);
}

/** An array of at most `max` (and at least `min`) items, each parsed. */
export function list<T>(
  item: Parser<T>,
  { min = 0, max, unique = false }: { min?: number; max: number; unique?: boolean },
): Parser<T[]> {
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return undefined;
    const out: T[] = [];
    for (const raw of value) {
      const parsed = item(raw);
      if (parsed === undefined) return undefined;
      out.push(parsed);
    }
    if (unique && new Set(out).size !== out.length) return undefined;
    return out;
  };
}

/** A plain object mapping string keys to parsed values (at most `max` keys). */
export function record<T>(item: Parser<T>, max: number): Parser<Record<string, T>> {
  return (value) => {
    if (!isPlainObject(value)) return undefined;
    const keys = Object.keys(value);
    if (keys.length > max) return undefined;
    const out: Record<string, T> = {};
    for (const key of keys) {
      const parsed = item(value[key]);
      if (parsed === undefined || key === '__proto__') return undefined;
      out[key] = parsed;
    }
    return out;
  };
}

/** Marks a field that may be absent. */
export interface Optional<T> {
  readonly optional: Parser<T>;
}

export function optional<T>(parser: Parser<T>): Optional<T> {
  return { optional: parser };
}

type Field = Parser<unknown> | Optional<unknown>;
type Shape = Readonly<Record<string, Field>>;

type RequiredKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends Parser<unknown> ? K : never;
}[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type FieldType<F> = F extends Parser<infer T> ? T : F extends Optional<infer T> ? T : never;

export type ObjectOf<S extends Shape> = {
  [K in RequiredKeys<S>]: FieldType<S[K]>;
} & { [K in OptionalKeys<S>]?: FieldType<S[K]> };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An object with exactly these fields (optional ones may be missing), no others. */
export function obj<const S extends Shape>(shape: S): Parser<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return (value) => {
    if (!isPlainObject(value)) return undefined;
    for (const key of Object.keys(value)) if (!keys.includes(key)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape[key]!;
      const raw = Object.hasOwn(value, key) ? value[key] : undefined;
      if ('optional' in field) {
        if (raw === undefined) continue;
        const parsed = field.optional(raw);
        if (parsed === undefined) return undefined;
        out[key] = parsed;
      } else {
        const parsed = field(raw);
        if (parsed === undefined) return undefined;
        out[key] = parsed;
      }
    }
    return out as ObjectOf<S>;
  };
}

/** The first of the parsers that accepts the value. */
export function either<A, B>(a: Parser<A>, b: Parser<B>): Parser<A | B> {
  return (value) => {
    const first = a(value);
    return first !== undefined ? first : b(value);
  };
}

/** The value parsed, or null. */
export function nullable<T>(parser: Parser<T>): Parser<T | null> {
  return (value) => (value === null ? null : parser(value));
}

/** `{}`: a request without a payload. */
export const empty: Parser<Record<string, never>> = obj({});
