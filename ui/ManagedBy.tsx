import { t } from '../src/i18n';
import { usePolicy } from './use-policy';

/** "Managed by <organisation>" (OrganisationName), in the popup's and settings' header. */
export function ManagedBy() {
  const name = usePolicy()?.organisationName;
  if (name === undefined) return null;
  return (
    <span class="managed-by muted small" data-testid="managed-by">
      {t('managedBy', name)}
    </span>
  );
}
