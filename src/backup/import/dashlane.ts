/**
 * Dashlane's CSV export (web app → Settings → Export → CSV): a ZIP of one CSV per kind of item,
 * whose `credentials.csv` holds the logins (`username,username2,username3,title,password,note,url,
 * category,otpSecret`; newer exports name the last column `otpUrl`), or that CSV on its own. The
 * other files (secure notes, payments, IDs, personal info) hold no one-time passwords.
 *
 * The one-time password is a bare base32 key or an otpauth link (what Bitwarden's and Proton
 * Pass's Dashlane importers read there); a login without one is not an account.
 */
import { err, ok } from '../../result';
import { isCsvOf, isHeaderOf, readCsvLogins, type CsvLoginFormat } from './csv-logins';
import { distinct } from './password-manager';
import type { ImportInput, Importer } from './types';

const CREDENTIALS = 'credentials.csv';
/** The columns every credentials export has; the one-time password column came later. */
const COLUMNS = ['title', 'password', 'note', 'url', 'category'];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `credentials.csv` of Dashlane's ZIP (at its root, or in one folder), as text. */
function zipCredentials(input: ImportInput): string | null {
  const entry = input.zip?.entries.find(
    (e) => e.name === CREDENTIALS || e.name.endsWith(`/${CREDENTIALS}`),
  );
  const bytes = entry === undefined || entry.encrypted ? null : input.zip?.read(entry.name);
  if (bytes === null || bytes === undefined) return null;
  try {
    const text = utf8.decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return null;
  }
}

/** The ZIP's credentials, read once for `detect` and `read`. */
const zipText = new WeakMap<ImportInput, string | null>();

function credentials(input: ImportInput): string | null {
  if (input.zip === null) return isCsvOf(DASHLANE, input.text) ? input.text : null;
  if (!zipText.has(input)) zipText.set(input, zipCredentials(input));
  const text = zipText.get(input) ?? null;
  // Dashlane's own ZIP: one from before it exported keys is still its, and holds no accounts
  // (the list of links, which may read a bare CSV's notes, never looks into a ZIP).
  return isHeaderOf(DASHLANE, text) ? text : null;
}

export const DASHLANE: CsvLoginFormat = {
  format: 'dashlane',
  isHeader: (header) => header[0] === 'username' && COLUMNS.every((c) => header.includes(c)),
  codeColumns: ['otpurl', 'otpsecret'],
  login: (get) => ({
    names: { name: get('title'), username: get('username') },
    extras: {
      note: get('note'),
      tags: distinct([get('category')]),
      sites: distinct([get('url')]),
    },
    drops: [
      ['password', 'username2', 'username3'].some((c) => get(c).trim() !== '') && 'login_fields',
    ],
  }),
};

export const dashlaneImporter: Importer = {
  format: DASHLANE.format,
  detect: (input) => input.json === undefined && credentials(input) !== null,
  read(input) {
    const text = credentials(input);
    const result =
      text === null ? err({ code: 'import_damaged' as const }) : readCsvLogins(text, DASHLANE);
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
