import type { Handlers } from '../../src/messages/router';
import type { WorkerContext } from '../context';

/** Handlers get the worker context through this, so tests can give them their own. */
export type GetContext = () => Promise<WorkerContext>;

export type HandlerGroup<K extends keyof Handlers> = (context: GetContext) => Pick<Handlers, K>;
