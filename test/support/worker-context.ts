/**
 * A worker context for handler tests in Node: a real vault (fake IndexedDB), an in-memory session
 * area, and fakes for what the extension API gives the worker (tabs, capture, fill, clipboard,
 * the QR scanner). Requests go through the real router and dispatcher, so each test also runs the
 * request table's parser and properties (policy read first, unlocked, code cache, activity).
 */
import { vi } from 'vitest';
import type { WorkerContext } from '../../background/context';
import { CodeCacheKeeper } from '../../background/code-cache';
import { createDispatcher } from '../../background/dispatch';
import { HANDLERS } from '../../background/handlers';
import { PendingImports } from '../../background/pending-imports';
import { PendingScans } from '../../background/pending-scans';
import { PolicySource } from '../../background/policy';
import type { FillResult } from '../../src/fill/fill-code';
import type { Reply, RequestName, RequestOf } from '../../src/messages/protocol';
import { createRouter } from '../../src/messages/router';
import type { QrScanner } from '../../src/qr/decode';
import { err } from '../../src/result';
import { SealedStore } from '../../src/vault/sealed-store';
import { memorySessionArea, type SessionArea } from '../../src/vault/session';
import type { TestVault } from '../vault/helpers';
import { testStrength } from './strength';

export const TEST_SELF = {
  id: 'ahighblbmfnlcneegcphegikbpkbhakb',
  origin: 'chrome-extension://ahighblbmfnlcneegcphegikbpkbhakb',
};
const POPUP = {
  id: TEST_SELF.id,
  origin: TEST_SELF.origin,
  url: `${TEST_SELF.origin}/popup/index.html`,
};

export interface TestContextOptions {
  /** What storage.managed holds (the policy file's keys), or a function giving it at each read. */
  readonly managed?: Record<string, unknown> | (() => unknown);
  readonly tabs?: WorkerContext['tabs'];
  readonly fill?: (tabId: number, code: string) => Promise<FillResult>;
  readonly scanner?: QrScanner;
  readonly policyWaitMs?: number;
  /** Local storage, where the last policy read is remembered (a fresh one by default). */
  readonly local?: SessionArea;
  /** False: the browser deletes the worker's storage when it closes (always private browsing). */
  readonly storageKept?: boolean;
}

export interface TestContext {
  readonly context: WorkerContext;
  /** The clipboard calls the worker made. */
  readonly clipboard: { clearAfter: ReturnType<typeof vi.fn>; copy: ReturnType<typeof vi.fn> };
  readonly policy: PolicySource;
}

export function testContext(t: TestVault, options: TestContextOptions = {}): TestContext {
  const now = () => t.clock.now;
  const read = () => {
    const m = options.managed;
    return Promise.resolve(typeof m === 'function' ? m() : (m ?? {}));
  };
  const policy = new PolicySource({
    read,
    area: options.local ?? memorySessionArea(),
    waitMs: options.policyWaitMs ?? 50,
    onRead: (p) => t.vault.applyPolicy(p),
  });
  t.policy.current = () => policy.current();
  const clipboard = {
    clearAfter: vi.fn(() => Promise.resolve()),
    copy: vi.fn(() => Promise.resolve()),
  };
  const context: WorkerContext = {
    vault: t.vault,
    now,
    policy: () => policy.current(),
    policyKnown: () => policy.known(),
    settlePolicy: () => policy.settle(),
    rereadPolicy: () => policy.reread(),
    version: '1.2.3',
    storageKept: () => options.storageKept ?? true,
    tabs: options.tabs ?? {
      get: () => Promise.resolve(null),
      capture: () => Promise.resolve(err('capture_failed' as const)),
    },
    fill: options.fill ?? (() => Promise.resolve({ filled: false, reason: 'no_field' })),
    clipboard,
    scanner: () =>
      options.scanner ?? {
        scan: () => Promise.resolve(err({ code: 'scanner_unavailable' as const })),
        prepare: () => Promise.resolve(),
      },
    strength: testStrength,
    codeCache: new CodeCacheKeeper(t.session, t.vault, now),
    pending: new PendingScans(new SealedStore(t.session), now),
    imports: new PendingImports(new SealedStore(t.session), now),
  };
  return { context, clipboard, policy };
}

/** Sends a request the way a page does: through the router (sender check, payload parser). */
export function requester(context: WorkerContext) {
  const route = createRouter(
    createDispatcher(HANDLERS, () => Promise.resolve(context)),
    TEST_SELF,
  );
  return <K extends RequestName>(type: K, payload: RequestOf<K>): Promise<Reply<K>> =>
    route({ otter: 1, type, payload }, POPUP) as Promise<Reply<K>>;
}

/** Every request as a method (`api.createBackup({...})`), each sent through `requester`. */
export type Api = { readonly [K in RequestName]: (payload: RequestOf<K>) => Promise<Reply<K>> };

export function api(context: WorkerContext): Api {
  const request = requester(context);
  return new Proxy({} as Api, {
    get: (_target, name) => (payload: unknown) =>
      request(name as RequestName, payload as RequestOf<RequestName>),
  });
}
