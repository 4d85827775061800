/**
 * A link whose issuer is a web address (Passbolt's "csv (keepass)" export; some sites): the
 * service is named by the label or the address's host, and the address is kept as a site.
 * Links with a service's name as issuer read as they always did.
 */
import { describe, expect, it } from 'vitest';
import { entryFromUri } from '../../../src/backup/import/entry';
import { entryFromTotpValue } from '../../../src/backup/import/password-manager';

const KEY = 'JBSWY3DPEHPK3PXP';
function account(uri: string, sites?: string[]) {
  const read = entryFromUri(uri, sites === undefined ? {} : { sites });
  if (!read.ok) throw new Error(`refused: ${read.error.reason}`);
  return read.value;
}
const named = (uri: string) => {
  const a = account(uri);
  return [a.issuer, a.account, a.sites];
};

describe('a link whose issuer is a web address', () => {
  it('takes the label’s prefix as the service and the address as a site, encoded twice or once', () => {
    const twice = `otpauth://totp/GitHub%3Aoctocat?secret=${KEY}&issuer=https%253A%252F%252Fgithub.com`;
    expect(named(twice)).toEqual(['GitHub', 'octocat', ['https://github.com']]);
    const once = `otpauth://totp/Bank:kim?secret=${KEY}&issuer=https%3A%2F%2Fwww.bank.example%2Flogin`;
    expect(named(once)).toEqual(['Bank', 'kim', ['https://www.bank.example']]);
  });

  it('names the service by the host when the label has no prefix, or its prefix is the address', () => {
    const bare = `otpauth://totp/kim?secret=${KEY}&issuer=https%3A%2F%2Fwww.bank.example`;
    expect(named(bare)).toEqual(['bank.example', 'kim', ['https://www.bank.example']]);
    const same = `otpauth://totp/https%3A%2F%2Fmail.example:kim?secret=${KEY}&issuer=https%3A%2F%2Fmail.example`;
    expect(named(same)).toEqual(['mail.example', 'kim', ['https://mail.example']]);
  });

  it('keeps the sites the source gave and leaves a service’s name alone', () => {
    const uri = `otpauth://totp/GitHub:octocat?secret=${KEY}&issuer=https%3A%2F%2Fgithub.com`;
    const a = account(uri, ['https://github.com/login']);
    expect(a.sites).toEqual(['https://github.com/login', 'https://github.com']);
    for (const issuer of [
      'GitHub',
      'github.com',
      'https',
      'ftp%3A%2F%2Fx.example',
      'http%3A%2F%2F',
    ]) {
      const plain = `otpauth://totp/A:kim?secret=${KEY}&issuer=${issuer}`;
      // The label's other name stays with the account's (src/otp/uri.ts, withOtherName).
      expect(named(plain)).toEqual([decodeURIComponent(issuer), 'kim (A)', []]);
    }
  });

  it('is renamed in a password manager’s item too, which passes the link’s issuer on', () => {
    const uri = `otpauth://totp/GitHub%3Aoctocat?secret=${KEY}&issuer=https%253A%252F%252Fgithub.com`;
    const read = entryFromTotpValue(
      uri,
      { name: 'GitHub', username: 'octocat' },
      {
        sites: ['https://github.com'],
      },
    );
    if (!read.ok) throw new Error(`refused: ${read.error.reason}`);
    expect([read.value.issuer, read.value.account, read.value.sites]).toEqual([
      'GitHub',
      'octocat',
      ['https://github.com'],
    ]);
  });

  it('keeps a lone surrogate in the account name as the parser reads it (U+FFFD)', () => {
    const uri = `otpauth://totp/GitHub:octo\ud800cat?secret=${KEY}&issuer=https%3A%2F%2Fgithub.com`;
    expect(named(uri)).toEqual(['GitHub', 'octo\ufffdcat', ['https://github.com']]);
  });

  it('reads on a browser without URL.canParse (Chromium 116–119, which Otter supports)', () => {
    const canParse = Object.getOwnPropertyDescriptor(URL, 'canParse');
    Reflect.deleteProperty(URL, 'canParse');
    try {
      const uri = `otpauth://totp/GitHub:octocat?secret=${KEY}&issuer=https%3A%2F%2Fgithub.com`;
      expect(named(uri)).toEqual(['GitHub', 'octocat', ['https://github.com']]);
    } finally {
      if (canParse !== undefined) Object.defineProperty(URL, 'canParse', canParse);
    }
  });
});
