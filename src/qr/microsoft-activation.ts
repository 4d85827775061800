/**
 * Microsoft Authenticator's own enrolment: a QR code (`phonefactor://activate_account?code=…&url=…`)
 * or, under "Can't scan image?", a 9-digit Code and a URL. That is a one-time ticket for
 * Microsoft's push service, not a TOTP secret, so no other app can use it. Recognising it lets us
 * point the user to "I want to use a different authenticator app", which shows a real secret key.
 *
 * Only the form is reported, never the code or URL: the ticket enrols a device while it is valid.
 */

/** `app-link`: the `phonefactor://` QR text; `activation-url`: the https URL on its own. */
export type MicrosoftActivationForm = 'app-link' | 'activation-url';

/** What a pasted or typed text holds of the "Can't scan image?" pair. */
export type MicrosoftManualMatch = 'code' | 'url' | 'code-and-url';

const ACTIVATION_HOST = 'mobileappcommunicator.auth.microsoft.com';
const ACTIVATION_PATH = '/authenticatorapp/activateaccount';

/** Pasted text longer than this is not the pair (it is a few dozen characters). */
const MAX_MANUAL_LENGTH = 2048;

/** Whether `url` is a Microsoft Authenticator activation, and in which form. */
export function microsoftActivationForm(url: URL): MicrosoftActivationForm | null {
  if (url.protocol.toLowerCase() === 'phonefactor:') return 'app-link';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  // Older tenants enrolled through PhoneFactor's own hosts (….phonefactor.net/pad/…).
  if (host === ACTIVATION_HOST || host.endsWith('.phonefactor.net')) return 'activation-url';
  return url.pathname.toLowerCase().includes(ACTIVATION_PATH) ? 'activation-url' : null;
}

/**
 * Recognises the "Can't scan image?" pair typed or pasted into a form: a 9-digit Code (spaces
 * allowed, as shown: "123 456 789"), the activation URL, or both, with or without their labels.
 */
export function recogniseMicrosoftManualEntry(text: string): MicrosoftManualMatch | null {
  if (text.length > MAX_MANUAL_LENGTH) return null;
  let hasUrl = false;
  const rest: string[] = [];
  for (const token of text.trim().split(/\s+/)) {
    if (token === '') continue;
    if (isActivationUrl(token)) hasUrl = true;
    // Labels as copied with the values: "Code:", "URL:", "Kod:".
    else if (!/^\p{L}{1,12}:$/u.test(token)) rest.push(token);
  }
  const hasCode = /^\d{9}$/.test(rest.join(''));
  if (hasCode) return hasUrl ? 'code-and-url' : 'code';
  return hasUrl ? 'url' : null;
}

function isActivationUrl(token: string): boolean {
  const url = parseUrl(token);
  return url !== null && microsoftActivationForm(url) !== null;
}

/** `URL.parse` is not in every browser we support yet; the constructor throws on bad input. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
