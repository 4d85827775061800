/**
 * The links KeePassXC writes into an entry's `otp` field name the entry as it was when the code
 * was set up; KeePassXC itself shows (and writes into its QR code) the entry's Title and UserName.
 */
import kdbxweb, { type Kdbx } from 'kdbxweb';
import { describe, expect, it } from 'vitest';
import { readDetected, unwrap } from './support';

const KEY = 'JBSWY3DPEHPK3PXP';

/** A database made here, with the cheap default Argon2d of kdbxweb (1 MiB, 2 passes). */
async function database(build: (db: Kdbx) => void): Promise<Uint8Array> {
  const db = kdbxweb.Kdbx.create(
    new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString('pw')),
    'My passwords',
  );
  build(db);
  return new Uint8Array(await db.save());
}

function entry(db: Kdbx, fields: Record<string, string>): void {
  const e = db.createEntry(db.getDefaultGroup());
  for (const [name, value] of Object.entries(fields)) e.fields.set(name, value);
}

describe("KeePass: KeePassXC's own links", () => {
  it("names KeePassXC's own links by the entry, never by their placeholders", async () => {
    // KeePassXC's Totp::writeSettings (src/totp/totp.cpp, 2.4 to 2.7) writes
    // `otpauth://totp/{title}:{user name}?secret=…&period=…&digits=…&issuer={title}`, with
    // "KeePassXC" and "none" for an empty title and user name, as the entry was when the code was
    // set up; KeePassXC shows the entry's Title and UserName, and writes them into its QR code.
    const link = (label: string, issuer: string, rest = '') =>
      `otpauth://totp/${label}?secret=${KEY}&period=30&digits=6&issuer=${issuer}${rest}`;
    const bytes = await database((db) => {
      entry(db, { Title: '', UserName: '', otp: link('KeePassXC:none', 'KeePassXC') });
      entry(db, {
        Title: 'Renamed',
        UserName: '',
        otp: link('Old%20name:none', 'Old%20name'),
      });
      entry(db, {
        Title: 'Mail (work)',
        UserName: 'kim@work.example',
        otp: link('Mail:kim', 'Mail', '&algorithm=SHA256'),
      });
      entry(db, { Title: '', UserName: 'lee', otp: link('Forum:none', 'Forum') });
      // A reference to another entry's user name was resolved into the link: the link's name.
      entry(db, {
        Title: 'Shared',
        UserName: '{REF:U@I:0123}',
        otp: link('Shared:team', 'Shared'),
      });
      // Not KeePassXC's form (another app's link): its names still win.
      entry(db, {
        Title: 'Shop',
        UserName: 'max',
        otp: `otpauth://totp/Shop:none?secret=${KEY}&issuer=Shop`,
      });
    });
    const result = unwrap(await readDetected(bytes, 'pw'));
    expect(result.accounts.map((a) => [a.issuer, a.account, a.algorithm, a.dropped])).toEqual([
      ['', '', 'SHA1', []],
      ['Renamed', '', 'SHA1', []],
      ['Mail (work)', 'kim@work.example', 'SHA256', []],
      ['Forum', 'lee', 'SHA1', []],
      ['Shared', 'team', 'SHA1', ['login_fields']],
      ['Shop', 'none', 'SHA1', ['login_fields']],
    ]);
  });
});
