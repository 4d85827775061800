import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../src/i18n';

interface Props {
  readonly title: string;
  readonly confirmLabel: string;
  /** For what cannot be undone: the safe button gets the focus, the other is red. */
  readonly danger?: boolean;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly children: ComponentChildren;
}

/**
 * A modal confirmation (the native `<dialog>`: focus is kept inside, Escape cancels, and focus
 * returns to where it was when it closes).
 */
export function ConfirmDialog(props: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // A layout effect, not an effect: the dialog is modal (Escape cancels, focus inside) in the
  // frame it first appears in; an effect ran after that frame, and an Escape pressed as soon as
  // the dialog showed was lost.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Focus the safe button when the action cannot be undone, the action otherwise.
    (props.danger ? cancelRef : confirmRef).current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="confirm stack"
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h3 id={titleId}>{props.title}</h3>
      {props.children}
      <div class="buttons">
        <button
          type="button"
          class={props.danger ? 'danger' : 'primary'}
          disabled={props.busy}
          ref={confirmRef}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={props.onCancel}>
          {t('cancelButton')}
        </button>
      </div>
    </dialog>
  );
}
