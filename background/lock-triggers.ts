/**
 * What locks the vault besides the idle deadline: the operating system's screen lock (a user
 * setting, on by default), a browser restart and an extension update. Kept apart from the
 * listeners in index.ts so tests can drive them.
 */
import type { Vault } from '../src/vault/vault';

export async function onIdleState(vault: Vault, state: string): Promise<void> {
  if (state === 'locked' && (await vault.settings()).lockOnScreenLock) await vault.lock();
}

/** The session is memory-only and gone after these anyway; locking also clears the alarm. */
export async function onBrowserStart(vault: Vault): Promise<void> {
  await vault.lock();
}

export async function onInstalled(vault: Vault, reason: string): Promise<void> {
  if (reason === 'update') await vault.lock();
}
