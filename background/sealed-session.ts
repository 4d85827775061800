/**
 * Short-lived values that hold secrets (a scanned account waiting for the user's "Save", a
 * Google export half scanned) are kept in chrome.storage.session, sealed with the vault key:
 * the worker may be stopped while the user reads the confirmation, and no secret is ever stored
 * in the clear, not even in memory-only storage. They die with the session (lock, restart).
 */
import { importAesKey, open, seal } from '../src/crypto/aead';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../src/crypto/bytes';
import browser from '../src/platform/browser';
import { readSession, type SessionArea } from '../src/vault/session';

const area = (): SessionArea => browser.storage.session;

/** JSON with Uint8Array values (secrets) as {$bytes: base64}. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: toBase64(v) } : v,
  );
}

function fromJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (
      typeof v === 'object' &&
      v !== null &&
      typeof (v as { $bytes?: unknown }).$bytes === 'string'
    ) {
      return fromBase64((v as { $bytes: string }).$bytes) ?? new Uint8Array();
    }
    return v;
  });
}

interface SealedItem {
  readonly iv: string;
  readonly data: string;
  readonly expires: number;
}

/** Seals `value` under `name` until `ttlMs` from now; false when the vault is locked. */
export async function putSealed(
  name: string,
  value: unknown,
  now: number,
  ttlMs: number,
): Promise<boolean> {
  const session = await readSession(area(), now);
  if (session === null) return false;
  const key = await importAesKey(session.vaultKey);
  const sealed = await seal(
    key,
    utf8(toJson(value)),
    utf8(`otter.sealed|${session.vaultId}|${name}`),
  );
  const item: SealedItem = {
    iv: toBase64(sealed.iv),
    data: toBase64(sealed.data),
    expires: now + ttlMs,
  };
  await area().set({ [`otter.sealed.${name}`]: item });
  return true;
}

/** The value sealed under `name`, or null (none, expired, locked, or not ours). */
export async function getSealed(name: string, now: number): Promise<unknown> {
  const storageKey = `otter.sealed.${name}`;
  const item = (await area().get(storageKey))[storageKey] as SealedItem | undefined;
  if (item === undefined) return null;
  if (item.expires <= now) {
    await area().remove(storageKey);
    return null;
  }
  const session = await readSession(area(), now);
  const iv = fromBase64(item.iv);
  const data = fromBase64(item.data);
  if (session === null || iv === null || data === null) return null;
  const opened = await open(
    await importAesKey(session.vaultKey),
    { iv, data },
    utf8(`otter.sealed|${session.vaultId}|${name}`),
  );
  const text = opened.ok ? fromUtf8(opened.value) : null;
  return text === null ? null : fromJson(text);
}

export async function dropSealed(name: string): Promise<void> {
  await area().remove(`otter.sealed.${name}`);
}
