/**
 * Zoho Vault's CSV export (`"Password Name","Description","Password URL","SecretData","Notes",
 * "CustomData","Tags","Classification","Favorite","TOTP","Folder Name"`; older exports call the
 * code column `login_totp`, some name the item `Secret Name` / `Secret URL`), as Bitwarden's Zoho
 * Vault importer and its test data read it. `SecretData` and `CustomData` hold `Name:value`
 * lines (`SecretType:Web Account`, `User Name:…`, `Password:…`).
 *
 * The code column holds an otpauth link (Zoho writes `otpauth://totp?secret=…`, without a
 * label); a row without one is not an account.
 */
import { err, ok, type Result } from '../../result';
import { csvCodeRows, csvHeader } from './csv';
import { ImportCollector, distinct, entryFromTotpValue, type ItemNames } from './password-manager';
import type { DroppedField, ImportError, ImportResult, Importer } from './types';

const FORMAT = 'zoho_vault';
const CODE_COLUMNS = ['totp', 'login_totp'];
/** The names Zoho (and the templates users make there) give the account's user name. */
const USERNAME_NAMES = new Set(['user name', 'username', 'login', 'email', 'e-mail', 'user id']);
const PASSWORD_NAMES = new Set(['password', 'pass', 'passwd']);

function isZohoCsv(text: string | null): text is string {
  const header = csvHeader(text);
  return (
    header !== null &&
    (header.includes('password name') || header.includes('secret name')) &&
    header.includes('secretdata')
  );
}

/** `Name:value` lines, without the `SecretType` line. */
function dataLines(data: string): Array<{ name: string; value: string }> {
  return data
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const colon = line.indexOf(':');
      return colon < 0
        ? { name: '', value: '' }
        : { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
    })
    .filter((l) => l.name !== '' && l.value !== '' && l.name !== 'SecretType');
}

function read(textValue: string): Result<ImportResult, ImportError> {
  const rows = csvCodeRows(textValue, CODE_COLUMNS);
  if (rows === null) return err({ code: 'import_damaged' });
  const out = new ImportCollector();
  out.expect(rows.length);
  for (const { position, get, code: value } of rows) {
    if (out.full) break;
    const lines = [...dataLines(get('secretdata')), ...dataLines(get('customdata'))];
    const username = lines.find((l) => USERNAME_NAMES.has(l.name.toLowerCase()));
    const itemNames: ItemNames = {
      name: get('password name') || get('secret name'),
      username: username?.value ?? '',
    };
    const entry = entryFromTotpValue(value, itemNames, {
      note: get('notes'),
      pinned: get('favorite').trim() === '1',
      tags: distinct([get('folder name'), ...get('tags').split(',')]),
      sites: distinct([get('password url') || get('secret url')]),
    });
    if (!entry.ok) {
      out.add(position, itemNames, entry);
      continue;
    }
    const dropped = new Set<DroppedField>(entry.value.dropped);
    for (const line of lines) {
      if (line === username && entry.value.account === line.value) continue;
      const name = line.name.toLowerCase();
      dropped.add(
        PASSWORD_NAMES.has(name) || USERNAME_NAMES.has(name) ? 'login_fields' : 'custom_fields',
      );
    }
    out.add(position, itemNames, ok({ ...entry.value, dropped: [...dropped] }));
  }
  return out.result(FORMAT, false);
}

export const zohoVaultImporter: Importer = {
  format: FORMAT,
  detect: (input) => input.json === undefined && isZohoCsv(input.text),
  read(input) {
    const result = isZohoCsv(input.text)
      ? read(input.text)
      : err({ code: 'import_damaged' as const });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
