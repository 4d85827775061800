import type { MessageKey } from '../src/i18n';
import { t } from '../src/i18n';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';
import type { NewSecret } from './use-new-secret';

interface Props {
  /** Prefix for the element ids (several forms can be on one page). */
  readonly id: string;
  /** From useNewSecret: the two values, the strength and what is wrong. */
  readonly secret: NewSecret;
  readonly label?: MessageKey;
  readonly repeatLabel?: MessageKey;
  readonly autofocus?: boolean;
}

/**
 * A new passphrase or backup password typed twice, with its minimum, a strength estimate, why it
 * cannot be used yet and what would help, and a mismatch note. Every text names the field.
 */
export function NewPassphraseFields({ id, secret, label, repeatLabel, autofocus }: Props) {
  const passphrase = secret.kind === 'passphrase';
  const differ = secret.repeat !== '' && secret.repeat !== secret.value;
  return (
    <>
      <PassphraseField
        id={`${id}-new`}
        label={label ?? (passphrase ? 'passphraseNewLabel' : 'backupPasswordLabel')}
        value={secret.value}
        onInput={secret.setValue}
        autocomplete="new-password"
        autofocus={autofocus}
        describedBy={`${id}-hint ${id}-strength`}
      />
      <p class="muted small" id={`${id}-hint`}>
        {t(passphrase ? 'passphraseMinHint' : 'backupPasswordHint', String(secret.minLength))}
      </p>
      <StrengthMeter secret={secret} id={`${id}-strength`} />
      <PassphraseField
        id={`${id}-repeat`}
        label={
          repeatLabel ?? (passphrase ? 'passphraseNewRepeatLabel' : 'backupPasswordRepeatLabel')
        }
        value={secret.repeat}
        onInput={secret.setRepeat}
        autocomplete="new-password"
        describedBy={differ ? `${id}-differ` : undefined}
        invalid={differ}
      />
      {differ && (
        <p class="error" id={`${id}-differ`}>
          {t(passphrase ? 'passphrasesDiffer' : 'passwordsDiffer')}
        </p>
      )}
    </>
  );
}
