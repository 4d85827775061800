/**
 * Key slots (the Aegis/LUKS idea): the random vault key is stored only wrapped, once per
 * passphrase or recovery code, each slot with its own Argon2id parameters and salt, every slot
 * field bound into the wrap's AAD. This file makes, opens and replaces slots; it never stores.
 */
import { importAesKey, KEY_BYTES, open, seal } from '../crypto/aead';
import {
  deriveKey,
  PASSPHRASE_KDF,
  RECOVERY_KDF,
  SALT_BYTES,
  type Argon2Params,
} from '../crypto/kdf';
import { randomBytes, randomId } from '../crypto/random';
import { err, ok, type Result } from '../result';
import { slotAad, type Header, type Slot, type SlotKind } from './format';

// Kept in their own small file, which the pages load without the crypto here.
export { checkNewPassphrase, PASSPHRASE_LIMITS } from '../passphrase/passphrase-limits';

/**
 * Otter writes two slots (a passphrase and a recovery code), three while a new recovery code
 * replaces the old one. Unlocking runs Argon2 for each slot of a kind, so a header with more is
 * refused before any derivation (a crafted one could ask for minutes of work).
 */
export const MAX_SLOTS = 4;

export interface KdfCosts {
  readonly passphrase: { memoryKiB: number; iterations: number; parallelism: number };
  readonly recovery: { memoryKiB: number; iterations: number; parallelism: number };
}

export const DEFAULT_KDF_COSTS: KdfCosts = { passphrase: PASSPHRASE_KDF, recovery: RECOVERY_KDF };

export class KeySlots {
  constructor(private readonly costs: KdfCosts = DEFAULT_KDF_COSTS) {}

  /** A new slot of `kind` wrapping `vaultKey` under `secret`. */
  async make(vaultId: string, kind: SlotKind, secret: string, vaultKey: Uint8Array): Promise<Slot> {
    const costs = kind === 'passphrase' ? this.costs.passphrase : this.costs.recovery;
    const kdf: Argon2Params = {
      alg: 'argon2id',
      version: 19,
      ...costs,
      salt: randomBytes(SALT_BYTES),
    };
    const derived = await deriveKey(secret, kdf);
    if (!derived.ok) throw new Error('Otter chose KDF parameters outside its own bounds');
    const base = { id: randomId(), kind, kdf };
    const sealed = await seal(await importAesKey(derived.value), vaultKey, slotAad(vaultId, base));
    return { ...base, iv: sealed.iv, key: sealed.data };
  }

  /** Tries each slot of `kind` with `secret`; the vault key, or which way it failed. */
  async open(
    header: Header,
    kind: SlotKind,
    secret: string,
  ): Promise<Result<Uint8Array, 'wrong' | 'vault_corrupt'>> {
    if (header.slots.length > MAX_SLOTS) return err('vault_corrupt');
    const slots = header.slots.filter((s) => s.kind === kind);
    // Nothing was ever set up with an empty passphrase; Argon2 would refuse it anyway.
    if (secret === '') return err(slots.length > 0 ? 'wrong' : 'vault_corrupt');
    let usable = 0;
    for (const slot of slots) {
      const derived = await deriveKey(secret, slot.kdf);
      if (!derived.ok) continue;
      usable++;
      const opened = await open(
        await importAesKey(derived.value),
        { iv: slot.iv, data: slot.key },
        slotAad(header.vaultId, slot),
      );
      if (opened.ok && opened.value.length === KEY_BYTES) return ok(opened.value);
    }
    return err(usable === 0 ? 'vault_corrupt' : 'wrong');
  }

  /** The header with every slot of `kind` replaced by one new slot for `secret`. */
  async replace(
    header: Header,
    kind: SlotKind,
    secret: string,
    vaultKey: Uint8Array,
  ): Promise<Header> {
    const slot = await this.make(header.vaultId, kind, secret, vaultKey);
    return { ...header, slots: [slot, ...header.slots.filter((s) => s.kind !== kind)] };
  }
}
