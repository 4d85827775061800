import { useState } from 'preact/hooks';
import type { DuplicateReason } from '../../src/backup/merge';
import { t } from '../../src/i18n';
import type {
  AccountLabel,
  AccountView,
  DuplicateChoice,
  ManualEntry,
  UriEntry,
} from '../../src/messages/protocol';
import { ALGORITHMS, OTP_TYPES, type OtpType } from '../../src/otp/types';
import { DuplicatePrompt } from './DuplicatePrompt';
import { ErrorText } from '../ErrorText';
import { SupportContact } from '../SupportContact';
import { usePolicy } from '../use-policy';
import { useRequest } from '../use-request';

/** AllowManualEntry false: accounts only from a scanned QR code (the worker refuses the rest). */
function ScanOnly({ onCancel }: { onCancel: () => void }) {
  return (
    <section class="stack" data-testid="manual-entry-forbidden">
      <p>{t('manualEntryForbiddenIntro')}</p>
      <SupportContact />
      <button type="button" onClick={onCancel}>
        {t('backButton')}
      </button>
    </section>
  );
}

interface Props {
  /** The page's origin, offered as the account's site. */
  readonly site: string;
  readonly onAdded: (account: AccountView) => void;
  readonly onCancel: () => void;
}

/**
 * A secret key typed by hand (with names and, under Advanced, the code's parameters), or a
 * pasted otpauth:// link. The worker checks it and says exactly what is wrong, and where.
 */
export function ManualEntryForm({ site, onAdded, onCancel }: Props) {
  const [secret, setSecret] = useState('');
  const [issuer, setIssuer] = useState('');
  const [account, setAccount] = useState('');
  const [siteValue, setSite] = useState(site);
  const [type, setType] = useState<OtpType>('totp');
  const [algorithm, setAlgorithm] = useState('SHA1');
  const [digits, setDigits] = useState(6);
  const [period, setPeriod] = useState(30);
  const [counter, setCounter] = useState(0);
  const [duplicate, setDuplicate] = useState<{
    existing: AccountLabel;
    reasons: readonly DuplicateReason[];
  } | null>(null);
  const request = useRequest();
  const policy = usePolicy();
  const { error, busy } = request;
  // Anything with a scheme is a link (otpauth:// or not: the worker says which it is).
  const isLink = /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(secret);

  function entry(): ManualEntry | UriEntry {
    if (isLink) return { uri: secret.trim(), issuer, account, site: siteValue };
    return { secret, issuer, account, site: siteValue, type, algorithm, digits, period, counter };
  }

  async function save(onDuplicate?: DuplicateChoice) {
    const reply = await request.run(
      'addAccount',
      onDuplicate === undefined ? { entry: entry() } : { entry: entry(), onDuplicate },
    );
    setDuplicate(null);
    if (reply === null) return;
    if (reply.status === 'duplicate') {
      setDuplicate({ existing: reply.existing, reasons: reply.reasons });
    } else {
      setSecret('');
      onAdded(reply.account);
    }
  }

  if (policy?.allowManualEntry === false) return <ScanOnly onCancel={onCancel} />;
  if (duplicate !== null) {
    return (
      <DuplicatePrompt
        {...duplicate}
        onChoose={(choice) => void save(choice)}
        onCancel={() => setDuplicate(null)}
      />
    );
  }

  const secretError =
    error !== null &&
    (error.code.startsWith('secret_') ||
      error.code.startsWith('uri_') ||
      error.code === 'microsoft_activation');
  return (
    // noValidate: Otter's own checks say exactly what is wrong, in the user's language.
    <form
      class="stack"
      noValidate
      data-testid="manual-entry"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{t('manualTitle')}</h2>
      <div class="field">
        <label for="secret">{t('secretLabel')}</label>
        <input
          id="secret"
          value={secret}
          onInput={(e) => setSecret(e.currentTarget.value)}
          autocomplete="off"
          spellcheck={false}
          autofocus
          aria-describedby={secretError ? 'secret-hint form-error' : 'secret-hint'}
          aria-invalid={secretError}
        />
        <p class="muted small" id="secret-hint">
          {t('secretHint')}
        </p>
      </div>
      <div class="grid-2">
        <div class="field">
          <label for="issuer">{t('issuerLabel')}</label>
          <input
            id="issuer"
            value={issuer}
            onInput={(e) => setIssuer(e.currentTarget.value)}
            autocomplete="off"
          />
        </div>
        <div class="field">
          <label for="account-name">{t('accountNameLabel')}</label>
          <input
            id="account-name"
            value={account}
            onInput={(e) => setAccount(e.currentTarget.value)}
            autocomplete="off"
          />
        </div>
      </div>
      <div class="field">
        <label for="site">{t('siteLabel')}</label>
        <input
          id="site"
          value={siteValue}
          onInput={(e) => setSite(e.currentTarget.value)}
          autocomplete="off"
          aria-describedby="site-hint"
        />
        <p class="muted small" id="site-hint">
          {t('siteHint')}
        </p>
      </div>
      {!isLink && (
        <details>
          <summary>{t('advancedLabel')}</summary>
          <div class="grid-2">
            <div class="field">
              <label for="otp-type">{t('typeLabel')}</label>
              <select
                id="otp-type"
                value={type}
                onChange={(e) => setType(e.currentTarget.value as OtpType)}
              >
                {OTP_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {t(`type_${v}`)}
                  </option>
                ))}
              </select>
            </div>
            {type !== 'steam' && (
              <div class="field">
                <label for="algorithm">{t('algorithmLabel')}</label>
                <select
                  id="algorithm"
                  value={algorithm}
                  onChange={(e) => setAlgorithm(e.currentTarget.value)}
                >
                  {ALGORITHMS.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {type !== 'steam' && (
              <div class="field">
                <label for="digits">{t('digitsLabel')}</label>
                <input
                  id="digits"
                  type="number"
                  min={1}
                  max={10}
                  value={digits}
                  onInput={(e) => setDigits(Number(e.currentTarget.value))}
                />
              </div>
            )}
            {type === 'hotp' ? (
              <div class="field">
                <label for="counter">{t('counterLabel')}</label>
                <input
                  id="counter"
                  type="number"
                  min={0}
                  value={counter}
                  onInput={(e) => setCounter(Number(e.currentTarget.value))}
                />
              </div>
            ) : (
              <div class="field">
                <label for="period">{t('periodLabel')}</label>
                <input
                  id="period"
                  type="number"
                  min={1}
                  max={86400}
                  value={period}
                  onInput={(e) => setPeriod(Number(e.currentTarget.value))}
                />
              </div>
            )}
          </div>
        </details>
      )}
      <ErrorText error={error} id="form-error" />
      <div class="buttons">
        <button class="primary" type="submit" disabled={busy || secret.trim() === ''}>
          {t('saveAccountButton')}
        </button>
        <button type="button" class="quiet" onClick={onCancel}>
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}
