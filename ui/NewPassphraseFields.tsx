import type { MessageKey } from '../src/i18n';
import { t } from '../src/i18n';
import { PassphraseField } from './PassphraseField';
import { PassphraseRule } from './PassphraseRule';
import { StrengthMeter } from './StrengthMeter';

interface Props {
  /** Prefix for the element ids (several forms can be on one page). */
  readonly id: string;
  readonly minLength: number;
  readonly value: string;
  readonly repeat: string;
  readonly onValue: (value: string) => void;
  readonly onRepeat: (value: string) => void;
  readonly label?: MessageKey;
  readonly repeatLabel?: MessageKey;
  readonly autofocus?: boolean;
}

/** A new passphrase typed twice, with the minimum, a strength estimate and a mismatch note. */
export function NewPassphraseFields(props: Props) {
  const differ = props.repeat !== '' && props.repeat !== props.value;
  return (
    <>
      <PassphraseField
        id={`${props.id}-new`}
        label={props.label ?? 'passphraseNewLabel'}
        value={props.value}
        onInput={props.onValue}
        autocomplete="new-password"
        autofocus={props.autofocus}
        describedBy={`${props.id}-hint ${props.id}-rule ${props.id}-strength`}
      />
      <p class="muted small" id={`${props.id}-hint`}>
        {t('passphraseMinHint', String(props.minLength))}
      </p>
      <PassphraseRule value={props.value} id={`${props.id}-rule`} />
      <StrengthMeter passphrase={props.value} id={`${props.id}-strength`} />
      <PassphraseField
        id={`${props.id}-repeat`}
        label={props.repeatLabel ?? 'passphraseNewRepeatLabel'}
        value={props.repeat}
        onInput={props.onRepeat}
        autocomplete="new-password"
        describedBy={differ ? `${props.id}-differ` : undefined}
        invalid={differ}
      />
      {differ && (
        <p class="error" id={`${props.id}-differ`}>
          {t('passphrasesDiffer')}
        </p>
      )}
    </>
  );
}

/** Whether the two fields are ready to submit: filled, long enough, the same. */
export function passphraseReady(value: string, repeat: string, minLength: number): boolean {
  return value !== '' && value === repeat && [...value].length >= minLength;
}
