import { codeAt, hotp } from '../src/otp/generate';
import { err, ok, type Result } from '../src/result';
import type { Account } from '../src/vault/format';
import type { Vault, VaultError } from '../src/vault/vault';

/**
 * The code to use now. For HOTP that is a fresh one: the counter is advanced and committed before
 * the code is returned, so a code is never shown or filled twice.
 */
export async function useCode(
  vault: Vault,
  account: Account,
  now: number,
): Promise<Result<string, VaultError>> {
  if (account.type !== 'hotp') return ok(codeAt(account, now));
  const updated = await vault.update([account.id], (a) => ({ counter: a.counter + 1 }));
  if (!updated.ok) return err(updated.error);
  const used = updated.value[0]!;
  return ok(hotp(used.secret, used.algorithm, used.digits, used.counter - 1));
}
