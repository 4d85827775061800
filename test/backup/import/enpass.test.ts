/**
 * Enpass's JSON export, built as Enpass 6 writes it (the shape Bitwarden's and Proton Pass's
 * Enpass importers read, and Proton's sample `enpass/mocks/enpass.json`: a bare key typed in lower
 * case with spaces, empty fields kept, a `section` field, a field `history`). No real export is
 * available here: the fixtures follow that shape.
 */
import { describe, expect, it } from 'vitest';
import { bitwardenImporter } from '../../../src/backup/import/bitwarden';
import { enpassImporter as enpass } from '../../../src/backup/import/enpass';
import { importInput } from '../../../src/backup/import/input';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';
import { PLAIN, view } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const KEY2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // SHA256, 8 digits, 60 s: 34855935
const json = (value: unknown): Uint8Array => textBytes(JSON.stringify(value, null, 4));

let uid = 0;
function fieldOf(type: string, label: string, value: unknown, more: Record<string, unknown> = {}) {
  uid++;
  return {
    deleted: 0,
    label,
    order: uid,
    sensitive: type === 'password' ? 1 : 0,
    type,
    uid,
    updated_at: 1697729073,
    value,
    value_updated_at: 1697729073,
    ...more,
  };
}

function item(title: string, fields: unknown[], more: Record<string, unknown> = {}) {
  return {
    archived: 0,
    auto_submit: 1,
    category: 'login',
    createdAt: 1697729073,
    favorite: 0,
    fields,
    icon: { fav: '', image: { file: 'misc/login' }, type: 1, uuid: '' },
    note: '',
    subtitle: '',
    template_type: 'login.default',
    title,
    trashed: 0,
    updated_at: 1698057141,
    uuid: `uuid-${title}`,
    ...more,
  };
}

const EXPORT = {
  folders: [
    { icon: '1030', parent_uuid: '', title: 'Social', updated_at: 1, uuid: 'f-social' },
    { icon: '1008', parent_uuid: 'f-social', title: 'Twitter', updated_at: 1, uuid: 'f-tw' },
  ],
  items: [
    item(
      'Twitter',
      [
        fieldOf('username', 'Username', ''),
        fieldOf('email', 'E-mail', 'emily@enpass.io', {
          history: [{ encrypted: false, updated_at: 1, value: 'old@enpass.io' }],
        }),
        fieldOf('password', 'Password', 'herbert nadia banal'),
        fieldOf('url', 'Website', 'https://www.twitter.com/'),
        fieldOf('section', 'ADDITIONAL DETAILS', ''),
        fieldOf('phone', 'Phone number', ''),
        fieldOf('totp', 'One-time code', 'jbsw y3dp ehpk 3pxp'),
      ],
      { favorite: 1, folders: ['f-tw'], note: 'main account', subtitle: 'emily@enpass.io' },
    ),
    item('Yahoo!', [], { note: 'no code here' }),
    item(
      'GitHub',
      [
        fieldOf('username', 'Username', 'octocat'),
        fieldOf('totp', 'One-time code', `otpauth://totp/GitHub:octo?secret=${KEY}&issuer=GitHub`),
        fieldOf('text', 'Recovery', 'abcd-efgh'),
      ],
      { trashed: 1, attachments: [{ name: 'codes.txt', data: 'eA==' }] },
    ),
    item(
      'Server',
      [
        fieldOf(
          'totp',
          'Admin',
          `otpauth://totp/admin?secret=${KEY2}&algorithm=SHA256&digits=8&period=60`,
        ),
        fieldOf('totp', 'Old code', KEY, { deleted: 1 }),
        fieldOf('totp', 'Backup', KEY),
      ],
      { category: 'computer', template_type: 'computer.default', archived: 1 },
    ),
    item('Broken', [
      fieldOf('username', 'Username', 'eve'),
      fieldOf('totp', 'One-time code', '1234 5678'),
    ]),
    item('Odd', [fieldOf('totp', 'One-time code', 12345)]),
    'not an item',
  ],
};

describe('Enpass JSON', () => {
  it('reads every one-time code of every item, with its names, note, folder, pin and trash', async () => {
    const result = unwrap(await readDetected(json(EXPORT)));
    expect(result.format).toBe('enpass');
    expect(result.encrypted).toBe(false);
    expect(result.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'Twitter',
        account: 'emily@enpass.io',
        note: 'main account',
        pinned: true,
        tags: ['Social / Twitter'],
        sites: ['https://www.twitter.com/'],
        dropped: ['login_fields'],
      },
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'GitHub',
        account: 'octo',
        trashed: true,
        dropped: ['custom_fields', 'attachments', 'login_fields'],
      },
      {
        ...PLAIN,
        secret: KEY2,
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        issuer: 'Server',
        account: 'admin',
        trashed: true,
      },
      { ...PLAIN, secret: KEY, issuer: 'Server', account: '', trashed: true },
    ]);
    expect(result.accounts.map((a) => codeOf(a))).toEqual([
      '324550',
      '324550',
      '34855935',
      '324550',
    ]);
    expect(result.refused).toEqual([
      { index: 5, issuer: 'Broken', account: 'eve', reason: 'secret_invalid' },
      { index: 6, issuer: 'Odd', account: '', reason: 'entry_invalid' },
      { index: 7, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
  });

  it('is chosen before Bitwarden, which would take `items` beside `folders`', async () => {
    const input = importInput(json(EXPORT));
    expect(bitwardenImporter.detect(input)).toBe(true);
    expect(enpass.detect(input)).toBe(true);
    const bare = {
      items: [item('A', [fieldOf('totp', 'Code', KEY)], { template_type: undefined })],
    };
    expect(unwrap(await readDetected(json(bare))).format).toBe('enpass');
  });

  it('leaves Bitwarden’s and other JSON alone', () => {
    const others = [
      { encrypted: false, folders: [], items: [{ type: 1, name: 'x', login: { totp: KEY } }] },
      { items: [{ type: 1, name: 'x', fields: [{ type: 0, name: 'a', value: 'b' }] }] },
      { items: [{ title: 'x' }] },
      { items: 'x' },
      [{ fields: [] }],
    ];
    for (const other of others) expect(enpass.detect(importInput(json(other)))).toBe(false);
  });

  it('says an export without one-time codes is empty, and bounds their number', async () => {
    const plain = { folders: [], items: [item('Yahoo!', [fieldOf('password', 'Password', 'x')])] };
    expect(await readDetected(json(plain))).toEqual({ ok: false, error: { code: 'import_empty' } });
    const many = { items: Array(10_001).fill(item('A', [fieldOf('totp', 'Code', KEY)])) };
    expect(await readDetected(json(many))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('ignores prototype keys and never takes a field’s history for a code', async () => {
    const text = JSON.stringify({
      items: [
        item('A', [fieldOf('text', 'Note', 'x', { history: [{ value: KEY, type: 'totp' }] })]),
      ],
    }).replace(
      '"title"',
      '"__proto__":{"fields":[{"type":"totp","value":"JBSWY3DPEHPK3PXP"}]},"title"',
    );
    expect(await readDetected(textBytes(text))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
  });

  it('survives random bytes, truncations and byte changes', async () => {
    await fuzzImporter(enpass, [json(EXPORT)], { runs: 200 });
  });
});
