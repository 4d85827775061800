/** Files shipped inside the extension, read by the URL a `?url` import gave them. */
import browser from './browser';

export async function readPackagedText(url: string): Promise<string> {
  // Vite inlines very small files as data: URLs; the others are paths inside the extension.
  const response = await fetch(url.startsWith('data:') ? url : browser.runtime.getURL(url));
  if (!response.ok)
    throw new Error(`A file of the extension could not be read (${response.status})`);
  return response.text();
}
