import { useRef, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { focusOnMount } from '../../ui/focus-on-mount';
import { PassphraseField } from '../../ui/PassphraseField';

interface Props {
  readonly testId: string;
  readonly startLabel: string;
  readonly warning: string;
  readonly understoodLabel: string;
  readonly actionLabel: string;
  /** The action's request is under way (the parent's useRequest): the button waits. */
  readonly busy: boolean;
  /** The worker refused the passphrase: the field is marked, and described by `errorId`. */
  readonly wrongPassphrase: boolean;
  /** The id of the parent's error text. */
  readonly errorId: string;
  /**
   * Runs the action with the vault passphrase typed in the warning (the worker checks it); true
   * when it is done, which closes the warning again.
   */
  readonly onConfirm: (passphrase: string) => Promise<boolean>;
  /** The start button takes the focus when it shows (the control used last has gone). */
  readonly takeFocus?: boolean;
}

/**
 * For exports that hold secrets in the clear: a start button, then a warning that must be
 * acknowledged (a ticked box) and the vault passphrase typed again before the action can run:
 * an unlocked Otter left alone must not be enough to take every secret away. Cancel closes it.
 * The button the user pressed goes each time, so the focus follows: to the checkbox when the
 * warning opens, back to the start button when it closes.
 */
export function WarnFirst(props: Props) {
  const [warned, setWarned] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const { busy } = props;
  const focusStart = useRef(props.takeFocus === true);

  function close() {
    focusStart.current = true;
    setWarned(false);
    setUnderstood(false);
    setPassphrase('');
  }

  async function confirm() {
    if (await props.onConfirm(passphrase)) close();
  }

  if (!warned) {
    return (
      <button
        type="button"
        class="align-start"
        onClick={() => setWarned(true)}
        ref={(button) => {
          if (button === null || !focusStart.current) return;
          focusStart.current = false;
          button.focus();
        }}
      >
        {props.startLabel}
      </button>
    );
  }
  const hintId = `${props.testId}-passphrase-hint`;
  return (
    <form
      autocomplete="off"
      class="stack warning-box"
      data-testid={props.testId}
      onSubmit={(event) => {
        event.preventDefault();
        if (understood && passphrase !== '' && !busy) void confirm();
      }}
    >
      <p role="alert">{props.warning}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          ref={focusOnMount}
        />
        {props.understoodLabel}
      </label>
      <PassphraseField
        id={`${props.testId}-passphrase`}
        label="exportPassphraseLabel"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="current-password"
        describedBy={hintId}
        invalid={props.wrongPassphrase}
        errorId={props.errorId}
      />
      <p class="muted small" id={hintId}>
        {t('exportPassphraseHint')}
      </p>
      <div class="buttons">
        <button type="submit" class="danger" disabled={!understood || passphrase === '' || busy}>
          {props.actionLabel}
        </button>
        <button type="button" onClick={close}>
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}
