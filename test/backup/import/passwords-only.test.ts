/**
 * Exports of passwords without authenticator keys, recognised to say so: NordPass's CSV, in every
 * header shape
 * the NordPass importers of other projects read (Bitwarden's and Keeper Commander's older header
 * without `additional_urls` and `custom_fields`; the newer one with them; `pin` in between), and
 * the browsers' saved passwords (Chrome and Edge with and without `note`, Firefox).
 */
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import {
  browserPasswordsImporter,
  nordpassImporter,
} from '../../../src/backup/import/passwords-only';
import { fuzzImporter, readDetected, textBytes, unwrap } from './support';

const OLD =
  'name,url,username,password,note,cardholdername,cardnumber,cvc,expirydate,zipcode,folder,' +
  'full_name,phone_number,email,address1,address2,city,country,state,type';
const NEW =
  'name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,pin,' +
  'expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,country,' +
  'state,type,custom_fields';

const LOGIN_OLD = 'GitHub,https://github.com,octocat,pw-1,my note,,,,,,Work,,,,,,,,,password';
const LOGIN_NEW =
  'GitHub,https://github.com,[],octocat,pw-1,my note,,,,,,,Work,,,,,,,,,password,"[]"';

async function errorOf(text: string): Promise<string> {
  const result = await readDetected(textBytes(text));
  return result.ok ? 'read' : result.error.code;
}

describe('NordPass CSV', () => {
  it('says the export holds no authenticator keys, in the older and newer header', async () => {
    expect(await errorOf([OLD, LOGIN_OLD].join('\n'))).toBe('import_nordpass_no_keys');
    expect(await errorOf([NEW, LOGIN_NEW].join('\r\n'))).toBe('import_nordpass_no_keys');
    // Quoted header fields, as a spreadsheet saves them again; and an export with no items.
    const quoted = NEW.split(',')
      .map((c) => `"${c}"`)
      .join(',');
    expect(await errorOf(quoted)).toBe('import_nordpass_no_keys');
  });

  it('reads an otpauth link kept in a NordPass note instead of refusing the file', async () => {
    const link = 'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
    const row = `GitHub,https://github.com,octocat,pw-1,${link},,,,,,Work,,,,,,,,,password`;
    const result = unwrap(await readDetected(textBytes([OLD, row].join('\n'))));
    expect(result.accounts.map((a) => [a.issuer, a.account])).toEqual([['GitHub', 'octocat']]);
  });

  it('does not claim a file whose header has a key column, nor other password managers', () => {
    const claims = (text: string) => nordpassImporter.detect(importInput(textBytes(text)));
    expect(claims(`${NEW},totp`)).toBe(false);
    expect(claims('url,username,password,totp,extra,name,grouping,fav')).toBe(false);
    expect(claims('name,url,username,password,note')).toBe(false);
    expect(claims(OLD)).toBe(true);
  });

  it('never throws on damaged input', async () => {
    await fuzzImporter(nordpassImporter, [textBytes([NEW, LOGIN_NEW].join('\n'))], { runs: 200 });
  });
});

describe('a browser’s saved passwords', () => {
  const CHROME = 'name,url,username,password,note';
  const FIREFOX =
    '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",' +
    '"timeLastUsed","timePasswordChanged"';

  it('says Chrome’s, Edge’s and Firefox’s exports hold no authenticator keys', async () => {
    const rows = {
      chrome: [CHROME, 'github.com,https://github.com/,octocat,pw,'],
      older: ['name,url,username,password', 'github.com,https://github.com/,octocat,pw'],
      firefox: [
        FIREFOX,
        '"https://github.com","octocat","pw",,"https://github.com","{0b3c}","1700000000000","1700000000000","1700000000000"',
      ],
    };
    for (const lines of Object.values(rows)) {
      expect(await errorOf(lines.join('\r\n'))).toBe('import_browser_passwords_no_keys');
    }
  });

  it('claims no wider CSV, which may be another app’s', () => {
    const claims = (text: string) => browserPasswordsImporter.detect(importInput(textBytes(text)));
    expect(claims(CHROME)).toBe(true);
    expect(claims(`${CHROME},totp`)).toBe(false);
    expect(claims('name,url,username,password,note,folder')).toBe(false);
    expect(claims(`${FIREFOX},"otp"`)).toBe(false);
    expect(claims(FIREFOX)).toBe(true);
  });

  it('never throws on damaged input', async () => {
    await fuzzImporter(browserPasswordsImporter, [textBytes(CHROME)], { runs: 200 });
  });
});
