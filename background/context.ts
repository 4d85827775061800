/**
 * What every handler needs, built once per worker start: the vault, the clock, the policy, and
 * the extension API the handlers use (tabs, capture, fill, clipboard, the QR scanner), given as
 * functions so that tests can give a handler its own (test/support/worker-context.ts).
 * Handlers get it from the dispatcher (uBOL's pattern: listeners are registered synchronously at
 * the top of index.ts; the slow parts, opening the database and migrating, happen here).
 */
import type { FillResult } from '../src/fill/fill-code';
import type { Policy } from '../src/policy/policy';
import type { QrScanner } from '../src/qr/decode';
import type { Result } from '../src/result';
import {
  localArea,
  readManagedStorage,
  storageOutlivesSession,
  workerSessionArea,
} from '../src/platform/worker-storage';
import { extensionVersion } from '../src/platform/runtime';
import { clearClipboardAfter, copyToClipboard } from '../src/platform/clipboard';
import { getTab, type TabInfo } from '../src/platform/tabs';
import { readPackagedText } from '../src/platform/packaged-file';
import { KDF_AT_FLOOR_FOR_TESTS } from '../src/platform/build-kind';
import { RECOVERY_KDF } from '../src/crypto/kdf';
import { runMigrations } from '../src/vault/migrations';
import type { StrengthEstimator } from '../src/passphrase/strength';
import { strengthLoader } from '../src/passphrase/strength-data';
import { SealedStore } from '../src/vault/sealed-store';
import { VaultStore } from '../src/vault/store';
import { Vault } from '../src/vault/vault';
import { CodeCacheKeeper } from './code-cache';
import { fillInTab } from './fill';
import { scheduleLock } from './lock-alarm';
import { PendingImports } from './pending-imports';
import { PendingScans } from './pending-scans';
import { PolicySource } from './policy';
import { captureTab, qrScanner } from './qr-scanner';

export interface WorkerContext {
  readonly vault: Vault;
  readonly now: () => number;
  /** The managed policy; read before any request whose row says `policy` (dispatch.ts). */
  readonly policy: () => Policy;
  /** False when the policy could not be read in time and none was remembered: fail closed. */
  readonly policyKnown: () => boolean;
  /** Waits for the first policy read of this worker (bounded). */
  readonly settlePolicy: () => Promise<void>;
  /** The policy changed while the browser runs: read it again and apply it at once. */
  readonly rereadPolicy: () => Promise<void>;
  readonly version: string;
  /**
   * False when the browser will delete the vault's database when it closes (Firefox always in
   * private browsing): no vault is created there, since every account in it would be lost.
   */
  readonly storageKept: () => boolean;
  readonly tabs: {
    get(tabId: number): Promise<TabInfo | null>;
    /** The visible part of the tab's window as PNG bytes (activeTab grant). */
    capture(windowId: number): Promise<Result<Uint8Array, 'capture_failed'>>;
  };
  /** Types a code into the page in the tab (src/fill). */
  readonly fill: (tabId: number, code: string) => Promise<FillResult>;
  readonly clipboard: {
    clearAfter(seconds: number): Promise<void>;
    copy(code: string, clearAfterSeconds: number): Promise<void>;
  };
  readonly scanner: () => QrScanner;
  /**
   * The passphrase-strength estimate, for a new passphrase or backup password. Its word lists
   * are read on first use, not at every worker start (src/passphrase/strength-data.ts).
   */
  readonly strength: () => Promise<StrengthEstimator>;
  readonly codeCache: Pick<CodeCacheKeeper, 'refresh' | 'clear' | 'rememberPage'>;
  readonly pending: PendingScans;
  /** The accounts of a file being imported, between preview and commit. */
  readonly imports: PendingImports;
}

async function start(): Promise<WorkerContext> {
  const area = workerSessionArea();
  const store = await VaultStore.open();
  // A failed migration leaves the old form in place; the vault then reports why it cannot open.
  await runMigrations(store);
  const now = () => Date.now();
  let codeCache: CodeCacheKeeper | null = null;
  // Each needs the other: a policy read tightens the vault's stored settings (reads are lazy, so
  // `vault` exists by the time one completes).
  const policy: PolicySource = new PolicySource({
    read: readManagedStorage,
    area: localArea(),
    onRead: (read): Promise<void> => vault.applyPolicy(read),
  });
  const vault: Vault = new Vault({
    store,
    session: area,
    now,
    ...(KDF_AT_FLOOR_FOR_TESTS
      ? { kdf: { passphrase: RECOVERY_KDF, recovery: RECOVERY_KDF } }
      : {}),
    policy: () => policy.current(),
    onLockChange: (lockAt) => {
      void scheduleLock(lockAt);
      // Awaited by the lock: a popup opened once the lock has answered finds no codes to paint.
      // A failed clear does not fail the lock (the session is gone already).
      if (lockAt === null) return codeCache?.clear({ forgetPages: true }).catch(() => undefined);
      void codeCache?.deadlineMoved(lockAt).catch(() => undefined);
      return undefined;
    },
  });
  codeCache = new CodeCacheKeeper(area, vault, now);
  return {
    vault,
    now,
    policy: () => policy.current(),
    policyKnown: () => policy.known(),
    settlePolicy: () => policy.settle(),
    rereadPolicy: () => policy.reread(),
    version: extensionVersion(),
    storageKept: storageOutlivesSession,
    tabs: { get: getTab, capture: captureTab },
    fill: fillInTab,
    clipboard: { clearAfter: clearClipboardAfter, copy: copyToClipboard },
    scanner: qrScanner,
    strength: strengthLoader(readPackagedText, { releaseAfterMs: 60_000 }),
    codeCache,
    pending: new PendingScans(new SealedStore(area), now),
    imports: new PendingImports(new SealedStore(area), now),
  };
}

let started: Promise<WorkerContext> | null = null;

/** The worker's context, created on first use and shared by every handler afterwards. */
export function ready(): Promise<WorkerContext> {
  started ??= start();
  return started;
}
