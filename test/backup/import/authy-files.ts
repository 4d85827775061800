/** Authy's files as the tests build them: the Android token store, and a browser's HAR file. */
import { textBytes } from './support';

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The Android app's SharedPreferences file holding `tokens` under `key`. */
export function store(
  tokens: unknown[],
  key = 'com.authy.storage.tokens.authenticator.key',
): Uint8Array {
  return textBytes(
    `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n` +
      `    <int name="key_version" value="121" />\n` +
      `    <string name="${key}">${escapeXml(JSON.stringify(tokens))}</string>\n</map>\n`,
  );
}

export interface HarRequest {
  readonly url: string;
  /** The response body as the HAR keeps it (none: the browser kept no body). */
  readonly text?: string;
  readonly encoding?: 'base64';
}

/** A HAR 1.2 file as Chromium's developer tools save it, trimmed to the fields they always write. */
export function har(requests: readonly HarRequest[]): Uint8Array {
  const entries = requests.map(({ url, text, encoding }) => ({
    startedDateTime: '2024-02-01T10:00:00.000Z',
    time: 120,
    request: { method: 'GET', url, httpVersion: 'http/2.0', headers: [], queryString: [] },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: [{ name: 'content-type', value: 'application/json; charset=utf-8' }],
      content: {
        size: text?.length ?? 0,
        mimeType: 'application/json',
        ...(text === undefined ? {} : { text }),
        ...(encoding === undefined ? {} : { encoding }),
      },
      redirectURL: '',
    },
    cache: {},
    timings: { send: 0, wait: 100, receive: 20 },
  }));
  return textBytes(
    JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [],
        entries,
      },
    }),
  );
}
