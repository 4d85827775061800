/**
 * Keeps the popup's code cache (src/vault/code-cache.ts) fresh: rebuilt after the popup asked
 * for the list when it runs short, cleared on lock and before and after any change to the accounts.
 */
import browser from '../src/platform/browser';
import { CODE_CACHE_KEY } from '../src/vault/code-cache';
import { buildCodeCache } from '../src/vault/code-cache-build';
import type { Vault } from '../src/vault/vault';

/** Rebuild when less than this is left, so a popup opened soon still finds codes. */
const REFRESH_WHEN_LEFT_MS = 3 * 60_000;

let validUntil = 0;
/** Bumped by every clear: a rebuild that started before a change must not write old data. */
let generation = 0;

export async function refreshCodeCache(vault: Vault, now: () => number): Promise<void> {
  if (validUntil - now() > REFRESH_WHEN_LEFT_MS) return;
  const started = generation;
  const { state, lockAt } = await vault.state();
  const list = await vault.list();
  if (state !== 'unlocked' || lockAt === null || !list.ok) return;
  const cache = await buildCodeCache(
    list.value.accounts.filter((a) => a.trashedAt === null),
    list.value.damaged.length,
    now(),
    lockAt,
  );
  if (started !== generation) return;
  await browser.storage.session.set({ [CODE_CACHE_KEY]: cache });
  validUntil = cache.validUntil;
}

export async function clearCodeCache(): Promise<void> {
  generation++;
  validUntil = 0;
  await browser.storage.session.remove(CODE_CACHE_KEY);
}
