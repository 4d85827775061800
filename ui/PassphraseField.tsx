import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../src/i18n';
import { focusOnMount } from './focus-on-mount';

interface Props {
  readonly id: string;
  readonly label: MessageKey;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly autocomplete: 'current-password' | 'new-password';
  readonly autofocus?: boolean;
  readonly describedBy?: string;
  readonly invalid?: boolean;
  /** The id of the error shown about this field: it describes the field while it is invalid. */
  readonly errorId?: string;
}

/**
 * A passphrase input with a show/hide toggle, and a note while Caps Lock is on (a right passphrase
 * typed so is wrong; a new one typed twice so would not open the vault later).
 */
export function PassphraseField(props: Props) {
  const [shown, setShown] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  // Emptied by its form (done with it, or a new step): the next passphrase is not shown unasked.
  useEffect(() => {
    if (props.value === '') setShown(false);
  }, [props.value === '']);
  const capsId = `${props.id}-caps`;
  const onKey = (e: KeyboardEvent) => setCapsLock(e.getModifierState('CapsLock'));
  const describedBy = [
    props.describedBy,
    props.invalid === true ? props.errorId : undefined,
    capsLock ? capsId : undefined,
  ]
    .filter((id) => id !== undefined && id !== '')
    .join(' ');
  return (
    <div class="field">
      <label for={props.id} id={`${props.id}-label`}>
        {t(props.label)}
      </label>
      <div class="with-button">
        <input
          id={props.id}
          // Preact's typings split inputs by type and reject the union; both are text fields here.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it
          type={(shown ? 'text' : 'password') as 'text'}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          onKeyDown={onKey}
          onKeyUp={onKey}
          onBlur={() => setCapsLock(false)}
          autocomplete={props.autocomplete}
          autofocus={props.autofocus}
          ref={props.autofocus === true ? focusOnMount : undefined}
          spellcheck={false}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          aria-invalid={props.invalid}
        />
        <button
          type="button"
          class="quiet"
          // Its words change with its state, so no aria-pressed too ("Hide, pressed"); described
          // by the field's label, it says which field (the Security page has five of them).
          aria-describedby={`${props.id}-label`}
          aria-controls={props.id}
          onClick={() => setShown(!shown)}
        >
          {t(shown ? 'hidePassphrase' : 'showPassphrase')}
        </button>
      </div>
      {capsLock && (
        <p class="notice small" role="status" id={capsId} data-testid="caps-lock">
          {t('capsLockOn')}
        </p>
      )}
    </div>
  );
}
