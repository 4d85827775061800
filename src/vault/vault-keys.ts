/**
 * The vault key from the header's slots: reading the header, opening the passphrase or recovery
 * slot, and checking what a reset must show. Nothing here writes.
 */
import { err, ok, type Result } from '../result';
import { FORMAT_VERSION, parseHeader, type Header } from './format';
import type { KeySlots } from './key-slots';
import { normalizeRecoveryCode } from './recovery';
import { LOST_BOTH, type ResetProof } from './reset-proof';
import type { VaultStore } from './store';
import type { VaultError } from './vault-errors';

export class VaultKeys {
  constructor(
    private readonly store: VaultStore,
    private readonly slots: KeySlots,
  ) {}

  async header(): Promise<Result<Header, VaultError>> {
    const raw = await this.store.readHeader();
    if (raw === undefined) return err('vault_absent');
    const header = parseHeader(raw);
    if (!header.ok) return header;
    // Older formats are migrated when the worker starts; a newer one was written by a newer Otter.
    if (header.value.format > FORMAT_VERSION) return err('vault_too_new');
    if (header.value.format !== FORMAT_VERSION) return err('vault_corrupt');
    return header;
  }

  /** The vault key from the passphrase slot, or why not. */
  async fromPassphrase(
    header: Header,
    passphrase: string,
  ): Promise<Result<Uint8Array, VaultError>> {
    const key = await this.slots.open(header, 'passphrase', passphrase);
    return key.ok ? key : err(key.error === 'wrong' ? 'wrong_passphrase' : key.error);
  }

  /** The vault key from the recovery slot (the code typed any way), or why not. */
  async fromRecoveryCode(header: Header, code: string): Promise<Result<Uint8Array, VaultError>> {
    const normalized = normalizeRecoveryCode(code);
    if (!normalized.ok) return normalized;
    const key = await this.slots.open(header, 'recovery', normalized.value);
    return key.ok ? key : err(key.error === 'wrong' ? 'wrong_recovery_code' : key.error);
  }

  /** Checks the passphrase or the recovery code against the stored header. */
  async check(
    secret: { readonly passphrase: string } | { readonly recoveryCode: string },
  ): Promise<Result<void, VaultError>> {
    const header = await this.header();
    if (!header.ok) return header;
    const key =
      'passphrase' in secret
        ? await this.fromPassphrase(header.value, secret.passphrase)
        : await this.fromRecoveryCode(header.value, secret.recoveryCode);
    if (!key.ok) return key;
    key.value.fill(0);
    return ok(undefined);
  }

  /**
   * Whether a reset may go ahead: the passphrase or the recovery code (the owner asking), or the
   * lost-both token (nothing is left to check then; the page had them type a phrase first).
   */
  prove(proof: ResetProof): Promise<Result<void, VaultError>> | Result<void, VaultError> {
    if ('lostBoth' in proof)
      return proof.lostBoth === LOST_BOTH ? ok(undefined) : err('vault_locked');
    return this.check(proof);
  }
}
