import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../src/i18n';

/**
 * What just happened, with a way back. It stays until the next action rather than timing out:
 * someone who reads slowly or uses a screen reader must have time to undo.
 *
 * `takeFocus`: the control the user acted with has gone (a row moved to the Trash, the Undo
 * button itself), so focus moves here, to Undo when there is one, rather than to the page's
 * start, where a keyboard user would have to find their way back.
 */
export function UndoNotice({
  message,
  onUndo,
  busy,
  takeFocus,
}: {
  message: string;
  onUndo?: () => void;
  busy?: boolean;
  takeFocus?: boolean;
}) {
  const notice = useRef<HTMLDivElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus === true) (undo.current ?? notice.current)?.focus();
  }, [message, takeFocus]);
  return (
    <div class="notice undo" role="status" data-testid="undo-notice" tabIndex={-1} ref={notice}>
      <span>{message}</span>
      {onUndo && (
        <button type="button" onClick={onUndo} disabled={busy} data-testid="undo" ref={undo}>
          {t('undoButton')}
        </button>
      )}
    </div>
  );
}
