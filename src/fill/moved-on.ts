/**
 * Whether the page took the code and moved on. A field that held the whole code and is empty, or
 * gone, once the page settled was either submitted (the page cleared it, or showed its next step)
 * or reset by the page: a component that re-mounted its field, a page whose own state ignores
 * events it did not see from a keyboard. Only a sign of the first counts as filled; otherwise
 * the popup copies the code, so the person is never told "Filled" with the code nowhere.
 */
import { getValue, isDisabled, isVisible, squash } from './dom';

export interface MoveWatch {
  /** Whether the page shows a sign of having moved on from the fields; call once it settled. */
  readonly movedOn: () => boolean;
  /**
   * What the fields held when the page submitted them, if it did: a page that submits at the
   * last digit may empty the field before the typing is over.
   */
  readonly atSubmit: () => readonly string[] | null;
  readonly stop: () => void;
}

/**
 * Watches the document of `inputs` from before the code is typed. Signs: a form was submitted
 * (the event fires whether or not the page cancels it), the address changed (a single-page app's
 * next step), the fields still there were disabled, made read-only or hidden (a check in
 * progress, behind a spinner), or the fields are gone and `asksAgain` finds no field in their
 * place still waiting for a code.
 */
export function watchMove(
  inputs: readonly HTMLInputElement[],
  asksAgain: () => boolean,
): MoveWatch {
  const doc = inputs[0]?.ownerDocument ?? document;
  const address = (): string => {
    try {
      return doc.location?.href ?? '';
    } catch {
      return '';
    }
  };
  const before = address();
  let submitted: string[] | null = null;
  const onSubmit = (): void => {
    submitted ??= inputs.map((el) => squash(getValue(el)));
  };
  // A submit event does not leave a shadow root: listen in the fields' own roots too.
  const roots = new Set<Document | ShadowRoot>([doc]);
  for (const el of inputs) roots.add(el.getRootNode() as Document | ShadowRoot);
  roots.forEach((root) => root.addEventListener('submit', onSubmit, true));
  return {
    movedOn: () => {
      if (submitted !== null || address() !== before) return true;
      const left = inputs.filter((el) => el.isConnected);
      if (left.length > 0)
        return left.every((el) => isDisabled(el) || el.readOnly || !isVisible(el));
      return !asksAgain();
    },
    atSubmit: () => submitted,
    stop: () => {
      roots.forEach((root) => root.removeEventListener('submit', onSubmit, true));
    },
  };
}
