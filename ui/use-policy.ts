/**
 * The managed policy as the worker enforces it (the `status` reply), for pages that explain a
 * refusal before the user runs into it: a hidden import screen, a passphrase rule, a support
 * contact. Asked once per page and shared by every component; asked again when the policy
 * changes while the page is open (Chromium tells every extension page, the worker included).
 * Only ever a convenience: the worker refuses what the policy forbids whatever a page shows.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../src/messages/client';
import { onManagedStorageChanged } from '../src/platform/storage';
import type { Policy } from '../src/policy/policy';

let asked: Promise<Policy | null> | null = null;
const listeners = new Set<(policy: Policy | null) => void>();
let watching = false;

/**
 * The worker rereads a changed policy too, and answers `status` once it has (bounded). But it
 * hears of the change on its own, and a busy machine or a worker that has to start can deliver
 * that later than the page's notice: asked soon, and once more later.
 */
const AFTER_CHANGE_MS = [300, 2000];

function load(): Promise<Policy | null> {
  asked ??= send('status', {}).then((reply) => (reply.ok ? reply.value.policy : null));
  return asked;
}

/** Asks the worker again and tells every component (after a change, or a page's refresh). */
export function reloadPolicy(): void {
  asked = null;
  void load().then((policy) => listeners.forEach((listener) => listener(policy)));
}

/** The policy, or null until the worker has answered (treat as "nothing known yet"). */
export function usePolicy(): Policy | null {
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    if (!watching) {
      watching = true;
      onManagedStorageChanged(() => AFTER_CHANGE_MS.forEach((ms) => setTimeout(reloadPolicy, ms)));
    }
    listeners.add(setPolicy);
    void load().then(setPolicy);
    return () => listeners.delete(setPolicy);
  }, []);
  return policy;
}
