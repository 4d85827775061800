/**
 * The managed policy as the worker sees it. No decision that depends on policy is made from a
 * policy that has not been read: the dispatcher waits for the first read (background/dispatch.ts)
 * before any request whose row says `policy`, and before moving the lock deadline. The first read
 * after a browser start can take seconds, so the wait is bounded; past it the policy last read
 * (remembered in local storage for the next worker and the next browser start) stands in, and with none the policy is
 * unknown, and what depends on it fails closed (handlers check `known`).
 */
import { parsePolicy, type Policy } from '../src/policy/policy';
import type { SessionArea } from '../src/vault/session';

const REMEMBERED = 'otter.policy';

/** How long a request waits for the first read; Chromium's first read takes about 3 s. */
export const POLICY_WAIT_MS = 5000;

export interface PolicySourceDeps {
  /**
   * Reads storage.managed (`{}` when there is no policy for us). A rejection is a read that
   * failed: the policy stays as it was, never "none" (that would lift every rule), and the next
   * request reads again.
   */
  readonly read: () => Promise<unknown>;
  /** Where the last policy read is kept (local storage: not secret, and it outlives a restart). */
  readonly area: SessionArea;
  readonly waitMs?: number;
  /** Told each policy read, to clamp stored settings and the open session to it. */
  readonly onRead?: (policy: Policy) => Promise<void>;
}

export class PolicySource {
  private policy: Policy | null = null;
  private reading: Promise<Policy> | null = null;
  private settled: Promise<void> | null = null;
  private rereading: Promise<Policy> | null = null;
  /** Reads in the order they were started, and the newest whose answer stands. */
  private started = 0;
  private standing = 0;

  constructor(private readonly deps: PolicySourceDeps) {}

  /** The policy in force; `{}` (nothing) until it is known. */
  current(): Policy {
    return this.policy ?? {};
  }

  /** False while the policy has never been read nor remembered: fail closed then. */
  known(): boolean {
    return this.policy !== null;
  }

  private read(): Promise<Policy> {
    const order = ++this.started;
    const reading: Promise<Policy> = this.deps
      .read()
      .then(async (raw): Promise<Policy> => {
        const policy = parsePolicy(raw);
        // The newest answer stands: a slow first read never undoes a reread's answer, and still
        // stands when the reread started after it fails.
        if (order < this.standing) return this.current();
        this.standing = order;
        this.policy = policy;
        // The keys as read, not the parsed form: the next worker parses them with its own rules.
        // Neither failing undoes the read (the settings in force apply the policy on every read);
        // a rejected read was kept by settle() and failed every later request of this worker.
        await this.deps.area.set({ [REMEMBERED]: raw ?? {} }).catch(() => undefined);
        await this.deps.onRead?.(policy).catch(() => undefined);
        return policy;
      })
      .catch((): Policy => {
        // Failed: nothing changes. Not read at all yet, the next settle() reads again.
        if (this.reading === reading && this.policy === null) this.reading = null;
        return this.current();
      });
    this.reading = reading;
    return reading;
  }

  /**
   * Waits (at most `waitMs`, once per worker) for the first read; past that, the policy
   * remembered from before stands in until the read arrives.
   */
  async settle(): Promise<void> {
    this.settled ??= this.firstRead();
    await this.settled;
    // Still unknown (every read so far failed, nothing remembered): try once more, bounded.
    if (this.policy === null) await this.bounded(this.reading ?? this.read());
    // A change is being read (storage.onChanged): decide on the new policy, not the old one.
    if (this.rereading !== null) await this.bounded(this.rereading);
  }

  private async bounded(work: Promise<unknown>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((done) => {
      timer = setTimeout(done, this.deps.waitMs ?? POLICY_WAIT_MS);
    });
    await Promise.race([work.then(() => undefined), timeout]);
    clearTimeout(timer);
  }

  private async firstRead(): Promise<void> {
    await this.bounded(this.reading ?? this.read());
    if (this.policy !== null) return;
    // A failed fetch is nothing remembered (unknown: fail closed), not a rejection settle() keeps.
    const remembered = await this.deps.area
      .get(REMEMBERED)
      .then((items) => items[REMEMBERED])
      .catch((): unknown => undefined);
    // A read that arrived meanwhile is newer than what an earlier worker remembered: it stands.
    if (remembered !== undefined && this.policy === null) this.policy = parsePolicy(remembered);
  }

  /** The policy changed while the browser runs: read it again (and apply it at once). */
  async reread(): Promise<void> {
    const rereading = this.read();
    this.rereading = rereading;
    try {
      await rereading;
    } finally {
      if (this.rereading === rereading) this.rereading = null;
    }
  }
}
