/**
 * NordPass's CSV export holds no authenticator keys: recognised to say so, in every header shape
 * the NordPass importers of other projects read (Bitwarden's and Keeper Commander's older header
 * without `additional_urls` and `custom_fields`; the newer one with them; `pin` in between).
 */
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { nordpassImporter } from '../../../src/backup/import/nordpass';
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
