/**
 * Keeps the popup's code cache (src/vault/code-cache.ts) fresh: rebuilt after the popup asked
 * for the list when it runs short, cleared on lock and before and after any change to the accounts.
 */
import { CODE_CACHE_KEY } from '../src/cache/code-cache';
import { buildCodeCache } from '../src/vault/code-cache-build';
import type { SessionArea } from '../src/vault/session';
import type { Vault } from '../src/vault/vault';

/** Rebuild when less than this is left, so a popup opened soon still finds codes. */
const REFRESH_WHEN_LEFT_MS = 3 * 60_000;

export class CodeCacheKeeper {
  private validUntil = 0;
  /** Bumped by every clear: a rebuild that started before a change must not write old data. */
  private generation = 0;

  constructor(
    private readonly area: SessionArea,
    private readonly vault: Vault,
    private readonly now: () => number,
  ) {}

  async refresh(): Promise<void> {
    if (this.validUntil - this.now() > REFRESH_WHEN_LEFT_MS) return;
    const started = this.generation;
    const { state, lockAt } = await this.vault.state();
    const list = await this.vault.list();
    if (state !== 'unlocked' || lockAt === null || !list.ok) return;
    const cache = await buildCodeCache(
      list.value.active,
      list.value.damaged.length,
      this.now(),
      lockAt,
    );
    if (started !== this.generation) return;
    await this.area.set({ [CODE_CACHE_KEY]: cache });
    this.validUntil = cache.validUntil;
  }

  async clear(): Promise<void> {
    this.generation++;
    this.validUntil = 0;
    await this.area.remove(CODE_CACHE_KEY);
  }
}
