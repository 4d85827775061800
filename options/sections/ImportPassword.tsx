import { useState } from 'preact/hooks';
import { WRONG_PASSWORD_ERRORS, type ImportFormat } from '../../src/backup/import/types';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { PassphraseField } from '../../ui/PassphraseField';

/** An encrypted export: which app it is from, and the password it was exported with. */
export function ImportPassword({
  format,
  busy,
  error,
  onOpen,
  onCancel,
}: {
  format: ImportFormat;
  busy: boolean;
  error: AppError | null;
  /** Resolves true once the file opened (the password is then forgotten here). */
  onOpen: (password: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const app = t(`import_format_${format}`);
  return (
    <form
      autocomplete="off"
      class="stack"
      data-testid="import-password"
      onSubmit={(event) => {
        event.preventDefault();
        void onOpen(password).then((opened) => {
          if (opened) setPassword('');
        });
      }}
    >
      <h3 data-testid="import-format">{t('importRecognisedEncrypted', app)}</h3>
      <PassphraseField
        id="import-password"
        label="importPasswordLabel"
        value={password}
        onInput={setPassword}
        autocomplete="current-password"
        describedBy="import-password-hint"
        autofocus
        invalid={WRONG_PASSWORD_ERRORS.some((code) => code === error?.code)}
        errorId="import-password-error"
      />
      <p class="muted small" id="import-password-hint">
        {format === 'totp_authenticator_or_steam'
          ? // Says which of the two opens with a password, and what to do with the other.
            t('importPasswordHintTotpOrSteam')
          : format === 'zip'
            ? // No app chose this password: whoever made the archive did.
              t('importPasswordHintZip')
            : format === 'steam'
              ? // SDA's encryption passkey, set in the app, not chosen for an export.
                t('importPasswordHintSteam')
              : t('importPasswordHint', app)}
      </p>
      {busy && (
        <p class="muted" role="status">
          {t('importOpening')}
        </p>
      )}
      <ErrorText error={error} id="import-password-error" />
      <div class="buttons">
        <button class="primary" type="submit" disabled={busy || password === ''}>
          {t('importOpenButton')}
        </button>
        {/* While the file opens too: what it reads, come late, is dropped (Import.tsx). */}
        <button type="button" onClick={onCancel}>
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}
