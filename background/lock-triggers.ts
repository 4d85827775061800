/**
 * What locks the vault besides the idle deadline: the operating system's screen lock (a user
 * setting, on by default, which policy may force), a browser restart and an extension update.
 * Kept apart from the listeners in index.ts so tests can drive them.
 */
import type { Vault } from '../src/vault/vault';

export interface LockTriggerContext {
  readonly vault: Vault;
  /** The screen-lock setting may be forced by policy: read it first on a fresh worker. */
  readonly settlePolicy: () => Promise<void>;
  /** False while the policy has never been read nor remembered (it may force the screen lock). */
  readonly policyKnown: () => boolean;
}

export async function onIdleState(context: LockTriggerContext, state: string): Promise<void> {
  if (state !== 'locked') return;
  // A setting that cannot be read (the policy's read or the settings' failed), or a policy not
  // known yet (LockOnScreenLock may force it on), locks: fail closed.
  const locks = await context
    .settlePolicy()
    .then(() => context.vault.settings())
    .then(
      (settings) => settings.lockOnScreenLock || !context.policyKnown(),
      () => true,
    );
  if (locks) await context.vault.lock();
}

/** The session is memory-only and gone after these anyway; locking also clears the alarm. */
export async function onBrowserStart(context: LockTriggerContext): Promise<void> {
  await context.vault.lock();
}

export async function onInstalled(context: LockTriggerContext, reason: string): Promise<void> {
  if (reason === 'update') await context.vault.lock();
}
