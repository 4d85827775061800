/**
 * The busy → send → error sequence every form writes: one request to the worker at a time, the
 * button disabled meanwhile, the error (a code, translated by <ErrorText>) kept until the next try.
 */
import { useState } from 'preact/hooks';
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
}

export function useRequest(): RequestState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  async function reply<K extends RequestName>(type: K, payload: RequestOf<K>): Promise<Reply<K>> {
    setBusy(true);
    setError(null);
    try {
      const answer = await send(type, payload);
      if (!answer.ok) setError(answer.error);
      return answer;
    } finally {
      setBusy(false);
    }
  }
  return {
    busy,
    error,
    fail: setError,
    reply,
    async run(type, payload) {
      const answer = await reply(type, payload);
      return answer.ok ? answer.value : null;
    },
  };
}
