/**
 * What the managed policy refuses, request by request, checked by the worker's dispatcher
 * (background/dispatch.ts) before the handler runs, so that no page can get round it. Only
 * whole-request refusals live here; what a request may do in part (an import whose issuers are
 * partly allowed, a passphrase pattern) is the handler's.
 *
 * Fail closed: while the policy has never been read nor remembered (`known` false), every
 * request a policy key could refuse is refused with `policy_unknown`: an organisation that
 * forbids exports must not see one slip through in the seconds after a browser start.
 */
import type { RequestName, RequestOf } from '../messages/protocol';
import type { Policy } from './policy';
import type { PolicyError } from './policy-errors';

type Gate<K extends RequestName> = (payload: RequestOf<K>, policy: Policy) => PolicyError | null;

const none = (): null => null;
const plainExport = (_: unknown, p: Policy): PolicyError | null =>
  p.allowPlainExport === false ? 'export_forbidden' : null;
const fileImport = (_: unknown, p: Policy): PolicyError | null =>
  p.allowImport === false ? 'import_forbidden' : null;

const manualEntry = (_: unknown, p: Policy): PolicyError | null =>
  p.allowManualEntry === false ? 'manual_entry_forbidden' : null;

const recoveryCode = (_: unknown, p: Policy): PolicyError | null =>
  p.allowRecoveryCode === false ? 'recovery_code_forbidden' : null;

/** The requests a policy key can refuse; each needs `policy: true` in its row (a test checks). */
export const POLICY_GATES: { readonly [K in RequestName]?: Gate<K> } = {
  createVault: none,
  changePassphrase: none,
  unlockWithRecovery: recoveryCode,
  newRecoveryCode: recoveryCode,
  // A reset is the owner's to ask for with either secret, but under the policy no recovery code
  // is used anywhere: neither to open the vault nor to prove it is one's own.
  resetVault: (proof, p) => ('recoveryCode' in proof ? recoveryCode(proof, p) : null),
  addAccount: manualEntry,
  // Links pasted as text are pasted, not scanned: the add form offers them only with manual entry.
  readLinks: manualEntry,
  updateAccount: none,
  addScanned: none,
  importScanned: none,
  exportPlain: plainExport,
  exportGoogle: plainExport,
  createBackup: ({ source }, p) =>
    p.allowBackup === false
      ? 'backup_forbidden'
      : source === 'password' && p.allowBackupWithSeparatePassword === false
        ? 'backup_password_forbidden'
        : null,
  planRestore: none,
  confirmRestore: none,
  importFile: fileImport,
  importPreview: fileImport,
  importCommit: fileImport,
};

/**
 * The forms of a gated request that no key can refuse: they run even while the policy is
 * unknown (a reset under the passphrase is not held up by a policy that only concerns recovery
 * codes). Any other form, including one not foreseen here, is gated.
 */
const POLICY_FREE: { readonly [K in RequestName]?: (payload: RequestOf<K>) => boolean } = {
  resetVault: (proof) => 'passphrase' in proof,
};

/** Why the policy refuses this request, or null when it may run. */
export function policyRefusal<K extends RequestName>(
  type: K,
  payload: RequestOf<K>,
  policy: Policy,
  known: boolean,
): PolicyError | null {
  const gate = Object.hasOwn(POLICY_GATES, type) ? (POLICY_GATES[type] as Gate<K>) : undefined;
  if (gate === undefined) return null;
  const free = Object.hasOwn(POLICY_FREE, type)
    ? (POLICY_FREE[type] as (payload: RequestOf<K>) => boolean)
    : undefined;
  if (free?.(payload) === true) return null;
  if (!known) return 'policy_unknown';
  return gate(payload, policy);
}
