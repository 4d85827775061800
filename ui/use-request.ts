/**
 * The busy → send → error sequence every form writes: one request to the worker at a time, the
 * button disabled meanwhile, the error (a code, translated by <ErrorText>) kept until the next try.
 */
import { useRef, useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { send } from '../src/messages/client';
import type { Reply, RequestName, RequestOf, ResponseOf } from '../src/messages/protocol';

export interface RequestState {
  readonly busy: boolean;
  readonly error: AppError | null;
  /** Sends one request; the answer, or null when it failed (the error is then set). */
  readonly run: <K extends RequestName>(
    type: K,
    payload: RequestOf<K>,
  ) => Promise<ResponseOf<K> | null>;
  /** The same, with the whole reply, for a page that acts on a particular error code. */
  readonly reply: <K extends RequestName>(type: K, payload: RequestOf<K>) => Promise<Reply<K>>;
  /** Shows an error found on the page (a file that is no image, a field left empty). */
  readonly fail: (error: AppError | null) => void;
  /**
   * Keeps `busy` while other work that goes with a request runs (a module to load beside it, a
   * copy to the clipboard), so the button cannot start it twice.
   */
  readonly busyWhile: <T>(work: Promise<T>) => Promise<T>;
  /**
   * Leaves what is on its way (the user cancelled it): no longer busy, and its answer, when it
   * comes, sets no error. The caller drops the answer itself (and what the worker holds for it).
   */
  readonly abandon: () => void;
}

export function useRequest(): RequestState {
  // A count, not a flag: work kept busy beside a request must not end `busy` when either ends.
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  // Counts the abandons: work started before the last one no longer counts.
  const epoch = useRef(0);
  async function busyWhile<T>(work: Promise<T>): Promise<T> {
    const started = epoch.current;
    setPending((n) => n + 1);
    try {
      return await work;
    } finally {
      if (started === epoch.current) setPending((n) => n - 1);
    }
  }
  async function reply<K extends RequestName>(type: K, payload: RequestOf<K>): Promise<Reply<K>> {
    const started = epoch.current;
    setError(null);
    const answer = await busyWhile(send(type, payload));
    if (!answer.ok && started === epoch.current) setError(answer.error);
    return answer;
  }
  return {
    busy: pending > 0,
    error,
    fail: setError,
    reply,
    busyWhile,
    abandon() {
      epoch.current++;
      setPending(0);
      setError(null);
    },
    async run(type, payload) {
      const answer = await reply(type, payload);
      return answer.ok ? answer.value : null;
    },
  };
}
