/**
 * The offscreen document: writes and clears the clipboard for the worker (which has no DOM), and
 * keeps the clear timer running after the popup has closed. It only ever holds a code.
 */
import { onWorkerMessage, reportCleared } from '../src/platform/offscreen-page';

const area = document.getElementById('clip') as HTMLTextAreaElement;
let timer: number | undefined;

function write(text: string): void {
  if (text === '') {
    // execCommand('copy') with nothing selected copies nothing: supply the empty text ourselves.
    const onCopy = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/plain', '');
      event.preventDefault();
    };
    document.addEventListener('copy', onCopy, { once: true });
    document.execCommand('copy');
    document.removeEventListener('copy', onCopy);
    return;
  }
  area.value = text;
  area.select();
  document.execCommand('copy');
  area.value = '';
}

function clearLater(ms: number): void {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => {
    write('');
    reportCleared();
  }, ms);
}

onWorkerMessage((message) => {
  if (message.kind === 'copy') {
    write(message.text);
    if (message.clearAfterMs !== null) clearLater(message.clearAfterMs);
  } else {
    clearLater(message.ms);
  }
});
