import { IMPORT_FORMATS } from '../../src/backup/import/types';
import { t } from '../../src/i18n';
import { FileDrop } from '../../ui/FileDrop';

/**
 * The apps named in the intro: every format but the generic list of links (said in words), and
 * the names of files two apps write alike (FreeOTP's old tokens.xml; a TOTP Authenticator backup
 * or an encrypted SDA .maFile), which repeat apps already in the list, and the password-protected
 * ZIP (an archive of one of them, not an app). An app read from two kinds of file (Google
 * Authenticator's transfer codes and its database) is named once.
 */
const NOT_LISTED: readonly string[] = [
  'otpauth_list',
  'freeotp_tokens',
  'totp_authenticator_or_steam',
  'zip',
];
const APPS = IMPORT_FORMATS.filter((format) => !NOT_LISTED.includes(format));
const appNames = (): string[] => [...new Set(APPS.map((f) => t(`import_format_${f}`)))];

/** Choose or drop one or more export files or screenshots. */
export function ImportPicker({ onFiles }: { onFiles: (files: File[]) => void }) {
  return (
    <div class="stack">
      <p>{t('importIntro')}</p>
      <p class="muted small">{t('importSupported', appNames().join(', '))}</p>
      <FileDrop multiple testId="import-input" onFiles={onFiles}>
        {t('importDrop')}
      </FileDrop>
    </div>
  );
}
