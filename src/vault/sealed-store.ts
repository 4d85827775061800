/**
 * Short-lived values that hold secrets (a scanned account waiting for the user's "Save", a
 * Google export half scanned) are kept in the session storage area, sealed with the vault key:
 * the worker may be stopped while the user reads the confirmation, and no secret is ever stored
 * in the clear, not even in memory-only storage. They die with the session: a restart empties
 * the area, and a lock or an unlock that finds no session removes them (`dropAllSealed`), since
 * the vault key that sealed them is the same in the next session and would open them again.
 */
import { importAesKey, open, seal } from '../crypto/aead';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../bytes';
import { err, ok, type Result } from '../result';
import { readSession, type ListedArea, type SessionArea } from './session';

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

const PREFIX = 'otter.sealed.';
const storageKey = (name: string): string => `${PREFIX}${name}`;

/** Removes every sealed value, whatever its name (scans and imports name theirs by id). */
export async function dropAllSealed(area: ListedArea): Promise<void> {
  const sealed = (await area.keys()).filter((key) => key.startsWith(PREFIX));
  if (sealed.length > 0) await area.remove(sealed);
}

export class SealedStore {
  constructor(private readonly area: SessionArea) {}

  /** Seals `value` under `name` until `ttlMs` from `now`; `vault_locked` without a session. */
  async put(
    name: string,
    value: unknown,
    now: number,
    ttlMs: number,
  ): Promise<Result<void, 'vault_locked'>> {
    const session = await readSession(this.area, now);
    if (session === null) return err('vault_locked');
    const key = await importAesKey(session.vaultKey);
    const sealed = await seal(key, utf8(toJson(value)), aad(session.vaultId, name));
    const item: SealedItem = {
      iv: toBase64(sealed.iv),
      data: toBase64(sealed.data),
      expires: now + ttlMs,
    };
    await this.area.set({ [storageKey(name)]: item });
    return ok(undefined);
  }

  /** The value sealed under `name`; null when there is none (or it expired, or is not ours). */
  async get(name: string, now: number): Promise<Result<unknown, 'vault_locked'>> {
    const key = storageKey(name);
    const item = (await this.area.get(key))[key] as SealedItem | undefined;
    const session = await readSession(this.area, now);
    if (session === null) return err('vault_locked');
    if (item === undefined) return ok(null);
    if (item.expires <= now) {
      await this.area.remove(key);
      return ok(null);
    }
    const iv = fromBase64(item.iv);
    const data = fromBase64(item.data);
    if (iv === null || data === null) return ok(null);
    const opened = await open(
      await importAesKey(session.vaultKey),
      { iv, data },
      aad(session.vaultId, name),
    );
    const text = opened.ok ? fromUtf8(opened.value) : null;
    return ok(text === null ? null : fromJson(text));
  }

  async drop(name: string): Promise<void> {
    await this.area.remove(storageKey(name));
  }
}

function aad(vaultId: string, name: string): Uint8Array {
  return utf8(`otter.sealed|${vaultId}|${name}`);
}
