import { describe, expect, it } from 'vitest';
import { authenticatorProImporter as authPro } from '../../../src/backup/import/authenticator-pro';
import { expectAccounts } from './expect-accounts';
import { fuzzImporter, readDetected, textBytes, unwrap } from './support';

describe('Authenticator Pro HTML backup', () => {
  // As HtmlBackup.cs fills backup_template.html: names HTML-encoded, the URI as GetUri makes it.
  const row = (issuer: string, username: string, uri: string) => `
            <tr>
                <td>${issuer}</td>
                <td>${username}</td>
                <td><code>${uri}</code></td>
                <td><img src="data:image/png;base64,iVBORw0KGgo="></td>
            </tr>`;
  const html = `<!doctype html>
<html>
    <head>
        <meta charset="utf-8">
        <title>Stratum Backup</title>
    </head>
    <body>
        <table>
            <tr>
                <th>Issuer</th>
                <th>Username</th>
                <th>OTP Auth URI</th>
                <th>QR Code</th>
            </tr>
            ${[
              row(
                'Bank &amp; Co',
                'anna',
                'otpauth://totp/Bank%20%26%20Co%3Aanna?secret=JBSWY3DPEHPK3PXP&issuer=Bank%20%26%20Co&algorithm=SHA256&digits=8&period=60',
              ),
              row(
                'Steam',
                'gamer',
                'otpauth://totp/Steam%3Agamer?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=Steam',
              ),
              row(
                'Valve',
                'alt',
                'otpauth://totp/Valve%3Aalt?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=Valve&steam',
              ),
              row(
                'Forge',
                '',
                'otpauth://hotp/Forge?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Forge&counter=7',
              ),
              row('VPN', 'me', 'motp://VPN:me?secret=0123456789abcdef'),
              row(
                'Yandex',
                'ivan',
                'otpauth://yaotp/Yandex%3Aivan?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Yandex&pin_length=4',
              ),
            ].join('')}
        </table>
    </body>
</html>`;

  it('reads the table: names from the cells, Steam as the app marks it', async () => {
    const result = unwrap(await readDetected(textBytes(html)));
    expect(result).toMatchObject({ format: 'authenticator_pro', encrypted: false });
    expectAccounts(result.accounts, [
      {
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        issuer: 'Bank & Co',
        account: 'anna',
        code: '71205722',
      },
      {
        type: 'steam',
        secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
        issuer: 'Steam',
        account: 'gamer',
        code: 'C5TDQ',
      },
      {
        type: 'steam',
        secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
        issuer: 'Valve',
        account: 'alt',
        code: 'C5TDQ',
      },
      {
        type: 'hotp',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        counter: 7,
        issuer: 'Forge',
        account: '',
        code: '162583',
      },
    ]);
    expect(result.refused).toEqual([
      { index: 5, issuer: 'VPN', account: 'me', reason: 'type_unsupported', detail: 'motp' },
      { index: 6, issuer: 'Yandex', account: 'ivan', reason: 'type_unsupported', detail: 'yaotp' },
    ]);
  });

  it('says an empty table is empty, and bounds the number of rows', async () => {
    const [head = '', tail = ''] = html.split(/(?=<\/table>)/);
    const headerOnly = head.slice(0, head.indexOf('</tr>') + 5) + tail;
    expect(await readDetected(textBytes(headerOnly))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
    const many = row('A', 'b', 'otpauth://totp/A%3Ab?secret=JBSWY3DPEHPK3PXP&issuer=A').repeat(
      10_001,
    );
    expect(await readDetected(textBytes(head + many + tail))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('survives mutations of the page', async () => {
    await fuzzImporter(authPro, [textBytes(html)], { runs: 150 });
  });
});
