/**
 * KeePassXC's CSV export as its CsvExporter writes it (KeePassXC ≥ 2.6.3: ten columns, every
 * field quoted, LF after every record, the group path from the root group, the TOTP as an otpauth
 * link), and the six-column export of older versions, which holds no key.
 */
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { keepassXcCsvImporter as keepassxc } from '../../../src/backup/import/keepassxc-csv';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const HEADER =
  '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"';
const quoted = (...cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
const STAMPS = ['0', '2024-05-01T10:00:00Z', '2024-05-01T09:00:00Z'];

const CSV =
  [
    HEADER,
    quoted(
      'Passwords/Work/Dev',
      'GitHub',
      'octocat',
      'pw-1',
      'https://github.com/login',
      'say "hi"\nsecond line',
      `otpauth://totp/GitHub:octocat?secret=${KEY}&period=30&digits=6&issuer=GitHub`,
      ...STAMPS,
    ),
    quoted('Passwords', 'Mail', 'kim', 'pw-2', 'https://mail.example', '', '', ...STAMPS),
    quoted(
      'Passwords/Bank',
      'Bank',
      'kim',
      '',
      'https://bank.example',
      '',
      `otpauth://totp/Bank:kim?secret=${KEY}&period=60&digits=8&algorithm=SHA256&issuer=Bank`,
      ...STAMPS,
    ),
    quoted(
      'Passwords',
      'Broken',
      'x',
      '',
      '',
      '',
      'otpauth://totp/Broken:x?secret=!!!&issuer=Broken',
      ...STAMPS,
    ),
  ].join('\n') + '\n';

describe('KeePassXC CSV', () => {
  it('reads each entry with a TOTP link: names, groups below the root as tags, note, site', async () => {
    const result = unwrap(await readDetected(textBytes(CSV)));
    expect(result.format).toBe('keepassxc_csv');
    expect(
      result.accounts.map((a) => [a.issuer, a.account, a.tags, a.note, a.sites, a.period]),
    ).toEqual([
      [
        'GitHub',
        'octocat',
        ['Work', 'Dev'],
        'say "hi"\nsecond line',
        ['https://github.com/login'],
        30,
      ],
      ['Bank', 'kim', ['Bank'], '', ['https://bank.example'], 60],
    ]);
    expect(result.accounts.map((a) => a.dropped)).toEqual([['login_fields'], []]);
    expect(codeOf(result.accounts[0]!)).toBe('324550');
    expect(result.refused.map((r) => [r.issuer, r.reason])).toEqual([['Broken', 'secret_invalid']]);
  });

  it('reads no placeholder names: an empty title or user name stays empty', async () => {
    // KeePassXC's CsvExporter writes Entry::totpSettingsString(), Totp::writeSettings(…, title,
    // username, forceOtp) (src/totp/totp.cpp): "KeePassXC" for an empty title, "none" for an
    // empty user name.
    const csv = [
      HEADER,
      quoted(
        'Passwords',
        '',
        '',
        '',
        '',
        '',
        `otpauth://totp/KeePassXC:none?secret=${KEY}&period=30&digits=6&issuer=KeePassXC`,
        ...STAMPS,
      ),
      quoted(
        'Passwords',
        'Forum',
        '',
        'pw',
        '',
        '',
        `otpauth://totp/Forum:none?secret=${KEY}&period=30&digits=5&issuer=Forum&encoder=steam`,
        ...STAMPS,
      ),
    ].join('\n');
    const result = unwrap(await readDetected(textBytes(csv)));
    expect(result.format).toBe('keepassxc_csv');
    expect(result.accounts.map((a) => [a.issuer, a.account, a.type])).toEqual([
      ['', '', 'totp'],
      ['Forum', '', 'steam'],
    ]);
  });

  it('says an export from before KeePassXC wrote keys (six columns) holds no accounts', async () => {
    const old = [
      '"Group","Title","Username","Password","URL","Notes"',
      quoted('Passwords', 'GitHub', 'octocat', 'pw', 'https://github.com', ''),
    ].join('\n');
    expect(keepassxc.detect(importInput(textBytes(old)))).toBe(false);
    const result = await readDetected(textBytes(old));
    expect(result.ok ? 'read' : result.error.code).toBe('import_empty');
  });

  it('reads the links someone kept in the notes of such an export', async () => {
    const link = `otpauth://totp/GitHub:octocat?secret=${KEY}&issuer=GitHub`;
    const old = [
      '"Group","Title","Username","Password","URL","Notes"',
      quoted('Passwords', 'GitHub', 'octocat', 'pw', 'https://github.com', link),
    ].join('\n');
    const result = unwrap(await readDetected(textBytes(old)));
    expect(result.accounts.map((a) => [a.issuer, a.account, codeOf(a)])).toEqual([
      ['GitHub', 'octocat', '324550'],
    ]);
  });

  it('never throws on damaged input', async () => {
    await fuzzImporter(keepassxc, [textBytes(CSV)], { runs: 200 });
  });
});
