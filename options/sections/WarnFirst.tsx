import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';

interface Props {
  readonly testId: string;
  readonly startLabel: string;
  readonly warning: string;
  readonly understoodLabel: string;
  readonly actionLabel: string;
  /** Runs the action; true when it is done, which closes the warning again. */
  readonly onConfirm: () => Promise<boolean>;
}

/**
 * For exports that hold secrets in the clear: a start button, then a warning that must be
 * acknowledged (a ticked box) before the action can run. Cancel closes it.
 */
export function WarnFirst(props: Props) {
  const [warned, setWarned] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);

  function close() {
    setWarned(false);
    setUnderstood(false);
  }

  async function confirm() {
    setBusy(true);
    try {
      if (await props.onConfirm()) close();
    } finally {
      setBusy(false);
    }
  }

  if (!warned) {
    return (
      <button type="button" class="align-start" onClick={() => setWarned(true)}>
        {props.startLabel}
      </button>
    );
  }
  return (
    <div class="stack warning-box" data-testid={props.testId}>
      <p role="alert">{props.warning}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
        />
        {props.understoodLabel}
      </label>
      <div class="buttons">
        <button
          type="button"
          class="danger"
          disabled={!understood || busy}
          onClick={() => void confirm()}
        >
          {props.actionLabel}
        </button>
        <button type="button" onClick={close}>
          {t('cancelButton')}
        </button>
      </div>
    </div>
  );
}
