/** The pages' side of the protocol: one typed function for every request. */
import { sendMessage } from '../platform/runtime';
import { err } from '../result';
import type { Envelope, Reply, RequestName, RequestOf } from './protocol';

function looksLikeReply(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

export async function send<K extends RequestName>(
  type: K,
  payload: RequestOf<K>,
): Promise<Reply<K>> {
  const envelope: Envelope<K> = { otter: 1, type, payload };
  try {
    const reply: unknown = await sendMessage(envelope);
    return looksLikeReply(reply) ? (reply as Reply<K>) : err({ code: 'worker_unavailable' });
  } catch {
    return err({ code: 'worker_unavailable' });
  }
}
