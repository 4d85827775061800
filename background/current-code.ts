import { codeAt, hotp } from '../src/otp/generate';
import { LIMITS } from '../src/otp/types';
import { err, ok, type Result } from '../src/result';
import type { Account } from '../src/vault/format';
import type { Vault, VaultError } from '../src/vault/vault';

/**
 * The code to use now. For HOTP that is a fresh one: the counter is advanced and committed before
 * the code is returned, so a code is never shown or filled twice. A counter already at the largest
 * the vault stores cannot be advanced: that is said (`counter_invalid`), and nothing is written.
 */
export async function useCode(
  vault: Vault,
  account: Account,
  now: number,
): Promise<Result<string, VaultError | 'counter_invalid'>> {
  if (account.type !== 'hotp') return ok(codeAt(account, now));
  if (account.counter >= LIMITS.maxCounter) return err('counter_invalid');
  const updated = await vault.update([account.id], (a) => ({ counter: a.counter + 1 }));
  if (!updated.ok) return err(updated.error);
  const used = updated.value[0]!;
  return ok(hotp(used.secret, used.algorithm, used.digits, used.counter - 1));
}
