/**
 * For worker-handler tests that make and restore backups but are not about their cost: the
 * backup's Argon2id runs at the floor (`RECOVERY_KDF`, 19 MiB, t = 2) instead of
 * `PASSPHRASE_KDF` (64 MiB, t = 3). The handlers take no KDF option (the worker always uses the
 * default), so the default itself is replaced, per test file:
 *
 *   vi.mock('../../src/crypto/kdf', async (original) =>
 *     (await import('../support/floor-backup-kdf')).floorPassphraseKdf(original));
 *
 * The production default is checked where it is the subject (test/backup/native.test.ts,
 * test/vault/crypto.test.ts), which do not use this.
 */
import type * as Kdf from '../../src/crypto/kdf';

export async function floorPassphraseKdf(original: () => Promise<typeof Kdf>): Promise<typeof Kdf> {
  const real = await original();
  return { ...real, PASSPHRASE_KDF: real.RECOVERY_KDF as unknown as typeof real.PASSPHRASE_KDF };
}
