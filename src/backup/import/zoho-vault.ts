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
import { csvLoginsImporter } from './csv-logins';
import { distinct } from './password-manager';

/** The names Zoho (and the templates users make there) give the account's user name. */
const USERNAME_NAMES = new Set(['user name', 'username', 'login', 'email', 'e-mail', 'user id']);
const PASSWORD_NAMES = new Set(['password', 'pass', 'passwd']);

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

export const zohoVaultImporter = csvLoginsImporter({
  format: 'zoho_vault',
  isHeader: (header) =>
    (header.includes('password name') || header.includes('secret name')) &&
    header.includes('secretdata'),
  codeColumns: ['totp', 'login_totp'],
  login: (get) => {
    const lines = [...dataLines(get('secretdata')), ...dataLines(get('customdata'))];
    const username = lines.find((l) => USERNAME_NAMES.has(l.name.toLowerCase()));
    return {
      names: { name: get('password name') || get('secret name'), username: username?.value ?? '' },
      extras: {
        note: get('notes'),
        pinned: get('favorite').trim() === '1',
        tags: distinct([get('folder name'), ...get('tags').split(',')]),
        sites: distinct([get('password url') || get('secret url')]),
      },
      // The username a link's account name did not replace is named by withDropped.
      drops: lines
        .filter((line) => line !== username)
        .map((line) => {
          const name = line.name.toLowerCase();
          return PASSWORD_NAMES.has(name) || USERNAME_NAMES.has(name)
            ? 'login_fields'
            : 'custom_fields';
        }),
    };
  },
});
