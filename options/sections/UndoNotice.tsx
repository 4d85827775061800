import { t } from '../../src/i18n';

/**
 * What just happened, with a way back. It stays until the next action rather than timing out:
 * someone who reads slowly or uses a screen reader must have time to undo.
 */
export function UndoNotice({
  message,
  onUndo,
  busy,
}: {
  message: string;
  onUndo?: () => void;
  busy?: boolean;
}) {
  return (
    <div class="notice undo" role="status" data-testid="undo-notice">
      <span>{message}</span>
      {onUndo && (
        <button type="button" onClick={onUndo} disabled={busy} data-testid="undo">
          {t('undoButton')}
        </button>
      )}
    </div>
  );
}
