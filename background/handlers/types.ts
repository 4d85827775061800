import type { Reply, RequestName, RequestOf } from '../../src/messages/protocol';
import type { WorkerContext } from '../context';

/**
 * A request's handler: its payload already checked by the row's parser (src/messages/requests.ts),
 * and the worker context from the dispatcher, which also applies the row's properties (policy
 * read first, vault unlocked, code cache cleared, idle deadline moved), so a handler does only
 * its own job.
 */
export type Handler<K extends RequestName> = (
  payload: RequestOf<K>,
  context: WorkerContext,
) => Promise<Reply<K>>;

/** Every request's handler: a request without one is a compile error. */
export type Handlers = { readonly [K in RequestName]: Handler<K> };

export type HandlerGroup<K extends RequestName> = Pick<Handlers, K>;
