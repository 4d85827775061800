/**
 * The longest names, notes and sites the vault stores, in UTF-16 units. The vault's reader
 * (src/vault/format.ts) refuses a record beyond them, so every write path (forms, scans, imports,
 * restore) applies the same bounds, and the forms say so before the worker has to.
 */
export const TEXT_LIMITS = {
  issuer: 256,
  account: 256,
  note: 4096,
  site: 2048,
  extraValue: 2048,
} as const;

/**
 * The most sites one account keeps (where it was set up, plus the pages the user taught it): more
 * than any service signs in on, and a bound on what one record and one match costs.
 */
export const MAX_SITES = 32;
