/**
 * The worker's side of the protocol: checks who is asking, finds the request's row in the table
 * (src/messages/requests.ts), parses the payload with the row's parser, and only then hands the
 * typed request to `execute` (background/dispatch.ts). A thrown bug becomes the code `internal`
 * (never the exception text, which could hold data).
 */
import { err } from '../result';
import { isPlainObject } from './parse';
import type { Envelope, Reply, RequestName, RequestOf } from './protocol';
import { REQUESTS, type RequestRow } from './requests';

export interface Sender {
  readonly id?: string;
  readonly url?: string;
  readonly origin?: string;
}

/** This extension, as senders name it: its id and the origin of its pages. */
export interface Self {
  readonly id: string;
  /** `chrome-extension://<id>` in Chromium, `moz-extension://<uuid>` in Firefox. */
  readonly origin: string;
}

/** Runs a request whose payload has been checked; the worker's dispatcher. */
export type Execute = <K extends RequestName>(type: K, payload: RequestOf<K>) => Promise<Reply<K>>;

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { otter?: unknown }).otter === 1 &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

/** Only this extension's own pages (popup, options, offscreen) may talk to the worker. */
export function isTrustedSender(sender: Sender, self: Self): boolean {
  if (sender.id !== self.id) return false;
  if (sender.origin !== undefined) return sender.origin === self.origin;
  return sender.url !== undefined && sender.url.startsWith(`${self.origin}/`);
}

/** The request's row, for a name that is one of ours (never one from the prototype chain). */
function rowOf(name: string): RequestRow<RequestName> | undefined {
  return Object.hasOwn(REQUESTS, name)
    ? (REQUESTS[name as RequestName] as RequestRow<RequestName>)
    : undefined;
}

/**
 * Returns the function to register as the runtime message listener. It answers only Otter
 * envelopes (undefined for anything else, so other listeners can answer theirs).
 */
export function createRouter(
  execute: Execute,
  self: Self,
): (message: unknown, sender: Sender) => Promise<Reply<RequestName>> | undefined {
  return (message, sender) => {
    if (!isEnvelope(message)) return undefined;
    if (!isTrustedSender(sender, self)) {
      return Promise.resolve(err({ code: 'forbidden_sender' }));
    }
    const row = rowOf(message.type);
    const payload =
      row !== undefined && isPlainObject(message.payload)
        ? row.payload(message.payload)
        : undefined;
    if (payload === undefined) return Promise.resolve(err({ code: 'bad_request' }));
    return run(execute, message.type, payload);
  };
}

async function run(
  execute: Execute,
  type: RequestName,
  payload: RequestOf<RequestName>,
): Promise<Reply<RequestName>> {
  try {
    return await execute(type, payload);
  } catch {
    // A bug. Its message could quote data, so only the code leaves the worker.
    return err({ code: 'internal' });
  }
}
