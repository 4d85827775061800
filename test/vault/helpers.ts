/** A vault over fake IndexedDB and an in-memory session, with a settable clock. */
import { RECOVERY_KDF } from '../../src/crypto/kdf';
import { decodeBase32 } from '../../src/otp/secret';
import type { OtpEntry } from '../../src/otp/types';
import type { Policy } from '../../src/policy/policy';
import { memorySessionArea, type ListedArea } from '../../src/vault/session';
import { VaultStore } from '../../src/vault/store';
import { Vault, type KdfCosts } from '../../src/vault/vault';

/** The Argon2 floor for both slots, so tests run quickly; production uses 64 MiB, t = 3. */
export const FAST_KDF: KdfCosts = { passphrase: RECOVERY_KDF, recovery: RECOVERY_KDF };

export interface Clock {
  now: number;
}

export interface TestVault {
  vault: Vault;
  /** What the vault sees as the managed policy (testContext() connects its PolicySource here). */
  policy: { current: () => Policy };
  store: VaultStore;
  session: ListedArea & { data: Map<string, unknown> };
  clock: Clock;
  lockChanges: Array<number | null>;
}

export async function makeVault(
  reuse: { session?: ListedArea & { data: Map<string, unknown> }; clock?: Clock } = {},
): Promise<TestVault> {
  const store = await VaultStore.open();
  const session = reuse.session ?? memorySessionArea();
  const clock = reuse.clock ?? { now: Date.UTC(2026, 10, 24, 12) };
  const lockChanges: Array<number | null> = [];
  const policy = { current: (): Policy => ({}) };
  const vault = new Vault({
    policy: () => policy.current(),
    store,
    session,
    now: () => clock.now,
    kdf: FAST_KDF,
    onLockChange: (lockAt) => {
      lockChanges.push(lockAt);
    },
  });
  return { vault, policy, store, session, clock, lockChanges };
}

export function entry(
  issuer: string,
  account: string,
  secret = 'JBSWY3DPEHPK3PXP',
  extra: Partial<OtpEntry> = {},
): OtpEntry {
  const bytes = decodeBase32(secret);
  if (!bytes.ok) throw new Error('bad test secret');
  return {
    type: 'totp',
    secret: bytes.value,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer,
    account,
    extra: {},
    ...extra,
  };
}
