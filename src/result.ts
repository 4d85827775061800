/**
 * Results at module boundaries: expected failures are values, exceptions are bugs.
 * Errors carry a code (translated for display) and never free text, so they cannot carry a secret.
 */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
