import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import type { ResponseOf } from '../../src/messages/protocol';
import { ErrorText } from '../../ui/ErrorText';
import { accountName } from '../../ui/account-name';
import { focusOnMount } from '../../ui/focus-on-mount';
import { useRequest } from '../../ui/use-request';
import type { QrCode as QrCodeComponent } from './QrCode';
import { WarnFirst } from './WarnFirst';

type Exported = ResponseOf<'exportGoogle'>;

/**
 * Google Authenticator transfer QR codes (at most 10 accounts per code), to move accounts to a
 * phone. They hold the secrets in the clear: a warning comes first, and they can be hidden again.
 */
export function GoogleExport() {
  const [exported, setExported] = useState<Exported | null>(null);
  const { busy, error, run, busyWhile } = useRequest();
  const [QrCode, setQrCode] = useState<typeof QrCodeComponent | null>(null);
  // Hidden again by the user: the start button that comes back takes the focus from "Hide".
  const [hidden, setHidden] = useState(false);

  async function show(passphrase: string): Promise<boolean> {
    // The QR drawing library is loaded only when codes are shown (and never by the popup).
    const [codes, module] = await Promise.all([
      run('exportGoogle', { confirm: 'unencrypted', passphrase }),
      busyWhile(import('./QrCode')),
    ]);
    if (codes === null) return false;
    setQrCode(() => module.QrCode);
    setExported(codes);
    return true;
  }

  const total = exported?.uris.length ?? 0;
  return (
    <div class="stack card" data-testid="google-export">
      <h3>{t('googleExportTitle')}</h3>
      <p class="muted">{t('googleExportIntro')}</p>
      {exported === null && (
        <WarnFirst
          testId="google-warning"
          startLabel={t('googleExportStart')}
          warning={t('googleExportWarning')}
          understoodLabel={t('googleExportUnderstood')}
          actionLabel={t('googleExportButton')}
          busy={busy}
          takeFocus={hidden}
          wrongPassphrase={error?.code === 'wrong_passphrase'}
          errorId="google-export-error"
          onConfirm={show}
        />
      )}
      {exported !== null && (
        // The warning and its button are gone: the focus moves to the codes.
        <div class="stack" data-testid="google-codes" tabIndex={-1} ref={focusOnMount}>
          {total === 0 && <p>{t('googleExportNone')}</p>}
          {QrCode && (
            <ol class="qr-list">
              {exported.uris.map((uri, i) => {
                const label = t('googleCodeLabel', String(i + 1), String(total));
                return (
                  <li key={uri} class="stack qr-item" data-testid="google-code">
                    <span>{label}</span>
                    <QrCode text={uri} label={label} />
                  </li>
                );
              })}
            </ol>
          )}
          {exported.skipped.length > 0 && (
            <div class="stack">
              <p>{t('googleSkippedTitle', String(exported.skipped.length))}</p>
              <ul>
                {exported.skipped.map((s, i) => (
                  <li key={i}>{t('skippedEntry', accountName(s), t(`exportSkip_${s.reason}`))}</li>
                ))}
              </ul>
            </div>
          )}
          <button
            type="button"
            class="align-start"
            onClick={() => {
              setHidden(true);
              setExported(null);
            }}
          >
            {t('googleExportHide')}
          </button>
        </div>
      )}
      <ErrorText error={error} id="google-export-error" />
    </div>
  );
}
