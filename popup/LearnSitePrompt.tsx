import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import type { AccountView } from '../src/messages/protocol';
import type { AppError } from '../src/errors';
import { accountLines } from '../ui/account-name';
import { ErrorText } from '../ui/ErrorText';
import { firstSiteHost } from './page-fill';

interface Props {
  readonly account: AccountView;
  /** The page's host, as shown. */
  readonly host: string;
  /** The page's URL: the worker adds its origin. */
  readonly pageUrl: string;
  /** Enter copied instead of filling: say why, and offer to fill anyway. */
  readonly copiedInstead: boolean;
  readonly onFillAnyway: () => void;
  readonly onLearned: () => void;
  readonly onClose: () => void;
}

/**
 * After the user filled or copied an account on a page that is not one of its sites: "Use
 * <account> on <host> from now on?" in one click (addPageSite), and, when Enter copied instead
 * of filling, why, with "Fill in anyway".
 */
export function LearnSitePrompt(props: Props) {
  const { account, host, copiedInstead } = props;
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const name = accountLines(account).primary;
  const siteHost = firstSiteHost(account);

  async function learn() {
    setBusy(true);
    const reply = await send('addPageSite', { id: account.id, page: props.pageUrl });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    props.onLearned();
  }

  return (
    <div class="learn-site" role="region" aria-label={name} data-testid="learn-site">
      {copiedInstead && (
        <p data-testid="not-this-site">
          {siteHost !== null ? t('notThisSite', siteHost) : t('noSiteYet', name)}
        </p>
      )}
      <p>{t('learnSiteQuestion', name, host)}</p>
      <ErrorText error={error} />
      <div class="buttons">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => void learn()}
          data-testid="learn-site-yes"
        >
          {t('learnSiteButton')}
        </button>
        {copiedInstead && (
          <button type="button" onClick={props.onFillAnyway} data-testid="fill-anyway">
            {t('fillAnywayButton')}
          </button>
        )}
        <button type="button" class="quiet" onClick={props.onClose} data-testid="learn-site-no">
          {t('notNowButton')}
        </button>
      </div>
    </div>
  );
}
