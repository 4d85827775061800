/**
 * Whether the recovery code was confirmed as stored. A new code is shown once (a new vault, a
 * recovery, New recovery code), and the page showing it can go before the user stored it (a
 * toolbar popup closes when it loses focus, a tab is closed): the vault then has a code nobody
 * kept. So the header write that makes a recovery slot also writes a note naming it, and the
 * note goes when the user confirms (the `recoveryCodeStored` request). Not secret: a vault id and
 * a slot id, both in the clear in the header.
 *
 * Stored as meta `recoveryUnconfirmed`. Absent (every vault from before the note, and each one
 * whose code was confirmed) means confirmed; so does a note that names another vault, or a slot
 * the header no longer has.
 */
import { parseHeader, type Header } from './format';

export interface RecoveryNote {
  readonly vaultId: string;
  /** The recovery slot whose code was shown and not yet confirmed as stored. */
  readonly slotId: string;
}

/** The note for the recovery slot of `header` (undefined: it has none, none is shown). */
export function recoveryNote(header: Header): RecoveryNote | undefined {
  const slot = header.slots.find((s) => s.kind === 'recovery');
  return slot ? { vaultId: header.vaultId, slotId: slot.id } : undefined;
}

/** The stored note names the stored header's recovery slot: its code is not confirmed. */
export function recoveryUnconfirmed(header: unknown, note: unknown): boolean {
  if (typeof note !== 'object' || note === null) return false;
  const parsed = parseHeader(header);
  if (!parsed.ok) return false;
  const { vaultId, slotId } = note as Partial<Record<keyof RecoveryNote, unknown>>;
  return (
    vaultId === parsed.value.vaultId &&
    parsed.value.slots.some((s) => s.kind === 'recovery' && s.id === slotId)
  );
}
