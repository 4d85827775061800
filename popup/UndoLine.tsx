import { t } from '../src/i18n';
import { focusOnMount } from '../ui/focus-on-mount';

/** Where the message puts the account's name: a character no name or translation holds. */
const NAME = '\uE000';

/**
 * "<account> moved to the Trash. Undo": the popup's way back after the row menu's removal. The
 * button says what it undoes (aria-describedby): in the empty list it gets the focus (`focus`).
 */
export function UndoLine({
  undo,
  onUndo,
  focus,
}: {
  undo: { id: string; name: string };
  onUndo: (id: string) => Promise<void>;
  focus?: boolean;
}) {
  // Only the name gives way to a narrow popup: cut to one line as a whole, a long name left no
  // room for what happened ("Service 149 (user149@example.com) fl…").
  const [before = '', after = ''] = t('removedNotice', NAME).split(NAME);
  return (
    <p class="undo-line" data-testid="undo-line">
      <span class="undo-text" id="undo-text">
        {before}
        <span class="undo-name" title={undo.name}>
          {undo.name}
        </span>
        {after}
      </span>
      <button
        type="button"
        class="link"
        ref={focus ? focusOnMount : undefined}
        aria-describedby="undo-text"
        onClick={() => void onUndo(undo.id)}
        data-testid="undo"
      >
        {t('undoButton')}
      </button>
    </p>
  );
}
