import { useState } from 'preact/hooks';
import type { ImportFormat } from '../../src/backup/import/types';
import { t } from '../../src/i18n';

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
  const [dragging, setDragging] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const take = (files: FileList | null | undefined) => {
    if (!files || files.length === 0) return;
    onFiles([...files]);
    // A fresh input, so that choosing the same file again is seen as a change.
    setInputKey(inputKey + 1);
  };
  return (
    <div class="stack">
      <p>{t('importIntro')}</p>
      <p class="muted small">
        {t('importSupported', APPS.map((f) => t(`import_format_${f}`)).join(', '))}
      </p>
      <label
        class={`drop${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          take(e.dataTransfer?.files);
        }}
      >
        <span>{t('importDrop')}</span>
        <input
          key={inputKey}
          type="file"
          multiple
          data-testid="import-input"
          onChange={(e) => take(e.currentTarget.files)}
        />
      </label>
    </div>
  );
}
