/**
 * The parts of the managed policy a handler applies within a request (src/policy/gates.ts
 * refuses whole requests): the passphrase pattern, and the allowed issuers for every way an
 * account gets in. Pure, so each rule is tested in Node without a worker.
 */
import type { ImportResult, RefusedEntry } from '../backup/import/types';
import { err, ok, type Result } from '../result';
import { issuerAllowed } from './issuers';
import { meetsPassphrasePolicy } from './passphrase-pattern';
import type { Policy } from './policy';

/** A new passphrase (or separate backup password) against the organisation's pattern. */
export function checkPolicyPassphrase(
  passphrase: string,
  policy: Policy,
): Result<void, 'passphrase_policy_mismatch'> {
  return meetsPassphrasePolicy(passphrase, policy.passphrasePolicy)
    ? ok(undefined)
    : err('passphrase_policy_mismatch');
}

/** Whether an account with this issuer may be added (or an issuer renamed to it). */
export function allowedIssuer(issuer: string, policy: Policy): boolean {
  return issuerAllowed(issuer, policy.allowedIssuers);
}

/** Accounts split by the allowed issuers, each part in the order given. */
export function splitByIssuer<T extends { readonly issuer: string }>(
  items: readonly T[],
  policy: Policy,
): { allowed: T[]; refused: T[] } {
  const allowed: T[] = [];
  const refused: T[] = [];
  for (const item of items) (allowedIssuer(item.issuer, policy) ? allowed : refused).push(item);
  return { allowed, refused };
}

/**
 * A file read for import, with the accounts the allowed issuers refuse moved to its refused
 * entries (reason `issuer_not_allowed`), so the preview lists them with the file's other refusals
 * and the rest imports as usual. Their position is their place among the accounts read, which is
 * not the file's numbering of its entries (the page names them instead, import-refused.ts).
 */
export function withoutRefusedIssuers(file: ImportResult, policy: Policy): ImportResult {
  if (policy.allowedIssuers === undefined) return file;
  const refused: RefusedEntry[] = [];
  const accounts = file.accounts.filter((account, index) => {
    if (allowedIssuer(account.issuer, policy)) return true;
    refused.push({
      index: index + 1,
      issuer: account.issuer,
      account: account.account,
      reason: 'issuer_not_allowed',
    });
    return false;
  });
  return { ...file, accounts, refused: [...file.refused, ...refused] };
}
