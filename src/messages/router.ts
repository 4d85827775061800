/**
 * The worker's side of the protocol: checks who is asking, finds the handler, and turns thrown
 * bugs into an `internal` error code (never the exception text, which could hold data).
 */
import { err } from '../result';
import type { Envelope, Protocol, Reply, RequestName, RequestOf } from './protocol';

export interface Sender {
  readonly id?: string;
  readonly url?: string;
  readonly origin?: string;
}

export type Handler<K extends RequestName> = (payload: RequestOf<K>) => Promise<Reply<K>>;
export type Handlers = { readonly [K in RequestName]: Handler<K> };

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { otter?: unknown }).otter === 1 &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Only this extension's own pages (popup, options, offscreen) may talk to the worker. */
export function isTrustedSender(sender: Sender, extensionId: string): boolean {
  const origin = `chrome-extension://${extensionId}`;
  if (sender.id !== extensionId) return false;
  if (sender.origin !== undefined) return sender.origin === origin;
  return sender.url !== undefined && sender.url.startsWith(`${origin}/`);
}

/**
 * Returns the function to register as the runtime message listener. It answers only Otter
 * envelopes (undefined for anything else, so other listeners can answer theirs).
 */
export function createRouter(
  handlers: Handlers,
  extensionId: string,
): (message: unknown, sender: Sender) => Promise<Reply<RequestName>> | undefined {
  return (message, sender) => {
    if (!isEnvelope(message)) return undefined;
    if (!isTrustedSender(sender, extensionId)) {
      return Promise.resolve(err({ code: 'forbidden_sender' }));
    }
    if (!Object.hasOwn(handlers, message.type) || !isPlainObject(message.payload)) {
      return Promise.resolve(err({ code: 'bad_request' }));
    }
    return dispatch(handlers, message.type, message.payload);
  };
}

async function dispatch<K extends RequestName>(
  handlers: Handlers,
  type: K,
  payload: Protocol[K]['request'],
): Promise<Reply<RequestName>> {
  try {
    return await (handlers[type] as Handler<K>)(payload);
  } catch {
    // A bug. Its message could quote data, so only the code leaves the worker.
    return err({ code: 'internal' });
  }
}
