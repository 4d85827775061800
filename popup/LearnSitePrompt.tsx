import { useEffect } from 'preact/hooks';
import { t } from '../src/i18n';
import type { AccountView } from '../src/messages/protocol';
import { accountLines } from '../ui/account-name';
import { ErrorText } from '../ui/ErrorText';
import { useRequest } from '../ui/use-request';
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
  /** Says the question to screen readers as the prompt appears (the popup's live region). */
  readonly say: (text: string) => void;
}

/**
 * After the user filled or copied an account on a page that is not one of its sites: "Use
 * <account> on <host> from now on?" in one click (addPageSite), and, when Enter copied instead
 * of filling, why, with "Fill in anyway".
 */
export function LearnSitePrompt(props: Props) {
  const { account, host, copiedInstead } = props;
  const request = useRequest();
  const name = accountLines(account).primary;
  const siteHost = firstSiteHost(account);

  const notHere = siteHost !== null ? t('notThisSite', siteHost) : t('noSiteYet', name);
  const question = t('learnSiteQuestion', name, host);
  // Said as it appears, and as it comes for another account: asked anew, without the last error.
  useEffect(() => {
    request.fail(null);
    props.say(copiedInstead ? `${notHere} ${question}` : question);
  }, [account.id]);

  async function learn() {
    const learnt = await request.run('addPageSite', { id: account.id, page: props.pageUrl });
    if (learnt !== null) props.onLearned();
  }

  return (
    <div class="learn-site" role="region" aria-label={name} data-testid="learn-site">
      {copiedInstead && <p data-testid="not-this-site">{notHere}</p>}
      <p>{question}</p>
      <ErrorText error={request.error} />
      <div class="buttons">
        <button
          type="button"
          class="primary"
          disabled={request.busy}
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
