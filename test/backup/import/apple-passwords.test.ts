/**
 * Apple Passwords' CSV export (macOS 15 / iOS 18: `Title,URL,Username,Password,Notes,OTPAuth`),
 * and Safari's before it (`Title,Url,Username,Password,OTPAuth`). Apple titles a login by its
 * site and username (`github.com (octocat)`); its verification codes are otpauth URIs.
 */
import { describe, expect, it } from 'vitest';
import { applePasswordsImporter as apple } from '../../../src/backup/import/apple-passwords';
import { importInput } from '../../../src/backup/import/input';
import { referenceCode, base32 } from './independent-otp';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const CSV = [
  'Title,URL,Username,Password,Notes,OTPAuth',
  `github.com (octocat),https://github.com/,octocat,pw-1,"two\nlines",otpauth://totp/GitHub:octocat?secret=${KEY}&issuer=GitHub`,
  'mail.example (kim),https://mail.example/,kim,pw-2,,',
  `Bank,https://bank.example/login,kim@bank.example,pw-3,,otpauth://totp/kim%40bank.example?secret=${KEY}&algorithm=SHA256&digits=8&period=60`,
  `vpn.example (eve),https://vpn.example/,eve,,,otpauth://totp/vpn.example:eve?secret=${KEY}`,
].join('\r\n');

describe('Apple Passwords CSV', () => {
  it('reads each login with a verification code: names, note, site, the code’s settings', async () => {
    const result = unwrap(await readDetected(textBytes(CSV)));
    expect(result.format).toBe('apple_passwords');
    expect(result.encrypted).toBe(false);
    expect(
      result.accounts.map((a) => [a.issuer, a.account, a.note, a.sites, a.algorithm, a.digits]),
    ).toEqual([
      ['GitHub', 'octocat', 'two\nlines', ['https://github.com/'], 'SHA1', 6],
      // No issuer in the link: the title names the service.
      ['Bank', 'kim@bank.example', '', ['https://bank.example/login'], 'SHA256', 8],
      ['vpn.example', 'eve', '', ['https://vpn.example/'], 'SHA1', 6],
    ]);
    expect(result.accounts.map((a) => a.dropped)).toEqual([['login_fields'], ['login_fields'], []]);
    expect(codeOf(result.accounts[0]!)).toBe('324550');
    expect(codeOf(result.accounts[1]!)).toBe(
      referenceCode(base32(KEY), 'SHA256', Math.floor(1_700_000_000 / 60), 8),
    );
  });

  it('takes the site from the title “site (username)” when the link names no issuer', async () => {
    const csv = [
      'Title,URL,Username,Password,Notes,OTPAuth',
      `accounts.example.com (ann@example.com),https://accounts.example.com/,ann@example.com,pw,,otpauth://totp/ann%40example.com?secret=${KEY}`,
    ].join('\n');
    const result = unwrap(await readDetected(textBytes(csv)));
    expect(result.accounts.map((a) => [a.issuer, a.account])).toEqual([
      ['accounts.example.com', 'ann@example.com'],
    ]);
  });

  it('reads Safari’s older export without a Notes column', async () => {
    const csv = [
      'Title,Url,Username,Password,OTPAuth',
      `github.com (octocat),https://github.com/,octocat,pw-1,otpauth://totp/GitHub:octocat?secret=${KEY}&issuer=GitHub`,
    ].join('\n');
    const result = unwrap(await readDetected(textBytes(csv)));
    expect(result.format).toBe('apple_passwords');
    expect(result.accounts.map((a) => [a.issuer, a.account, a.sites])).toEqual([
      ['GitHub', 'octocat', ['https://github.com/']],
    ]);
  });

  it('leaves 1Password’s CSV (Favorite, Archived, Tags) to its own reader', async () => {
    const onePassword = [
      '"Title","Url","Username","Password","OTPAuth","Favorite","Archived","Tags","Notes"',
      `"GitHub","https://github.com","octocat","pw","otpauth://totp/GitHub:octocat?secret=${KEY}","true","false","",""`,
    ].join('\n');
    expect(apple.detect(importInput(textBytes(onePassword)))).toBe(false);
    expect(unwrap(await readDetected(textBytes(onePassword))).format).toBe('onepassword');
  });

  it('a file of logins without codes holds no accounts', async () => {
    const csv = ['Title,URL,Username,Password,Notes,OTPAuth', 'a (b),https://a/,b,c,,'].join('\n');
    const result = await readDetected(textBytes(csv));
    expect(result.ok ? 'read' : result.error.code).toBe('import_empty');
  });

  it('never throws on damaged input', async () => {
    await fuzzImporter(apple, [textBytes(CSV)], { runs: 200 });
  });
});
