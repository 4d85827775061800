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
import { KEY_COLUMN, keyless } from './passwords-only';
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

/**
 * The ZIP's other files, by their headers (Bitwarden's Dashlane importer reads the same columns;
 * Proton Pass's and Bitwarden's test files): payments.csv (`type,account_name,…,cc_number,…,
 * expiration_month`), ids.csv (`type,number,name,issue_date,expiration_date,place_of_issue,
 * state`), personalInfo.csv (`type,title,first_name,middle_name,last_name,login,date_of_birth,…`)
 * and securenotes.csv (`title,note` and nothing else). No one-time code is in any of them: chosen
 * alone, each says to choose credentials.csv or the ZIP instead of "not an export Otter knows".
 * After the list of links in the registry, which reads otpauth:// links kept in a secure note.
 */
const OTHER_FILES: readonly (readonly string[])[] = [
  ['type', 'account_name', 'cc_number', 'expiration_month'],
  ['type', 'number', 'name', 'issue_date', 'expiration_date', 'place_of_issue'],
  ['type', 'title', 'first_name', 'last_name', 'date_of_birth', 'email_type', 'item_name'],
];

function isOtherFile(header: readonly string[]): boolean {
  if (header.some((c) => KEY_COLUMN.test(c))) return false;
  if (header.length === 2 && header[0] === 'title' && header[1] === 'note') return true;
  return (
    header[0] === 'type' && OTHER_FILES.some((columns) => columns.every((c) => header.includes(c)))
  );
}

export const dashlaneOtherFileImporter = keyless(
  'dashlane',
  isOtherFile,
  'import_dashlane_no_keys',
);
