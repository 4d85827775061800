/**
 * The one protocol between the extension's pages and the background worker: each request name
 * maps to its request and response types. The router is a map over these names, so a request
 * without a handler is a type error. Payloads are plain JSON; no response ever holds a secret.
 */
import type { AppError } from '../errors';
import type { Result } from '../result';

export interface Status {
  /** The extension's version, from the manifest. */
  readonly version: string;
}

export interface Protocol {
  status: { request: Record<string, never>; response: Status };
}

export type RequestName = keyof Protocol;
export type RequestOf<K extends RequestName> = Protocol[K]['request'];
export type ResponseOf<K extends RequestName> = Protocol[K]['response'];
export type Reply<K extends RequestName> = Result<ResponseOf<K>, AppError>;

/** What travels over runtime messaging. `otter` marks our own requests among other messages. */
export interface Envelope<K extends RequestName = RequestName> {
  readonly otter: 1;
  readonly type: K;
  readonly payload: RequestOf<K>;
}
