/** Messages between the worker and its offscreen document (not part of the page protocol). */

export type OffscreenMessage =
  | {
      readonly target: 'offscreen';
      readonly kind: 'copy';
      readonly text: string;
      readonly clearAfterMs: number | null;
    }
  | { readonly target: 'offscreen'; readonly kind: 'clear-after'; readonly ms: number };

export interface OffscreenDone {
  readonly target: 'worker';
  readonly kind: 'clipboard-cleared';
}

export function isOffscreenMessage(message: unknown): message is OffscreenMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { target?: unknown }).target === 'offscreen'
  );
}

export function isOffscreenDone(message: unknown): message is OffscreenDone {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { target?: unknown }).target === 'worker' &&
    (message as { kind?: unknown }).kind === 'clipboard-cleared'
  );
}
