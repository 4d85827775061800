import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { ErrorText } from '../../ui/ErrorText';

/** Backup errors; invalid content names the account at fault by its position in the file. */
export function BackupErrorText({ error, id }: { error: AppError | null; id?: string }) {
  if (error?.code === 'backup_content_invalid' && error.position !== undefined) {
    return (
      <p class="error" role="alert" id={id} data-testid="error" data-code={error.code}>
        {t('error_backup_content_invalid_entry', String(error.position))}
      </p>
    );
  }
  return <ErrorText error={error} id={id} />;
}
