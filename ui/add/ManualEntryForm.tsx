import { useEffect, useRef, useState } from 'preact/hooks';
import type { DuplicateReason } from '../../src/backup/merge';
import type { AppError } from '../../src/errors';
import { t, type MessageKey } from '../../src/i18n';
import type {
  AccountLabel,
  AccountView,
  DuplicateChoice,
  FitNote,
  ManualEntry,
  ScanReport,
  UriEntry,
} from '../../src/messages/protocol';
import { keyLength, looksLikeHex, type KeyWarning } from '../../src/otp/key-check';
import { isSteamLink, STEAM_ISSUER } from '../../src/otp/steam-link';
import {
  ALGORITHMS,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  OTP_TYPES,
  type OtpType,
} from '../../src/otp/types';
import { DuplicatePrompt } from './DuplicatePrompt';
import { HexKeyOffer, ShortKeyPrompt, SteamKeyNotice } from './KeyNotices';
import { hasName, NameFields } from './NameFields';
import { SiteField } from './SiteField';
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
  /** The tab's origin: offered as the account's site, never set without the user's say. */
  readonly site: string;
  /** `warnings`: what had to be cut or dropped to fit the vault (names shortened...). */
  readonly onAdded: (account: AccountView, warnings?: readonly FitNote[]) => void;
  /** Pasted Google export links were read: what they hold, shown as a scan's findings. */
  readonly onReport: (report: ScanReport) => void;
  readonly onCancel: () => void;
}

/** Anything with a scheme is a link (`otpauth:/…` with a slash lost too: the worker says so). */
const LINK = /^\s*[a-z][a-z0-9+.-]*:/i;
/** A Google Authenticator export, pasted: read like its QR code (ScanResults shows it). */
const MIGRATION = /^\s*otpauth-migration:/i;
/**
 * Several links pasted at once (lines of a list: the field turns line breaks into spaces): read
 * like a page with several QR codes, each its own account to choose, never one link's names with
 * another's key.
 */
const SEVERAL_LINKS = /^\s*otpauth(?:-migration)?:\S*\s.*\botpauth(?:-migration)?:/is;
/** What an advanced field left empty means. */
const DEFAULTS = { digits: DEFAULT_DIGITS, period: DEFAULT_PERIOD, counter: 0 } as const;
type ManualNumberError = 'digits_invalid' | 'period_invalid' | 'counter_invalid';

/** Errors about what was typed into the key field. */
function isKeyError(error: AppError | null): boolean {
  if (error === null) return false;
  const { code } = error;
  return (
    code.startsWith('secret_') ||
    code.startsWith('uri_') ||
    code.startsWith('migration_') ||
    code === 'microsoft_activation' ||
    code === 'steam_key_unreadable'
  );
}

/**
 * A secret key typed by hand (with names and, under Advanced, the code's parameters), or a
 * pasted otpauth:// link, or a Google export's otpauth-migration:// links. The worker checks it
 * and says exactly what is wrong, and where; a key that decodes but looks cut off is saved only
 * once the user says it is whole.
 */
