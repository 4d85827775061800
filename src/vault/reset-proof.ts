/** What deleting the vault must show first (Vault.reset checks it in the worker). */

/**
 * The token of the "I have lost both" reset: the page sends it only after the user has read
 * that everything will be deleted for good and typed the confirmation phrase.
 */
export const LOST_BOTH = 'lost-both-delete-everything';

/**
 * What a reset must show before the vault is deleted: the passphrase or the recovery code (the
 * owner asking), or, for someone who has lost both, the explicit lost-both token.
 */
export type ResetProof =
  | { readonly passphrase: string }
  | { readonly recoveryCode: string }
  | { readonly lostBoth: typeof LOST_BOTH };
