/**
 * Keeps the popup's code cache (src/vault/code-cache.ts) fresh: rebuilt after the popup asked
 * for the list when it runs short, cleared on lock and before and after any change to the accounts.
 *
 * One rebuild at a time: a rebuild of 1000 accounts computes ~40 000 codes, and every
 * `listAccounts` asks for one. Before, each request started its own while the first was still
 * running (its horizon not yet known), so back-to-back requests queued behind several rebuilds
 * at once (the p95 of 650 ms against a 33 ms median in `npm run bench`). A fresh worker also
 * reads the horizon of the cache already in the session area instead of rebuilding it.
 *
 * It also remembers the pages the popup was opened over (the last MAX_PAGES origins, in the same
 * memory-only area, forgotten on lock), and writes each one's part with the worker's matches
 * (src/cache/code-cache.ts says why).
 */
import {
  CODE_CACHE_HEAD_KEY,
  CODE_CACHE_KEY,
  CODE_CACHE_PAGES_KEY,
  MAX_PAGES,
  keysOfHead,
  type CodeCache,
} from '../src/cache/code-cache';
import { cacheParts, readCodeCache } from '../src/cache/code-cache-parts';
import { buildCodeCache, matchPages } from '../src/vault/code-cache-build';
import type { SessionArea } from '../src/vault/session';
import type { Vault } from '../src/vault/vault';

/** Rebuild when less than this is left, so a popup opened soon still finds codes. */
const REFRESH_WHEN_LEFT_MS = 3 * 60_000;

export class CodeCacheKeeper {
  /** The horizon of the cache in the area; null until read from it (a fresh worker). */
  private validUntil: number | null = null;
  /** The lock deadline that cache was built for (0: none in the area); read with the horizon. */
  private lockAt = 0;
  /** Bumped by every clear: a rebuild that started before a change must not write old data. */
  private generation = 0;
  private running: Promise<void> | null = null;
  /** The generation the running rebuild was asked for in. */
  private runningFor = -1;
  /** The pages remembered (origins, newest first); null until read from the area. */
  private pages: string[] | null = null;
  /** The cache this worker last wrote, while no clear came after it. */
  private latest: CodeCache | null = null;

  constructor(
    private readonly area: SessionArea,
    private readonly vault: Vault,
    private readonly now: () => number,
  ) {}

  refresh(): Promise<void> {
    if (this.running !== null && this.runningFor === this.generation) return this.running;
    // None running, or one asked for before a clear, which will write nothing: the popup asking
    // right after a change would find no cache. A new one runs after it.
    const run: Promise<void> = (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.rebuild())
      .finally(() => {
        if (this.running === run) this.running = null;
      });
    this.running = run;
    this.runningFor = this.generation;
    return run;
  }

  private async storedHorizon(): Promise<number> {
    if (this.validUntil === null) {
      const started = this.generation;
      // The head carries the full cache's horizon and deadline (written in the same call) in 10
      // rows instead of every account's codes.
      const stored = (await this.area.get(CODE_CACHE_HEAD_KEY))[CODE_CACHE_HEAD_KEY] as
        { validUntil?: unknown; lockAt?: unknown } | undefined;
      const horizon = typeof stored?.validUntil === 'number' ? stored.validUntil : 0;
      // A clear while reading wins: it set the horizon to 0.
      if (started === this.generation) {
        this.validUntil = horizon;
        this.lockAt = typeof stored?.lockAt === 'number' ? stored.lockAt : 0;
      }
    }
    return this.validUntil ?? 0;
  }

  private async rebuild(): Promise<void> {
    if ((await this.storedHorizon()) - this.now() > REFRESH_WHEN_LEFT_MS) return;
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
    const pages = await this.storedPages();
    if (started !== this.generation) return;
    // One write: the full cache and its parts appear together. Sites no longer listed keep no
    // part: every change clears first, and the head names all keys written.
    const parts = cacheParts(cache, matchPages(cache, pages));
    await this.area.set({ [CODE_CACHE_KEY]: cache, ...parts });
    // A clear that came while the write was on its way removed it: the area has no cache then,
    // and believing it had one would skip every rebuild until its horizon ran short.
    if (started === this.generation) {
      this.validUntil = cache.validUntil;
      this.lockAt = cache.lockAt;
      this.latest = cache;
    }
  }

  private async storedPages(): Promise<readonly string[]> {
    if (this.pages === null) {
      const stored: unknown = (await this.area.get(CODE_CACHE_PAGES_KEY))[CODE_CACHE_PAGES_KEY];
      // A page remembered or a lock while reading wins.
      this.pages ??= Array.isArray(stored)
        ? stored.filter((p): p is string => typeof p === 'string').slice(0, MAX_PAGES)
        : [];
    }
    return this.pages;
  }

  /**
   * The popup was opened over the page at `origin` and the worker said which accounts match it:
   * from now on the page's part holds that word. A page new to the list gets its part at once,
   * from the cache already written (no code is computed for it).
   */
  async rememberPage(origin: string): Promise<void> {
    const started = this.generation;
    const { state } = await this.vault.state();
    const pages = await this.storedPages();
    // Locked meanwhile (its clear forgot the pages), or a change is on its way: not now.
    if (state !== 'unlocked' || started !== this.generation || pages[0] === origin) return;
    const isNew = !pages.includes(origin);
    this.pages = [origin, ...pages.filter((p) => p !== origin)].slice(0, MAX_PAGES);
    await this.area.set({ [CODE_CACHE_PAGES_KEY]: this.pages });
    if (isNew) await this.writeParts();
  }

  /** The head and the parts again (not the full cache), for the pages remembered now. */
  private async writeParts(): Promise<void> {
    // A rebuild on its way writes them too, and would write over these with its own.
    await this.running?.catch(() => undefined);
    const started = this.generation;
    const cache =
      this.latest ?? readCodeCache((await this.area.get(CODE_CACHE_KEY))[CODE_CACHE_KEY]);
    if (cache === null || cache.validUntil <= this.now() || started !== this.generation) return;
    await this.area.set(cacheParts(cache, matchPages(cache, this.pages ?? [])));
  }

  /**
   * The lock deadline moved. A cache built for a later one (the idle time was shortened, by the
   * user or a policy) would let the popup paint codes past the new deadline: it goes.
   */
  async deadlineMoved(lockAt: number): Promise<void> {
    await this.storedHorizon();
    if (lockAt < this.lockAt) await this.clear();
  }

  /** Every key of the cache goes; on lock (`forgetPages`) the remembered pages too. */
  async clear({ forgetPages = false }: { forgetPages?: boolean } = {}): Promise<void> {
    this.generation++;
    this.validUntil = 0;
    this.lockAt = 0;
    this.latest = null;
    if (forgetPages) this.pages = [];
    // The head names the per-site parts; a write issued before this clear is read here too
    // (the area answers in order), and none can be issued after it (the generation check).
    const head = (await this.area.get(CODE_CACHE_HEAD_KEY))[CODE_CACHE_HEAD_KEY];
    await this.area.remove([
      ...new Set([CODE_CACHE_KEY, ...keysOfHead(head), CODE_CACHE_HEAD_KEY]),
      ...(forgetPages ? [CODE_CACHE_PAGES_KEY] : []),
    ]);
  }
}