export function ManualEntryForm({ site, onAdded, onReport, onCancel }: Props) {
  const [secret, setSecret] = useState('');
  const [issuer, setIssuer] = useState('');
  const [account, setAccount] = useState('');
  const [siteValue, setSite] = useState('');
  const [type, setType] = useState<OtpType>('totp');
  const [algorithm, setAlgorithm] = useState('SHA1');
  // As typed: a field the user cleared stays empty (and means its default), not 0.
  const [digits, setDigits] = useState(String(DEFAULTS.digits));
  const [period, setPeriod] = useState(String(DEFAULTS.period));
  const [counter, setCounter] = useState(String(DEFAULTS.counter));
  const [hex, setHex] = useState(true);
  const [shortKey, setShortKey] = useState<KeyWarning | null>(null);
  const [duplicate, setDuplicate] = useState<{
    existing: AccountLabel;
    reasons: readonly DuplicateReason[];
  } | null>(null);
  const request = useRequest();
  const policy = usePolicy();
  const { error, busy } = request;
  const secretField = useRef<HTMLInputElement>(null);
  // Shown after the page loaded: `autofocus` alone would not move focus here (focus-on-mount.ts).
  // Again when the form comes back from the duplicate question (its Cancel, or an error).
  useEffect(() => {
    if (duplicate === null) secretField.current?.focus();
  }, [duplicate === null]);
  /** The user already said the key is whole: the duplicate question's answer keeps that. */
  const confirmed = useRef(false);
  const several = SEVERAL_LINKS.test(secret);
  const isMigration = several || MIGRATION.test(secret);
  const isLink = LINK.test(secret);
  // Bitwarden's and Proton's `steam://<key>`: a Steam account, named here (the link names nothing).
  const isSteam = isSteamLink(secret);
  const hexLike = !isLink && looksLikeHex(secret);

  /** The entry to send, or the error of the first number field that is not a whole number. */
  function entry(): ManualEntry | UriEntry | { error: ManualNumberError } {
    if (isLink) return { uri: secret.trim(), issuer, account, site: siteValue };
    const numbers = {
      digits: wholeNumber(digits, DEFAULTS.digits),
      period: wholeNumber(period, DEFAULTS.period),
      counter: wholeNumber(counter, DEFAULTS.counter),
    };
    if (numbers.digits === null) return { error: 'digits_invalid' };
    if (type === 'hotp' ? numbers.counter === null : numbers.period === null)
      return { error: type === 'hotp' ? 'counter_invalid' : 'period_invalid' };
    return {
      secret,
      issuer,
      account,
      site: siteValue,
      type,
      algorithm,
      digits: numbers.digits,
      period: numbers.period ?? DEFAULTS.period,
      counter: numbers.counter ?? DEFAULTS.counter,
      encoding: hexLike && hex ? 'hex' : 'base32',
    };
  }

  async function readLinks() {
    const report = await request.run('readLinks', { text: secret });
    if (report !== null) onReport(report);
  }

  async function save(options: { onDuplicate?: DuplicateChoice; confirmShortKey?: boolean } = {}) {
    if ((!isLink || isSteam) && !hasName(issuer, account)) {
      request.fail({ code: 'name_missing' });
      return;
    }
    const fields = entry();
    if ('error' in fields) {
      request.fail({ code: fields.error });
      return;
    }
    const reply = await request.run('addAccount', { entry: fields, ...options });
    setDuplicate(null);
    if (reply === null) return;
    if (reply.status === 'short_key') {
      setShortKey(reply.warning);
    } else if (reply.status === 'duplicate') {
      // Asked again with the answer: the user has already said the key is whole.
      setShortKey(null);
      setDuplicate({ existing: reply.existing, reasons: reply.reasons });
      confirmed.current = options.confirmShortKey === true;
    } else {
      setSecret('');
      onAdded(reply.account, reply.warnings);
    }
  }

  if (policy?.allowManualEntry === false) return <ScanOnly onCancel={onCancel} />;
  if (duplicate !== null) {
    return (
      <DuplicatePrompt
        {...duplicate}
        busy={busy}
        onChoose={(choice) =>
          void save({ onDuplicate: choice, confirmShortKey: confirmed.current })
        }
        onCancel={() => setDuplicate(null)}
      />
    );
  }

  const keyError = isKeyError(error);
  const nameMissing = error?.code === 'name_missing';
  return (
    // noValidate: Otter's own checks say exactly what is wrong, in the user's language.
    <form
      autocomplete="off"
      class="stack"
      noValidate
      data-testid="manual-entry"
      onSubmit={(event) => {
        event.preventDefault();
        setShortKey(null);
        void (isMigration ? readLinks() : save());
      }}
    >
      <h2>{t('manualTitle')}</h2>
      <div class="field">
        <label for="secret">{t('secretLabel')}</label>
        <input
          id="secret"
          ref={secretField}
          value={secret}
          onInput={(e) => {
            const value = e.currentTarget.value;
            // A Steam key's service is Steam unless the user names another.
            if (isSteamLink(value) && !isSteam && issuer.trim() === '') setIssuer(STEAM_ISSUER);
            setSecret(value);
            setShortKey(null);
          }}
          autocomplete="off"
          spellcheck={false}
          autofocus
          aria-describedby={keyError ? 'secret-hint form-error' : 'secret-hint'}
          aria-invalid={keyError || shortKey !== null}
        />
        <p class="muted small" id="secret-hint">
          {t('secretHint')}
        </p>
      </div>
      {hexLike && <HexKeyOffer length={keyLength(secret)} hex={hex} onChange={setHex} />}
      {isSteam && <SteamKeyNotice />}
      {isMigration ? (
        <p class="notice" data-testid="migration-link">
          {t(several ? 'severalLinksNotice' : 'migrationLinkNotice')}
        </p>
      ) : (
        <>
          <NameFields
            idPrefix="manual"
            issuer={issuer}
            account={account}
            onIssuer={setIssuer}
            onAccount={setAccount}
            missing={nameMissing}
            errorId="form-error"
          />
          <SiteField value={siteValue} suggestion={site} onChange={setSite} />
        </>
      )}
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
              <NumberField
                id="digits"
                label="digitsLabel"
                min={1}
                max={10}
                placeholder={DEFAULTS.digits}
                value={digits}
                onChange={setDigits}
              />
            )}
            {type === 'hotp' ? (
              <NumberField
                id="counter"
                label="counterLabel"
                min={0}
                placeholder={DEFAULTS.counter}
                value={counter}
                onChange={setCounter}
              />
            ) : (
              <NumberField
                id="period"
                label="periodLabel"
                min={1}
                max={86400}
                placeholder={DEFAULTS.period}
                value={period}
                onChange={setPeriod}
              />
            )}
          </div>
        </details>
      )}
      {shortKey !== null && (
        <ShortKeyPrompt
          warning={shortKey}
          busy={busy}
          onSaveAnyway={() => void save({ confirmShortKey: true })}
          onEdit={() => {
            setShortKey(null);
            secretField.current?.focus();
          }}
        />
      )}
      <ErrorText error={error} id="form-error" />
      <div class="buttons">
        <button class="primary" type="submit" disabled={busy || secret.trim() === ''}>
          {isMigration
            ? t(several ? 'readSeveralLinksButton' : 'readLinksButton')
            : t('saveAccountButton')}
        </button>
        {/* Not while saving: the account would be saved after the user left. */}
        <button type="button" class="quiet" onClick={onCancel} disabled={busy}>
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}

/** One whole-number field of the advanced settings (digits, period, counter). */
/** A field's whole number; its default when left empty; null when it is not one. */
function wholeNumber(text: string, fallback: number): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return fallback;
  return /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : null;
}

function NumberField(props: {
  id: string;
  label: MessageKey;
  min: number;
  max?: number;
  placeholder: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{t(props.label)}</label>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max}
        placeholder={String(props.placeholder)}
        value={props.value}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
    </div>
  );
}
