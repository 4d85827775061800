/**
 * The managed policy as the worker sees it. The first read after a browser start can take
 * seconds, so nothing waits for it by default: handlers use the last value read, and only the
 * rare requests it matters most for (choosing a passphrase) wait, briefly, for the first read.
 */
import browser from '../src/platform/browser';
import { parsePolicy, type Policy } from '../src/policy/policy';

let current: Policy = {};
let reading: Promise<Policy> | null = null;

function read(): Promise<Policy> {
  reading ??= browser.storage.managed
    .get()
    .then(parsePolicy)
    // No policy at all (not managed, or no schema support) is the common case: nothing to apply.
    .catch(() => ({}))
    .then((policy) => (current = policy));
  return reading;
}

/** The policy now, without waiting (starts the first read if needed). */
export function currentPolicy(): Policy {
  void read();
  return current;
}

/** The policy, waiting for the first read at most `ms`. */
export function policyWithin(ms: number): Promise<Policy> {
  return Promise.race([read(), new Promise<Policy>((done) => setTimeout(() => done(current), ms))]);
}

/** A changed policy file is picked up while the browser runs (Chrome fires onChanged). */
export function watchPolicy(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    reading = null;
    void read();
  });
}
