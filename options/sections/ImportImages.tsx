import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { AccountView, ScanReport } from '../../src/messages/protocol';
import { ErrorText } from '../../ui/ErrorText';
import { ScanResults } from '../../ui/add/ScanResults';
import { VerifyCode } from '../../ui/add/VerifyCode';
import { imageToPngBase64 } from '../image-to-png';
import { mergeScanReports } from './import-files';

/**
 * Screenshots, read as QR codes one after the other through the worker's scanner: a Google
 * Authenticator export over several codes comes together as one (the worker keeps the progress),
 * and is imported through the same flow as a scan in "Add account".
 */
export function ImportImages({
  files,
  onImported,
  onBack,
}: {
  files: readonly File[];
  onImported: (added: number, skipped: number, refused: number) => void;
  onBack: () => void;
}) {
  const [report, setReport] = useState<ScanReport | null>(null);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [added, setAdded] = useState<AccountView | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const reports: ScanReport[] = [];
      const failed: AppError[] = [];
      for (const file of files) {
        const png = await imageToPngBase64(file);
        const reply = png === null ? null : await send('scanImage', { png });
        if (reply?.ok) reports.push(reply.value);
        else failed.push(reply ? reply.error : { code: 'image_invalid' });
      }
      if (!live) return;
      setErrors(failed);
      setReport(mergeScanReports(reports) ?? { decoder: 'zxing', site: '', findings: [] });
    })();
    return () => {
      live = false;
    };
  }, [files]);

  if (added !== null) return <VerifyCode account={added} onDone={onBack} />;
  if (report === null) {
    return (
      <p class="muted" role="status">
        {t('scanning')}
      </p>
    );
  }
  return (
    <div class="stack">
      {errors.map((error, i) => (
        <ErrorText key={i} error={error} />
      ))}
      <ScanResults
        report={report}
        noneFound="scanImageNoneFound"
        onAdded={setAdded}
        onImported={onImported}
        onRescan={onBack}
        onManual={() => {
          location.hash = '#add';
        }}
        onCancel={onBack}
      />
    </div>
  );
}
