import type { ImportFormat } from '../../src/backup/import/types';
import { t } from '../../src/i18n';
import { FileDrop } from '../../ui/FileDrop';

/** The apps named in the intro (the generic formats are said in words). */
const APPS: readonly ImportFormat[] = [
  'aegis',
  'twofas',
  'andotp',
  'authenticator_pro',
  'ente',
  'bitwarden',
  'bitwarden_authenticator',
  'proton_authenticator',
  'proton_pass',
  'lastpass',
  'freeotp_plus',
  'authenticator_extension',
  'onepassword',
  'keepass',
  'raivo',
  'winauth',
  'google_migration',
];

/** Choose or drop one or more export files or screenshots. */
export function ImportPicker({ onFiles }: { onFiles: (files: File[]) => void }) {
  return (
    <div class="stack">
      <p>{t('importIntro')}</p>
      <p class="muted small">
        {t('importSupported', APPS.map((f) => t(`import_format_${f}`)).join(', '))}
      </p>
      <FileDrop multiple testId="import-input" onFiles={onFiles}>
        {t('importDrop')}
      </FileDrop>
    </div>
  );
}
