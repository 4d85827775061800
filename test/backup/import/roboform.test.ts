/**
 * RoboForm's CSV export, built as Bitwarden's and Proton Pass's RoboForm importers read it: a
 * byte-order mark, the `Name,Url,MatchUrl,Login,Pwd,Note,Folder,RfFieldsV2` header, then one
 * quoted column per form field (`TOTP KEY$,,,txt,KEY`), a `'` before values starting with `@`.
 */
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { roboformImporter as roboform } from '../../../src/backup/import/roboform';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';
import { PLAIN, view } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const HEADER = '\uFEFFName,Url,MatchUrl,Login,Pwd,Note,Folder,RfFieldsV2';

const CSV = [
  HEADER,
  `Example,http://example.com/,http://example.com/,example,'@password,cool note,/Work/Mail,"User ID$,,,txt,example","Password$,,,pwd,@password","TOTP KEY$,,,txt,${KEY}"`,
  'Bookmark,https://example.com/,,,,just a link,,',
  `GitHub,https://github.com/login,,octocat,,,,"TOTP KEY$,,,txt,otpauth://totp/GitHub:octo?secret=${KEY}&issuer=GitHub","Recovery$,,,txt,abcd"`,
  `Broken,,,eve,,,,"TOTP KEY$,,,txt,1234"`,
  'Secure note,,,,,This is a secure note,,',
].join('\r\n');

describe('RoboForm CSV', () => {
  it('reads the logins with a TOTP KEY$ field, with their names, note and folder', async () => {
    const result = unwrap(await readDetected(textBytes(CSV)));
    expect(result.format).toBe('roboform');
    expect(result.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'Example',
        account: 'example',
        note: 'cool note',
        tags: ['Work / Mail'],
        sites: ['http://example.com/'],
        dropped: ['login_fields'],
      },
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'GitHub',
        account: 'octo',
        sites: ['https://github.com/login'],
        dropped: ['custom_fields', 'login_fields'],
      },
    ]);
    expect(result.accounts.map((a) => codeOf(a))).toEqual(['324550', '324550']);
    expect(result.refused).toEqual([
      { index: 4, issuer: 'Broken', account: 'eve', reason: 'secret_invalid' },
    ]);
  });

  it('is chosen over the generic CSV of links; other CSV is left alone', () => {
    expect(roboform.detect(importInput(textBytes(CSV)))).toBe(true);
    for (const other of [
      'Name,Url,Login,Pwd\nA,B,C,D',
      `name,url\nA,otpauth://totp/A?secret=${KEY}`,
    ]) {
      expect(roboform.detect(importInput(textBytes(other)))).toBe(false);
    }
  });

  it('says an export without codes is empty, and bounds their number', async () => {
    const plain = [HEADER, 'Bookmark,https://example.com/,,,,,,'].join('\r\n');
    expect(await readDetected(textBytes(plain))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
    const many = [HEADER].concat(Array(10_001).fill(`A,,,,,,,"TOTP KEY$,,,txt,${KEY}"`));
    expect(await readDetected(textBytes(many.join('\r\n')))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('survives mutations of the export', async () => {
    await fuzzImporter(roboform, [textBytes(CSV)], { runs: 200 });
  });
});
