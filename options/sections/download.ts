/**
 * Offers a file the worker made as a download: a Blob URL and an `<a download>`, which needs no
 * `downloads` permission (DESIGN.md fixes the permission set). The URL is revoked right after, so
 * the text does not stay reachable from the page.
 */
import type { FileOffer } from '../../src/messages/protocol';

export function offerDownload(offer: FileOffer): void {
  const url = URL.createObjectURL(new Blob([offer.text], { type: offer.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = offer.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers: let it start first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
