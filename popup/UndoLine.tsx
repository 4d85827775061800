import { t } from '../src/i18n';

/** "<account> moved to the Trash. Undo": the popup's way back after the row menu's removal. */
export function UndoLine({
  undo,
  onUndo,
}: {
  undo: { id: string; name: string };
  onUndo: (id: string) => Promise<void>;
}) {
  return (
    <p class="undo-line" role="status" data-testid="undo-line">
      <span>{t('removedNotice', undo.name)}</span>
      <button type="button" class="link" onClick={() => void onUndo(undo.id)} data-testid="undo">
        {t('undoButton')}
      </button>
    </p>
  );
}
