import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { AddFlow, type StartActions } from '../../ui/add/AddFlow';
import { ErrorText } from '../../ui/ErrorText';
import { FileDrop } from '../../ui/FileDrop';
import { imageToPngBase64 } from '../image-to-png';

/**
 * Adding from an image: a screenshot of a QR code, or a photo of a Google Authenticator export,
 * chosen, dropped or pasted. The image goes to the worker, is read there, and is not kept.
 */
export function AddAccount() {
  // A new flow after each account: the start screen, ready for the next image.
  const [round, setRound] = useState(0);
  return (
    <AddFlow
      key={round}
      site=""
      noneFound="scanImageNoneFound"
      onClose={() => setRound((n) => n + 1)}
      start={(actions) => <ImageStart actions={actions} />}
    />
  );
}

function ImageStart({ actions }: { actions: StartActions }) {
  function read(file: Blob | null | undefined) {
    if (!file) return;
    actions.scan(async () => {
      const png = await imageToPngBase64(file);
      return png === null
        ? { ok: false, error: { code: 'image_invalid' } }
        : send('scanImage', { png });
    });
  }

  // Listening from the frame the section first shows in: an image pasted as soon as the page
  // appears is read, not lost.
  useLayoutEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const item = [...(event.clipboardData?.items ?? [])].find((i) => i.type.startsWith('image/'));
      if (item) {
        event.preventDefault();
        read(item.getAsFile());
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [actions]);

  return (
    <section class="stack" data-testid="add-section">
      <h2>{t('addTitle')}</h2>
      <p>{t('addFromImageIntro')}</p>
      <FileDrop accept="image/*" testId="image-input" onFiles={(files) => read(files[0])}>
        {actions.reading ? t('scanning') : t('addFromImageDrop')}
      </FileDrop>
      <ErrorText error={actions.error} />
      <button type="button" onClick={actions.manual} data-testid="manual">
        {t('manualButton')}
      </button>
    </section>
  );
}
