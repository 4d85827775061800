/**
 * Text holding two links where one was expected (two lines of a link list pasted into the key
 * field, whose line break the browser turns into a space): never one account made of both, the
 * first link's names with the second link's key.
 */
import { describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../../src/otp/uri';
import { classifyQrText } from '../../src/qr/classify';

const A = 'otpauth://totp/A:alice?issuer=A&secret=JBSWY3DPEHPK3PXP';
// Go's url.Values writes the parameters sorted, so the key comes last (pquerna/otp).
const B = 'otpauth://totp/B:bob?algorithm=SHA1&digits=6&issuer=B&period=30&secret=GEZDGNBVGY3TQOJQ';
const M = 'otpauth-migration://offline?data=CgA%3D';

describe('two links in one text', () => {
  it.each([
    ['a space', `${A} ${B}`],
    ['a line break', `${A}\n${B}`],
    ['a tab, upper case', `${A}\tOTPAUTH://TOTP/B:bob?secret=GEZDGNBVGY3TQOJQ`],
    ['an export link after it', `${A} ${M}`],
    ['the other order', `${B}\r\n${A}`],
  ])('separated by %s: refused as several links', (_, text) => {
    expect(parseOtpauthUri(text)).toEqual({ ok: false, error: { code: 'uri_several' } });
    const found = classifyQrText(text);
    expect(found.kind === 'otpauth' && found.result).toEqual({
      ok: false,
      error: { code: 'uri_several' },
    });
  });

  it('still reads one link with spaces in its names and key, and around it', () => {
    const r = parseOtpauthUri(
      '  otpauth://totp/Google Google:otpauth fan?secret=JBSW Y3DP EHPK 3PXP&issuer=Google Google \n',
    );
    expect(r.ok && [r.value.entry.issuer, r.value.entry.account]).toEqual([
      'Google Google',
      'otpauth fan',
    ]);
  });
});
