import { t } from '../src/i18n';
import { usePolicy } from './use-policy';

/**
 * The organisation's support contact (SupportText, SupportURL), where a user may be stuck: a
 * forgotten passphrase, repeated wrong passphrases, a refusal by policy. Nothing when unset.
 */
export function SupportContact({ lead }: { lead?: string }) {
  const policy = usePolicy();
  const text = policy?.supportText;
  const url = policy?.supportURL;
  if (text === undefined && url === undefined) return null;
  return (
    <div class="notice support stack" data-testid="support-contact">
      <p>
        <strong>{lead ?? t('supportTitle')}</strong>
        {text !== undefined && <> {text}</>}
      </p>
      {url !== undefined && (
        <a href={url} target="_blank" rel="noopener noreferrer" data-testid="support-link">
          {t('supportLink')}
        </a>
      )}
    </div>
  );
}
