/**
 * What the QR codes of one scan are, for the person scanning: accounts to add, Google export
 * progress ("2 of 3 scanned") and its accounts once complete, Microsoft's own enrolment, damaged
 * codes with their specific error, and unrelated codes described by what a message needs.
 *
 * Pure: the accounts found still hold their secrets here; the worker seals them before anything
 * reaches a page (background/handlers/scan.ts), and pages only ever see names and a pending id.
 */
import type { AppError } from '../errors';
import type { OtpEntry } from '../otp/types';
import type { UriWarning } from '../otp/uri';
import { classifyQrText, type QrContent, type QrKind } from './classify';
import {
  addMigrationCode,
  completedMigration,
  type MigrationBatchesState,
} from './migration-batches';

export type QrFinding =
  | { readonly kind: 'account'; readonly entry: OtpEntry; readonly warnings: readonly UriWarning[] }
  /** An otpauth:// code that is wrong in some way: the specific error. */
  | { readonly kind: 'invalid-account'; readonly error: AppError }
  /** A Google Authenticator export code: progress, and the accounts once every code is in. */
  | {
      readonly kind: 'google-export';
      readonly batchId: number;
      readonly scanned: number;
      readonly size: number;
      readonly missing: readonly number[];
      readonly repeated: boolean;
      readonly entries: readonly OtpEntry[] | null;
      /** Accounts of the export that cannot be imported (unsupported or damaged). */
      readonly unreadable: number;
    }
  | { readonly kind: 'invalid-google-export'; readonly error: AppError }
  | { readonly kind: 'microsoft' }
  /** Not an account: what it is, with only what a message needs (a host, a network name). */
  | { readonly kind: 'other'; readonly what: QrKind; readonly detail: string | null };

export interface QrReading {
  /** Accounts and exports first (what the user came for), then what explains the other codes. */
  readonly findings: readonly QrFinding[];
  /** Google exports scanned so far, with this scan's codes. */
  readonly batches: MigrationBatchesState;
  /** This scan added an export code: the batches must be saved. */
  readonly batchesChanged: boolean;
}

/** Only what a message needs of an unrelated code: a host, a network name, a scheme. */
function other(content: QrContent): QrFinding {
  switch (content.kind) {
    case 'url':
      return { kind: 'other', what: 'url', detail: content.host };
    case 'wifi':
      return { kind: 'other', what: 'wifi', detail: content.ssid };
    case 'other-uri':
      return { kind: 'other', what: 'other-uri', detail: content.scheme };
    default:
      return { kind: 'other', what: content.kind, detail: null };
  }
}

function read(
  text: string,
  batches: MigrationBatchesState,
): { finding: QrFinding; batches: MigrationBatchesState; changed: boolean } {
  const content = classifyQrText(text);
  if (content.kind === 'otpauth') {
    const finding: QrFinding = content.result.ok
      ? {
          kind: 'account',
          entry: content.result.value.entry,
          warnings: content.result.value.warnings,
        }
      : { kind: 'invalid-account', error: content.result.error };
    return { finding, batches, changed: false };
  }
  if (content.kind === 'google-migration') {
    if (!content.result.ok) {
      const error = { code: content.result.error.code };
      return { finding: { kind: 'invalid-google-export', error }, batches, changed: false };
    }
    const added = addMigrationCode(batches, content.result.value);
    const { id, size, scanned, missing, complete } = added.progress;
    const done = complete ? completedMigration(added.state, id) : null;
    return {
      finding: {
        kind: 'google-export',
        batchId: id,
        scanned,
        size,
        missing,
        repeated: added.outcome === 'duplicate',
        entries: done?.entries ?? null,
        unreadable: done?.errors.length ?? 0,
      },
      batches: added.state,
      changed: added.outcome === 'added',
    };
  }
  if (content.kind === 'microsoft')
    return { finding: { kind: 'microsoft' }, batches, changed: false };
  return { finding: other(content), batches, changed: false };
}

const rank = (f: QrFinding): number => (f.kind === 'account' || f.kind === 'google-export' ? 0 : 1);

/**
 * Reads every decoded text of one scan, in order, against the exports scanned before. Several
 * codes of one Google export read at once (a page or an image showing them all, links pasted
 * together) make one finding: the export's progress after the last of them, `repeated` only when
 * none of them was new.
 */
export function readQrTexts(texts: readonly string[], batches: MigrationBatchesState): QrReading {
  const findings: QrFinding[] = [];
  /** Where each export's finding is in `findings`. */
  const exportAt = new Map<number, number>();
  let state = batches;
  let batchesChanged = false;
  for (const text of texts) {
    const next = read(text, state);
    state = next.batches;
    batchesChanged ||= next.changed;
    const finding = next.finding;
    if (finding.kind !== 'google-export') {
      findings.push(finding);
      continue;
    }
    const at = exportAt.get(finding.batchId);
    const before = at === undefined ? undefined : findings[at];
    if (at !== undefined && before?.kind === 'google-export') {
      findings[at] = { ...finding, repeated: before.repeated && finding.repeated };
    } else {
      exportAt.set(finding.batchId, findings.length);
      findings.push(finding);
    }
  }
  return {
    findings: [...findings].sort((a, b) => rank(a) - rank(b)),
    batches: state,
    batchesChanged,
  };
}
