// @vitest-environment happy-dom
/**
 * Captchas that do not say "captcha": the field's own text points at a picture of text, or a
 * captcha's picture sits beside it. Each was filled with the account's code before
 * src/fill/captcha.ts; the setup pages and illustrated two-factor forms after them must still be.
 */
import { describe, expect, it } from 'vitest';
import { run, useFakeLayout } from './dom-fixture';

useFakeLayout();

describe('a captcha is left alone', () => {
  it.each([
    [
      'a code "shown in the image"',
      '<form><img src="/img.php" alt="Security image"><label>Enter the code shown in the image <input name="code"></label></form>',
    ],
    [
      '"Verification code" beside /verifyCode?t=…',
      '<form><label>Verification code <input name="verifyCode"></label><img src="/verifyCode?t=1701" alt=""></form>',
    ],
    [
      '"Security code" beside a Securimage picture',
      '<form><img src="/securimage/securimage_show.php"><label>Security code <input name="security_code"></label></form>',
    ],
    [
      'a reCAPTCHA fallback image',
      '<form><img class="rc-image" id="recaptcha_challenge_image" src="/api/image?c=x"><label>Code <input name="code" inputmode="numeric"></label></form>',
    ],
    [
      '"Checkcode" from checkcode.aspx',
      '<form><label>Kod <input name="kod" maxlength="6"></label><img src="/CheckCode.aspx"></form>',
    ],
    ['an "Image code" field', '<form><label>Image code <input name="imagecode"></label></form>'],
    [
      'Swedish: "Skriv tecknen som visas i bilden"',
      '<form><label>Skriv tecknen som visas i bilden <input name="kod"></label></form>',
    ],
    [
      'German: "Zeichen im Bild"',
      '<form><label>Geben Sie die Zeichen im Bild ein (Code) <input name="code"></label></form>',
    ],
    [
      'French: "le code dans l’image"',
      '<form><label>Saisissez le code dans l’image <input name="code"></label></form>',
    ],
    [
      'Spanish: "el código de la imagen"',
      '<form><label>Introduce el código de la imagen <input name="codigo"></label></form>',
    ],
    [
      '"Type the characters you see" with a code name',
      '<form><label>Type the characters you see <input name="code"></label></form>',
    ],
  ])('%s', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(result).toEqual({ filled: false, reason: 'no_field' });
    expect(filled).toEqual([]);
  });
});

describe('images that are not a captcha', () => {
  it.each([
    [
      'a setup page: the QR code above the field',
      '<form><img src="/2fa/qrcode.png?s=abc" alt="QR code"><label>Enter the code from your app <input id="c" name="code"></label></form>',
    ],
    [
      'a setup page whose label speaks of the image and the app',
      '<form><img src="/setup/image?id=7"><label for="c">Scan the code in the image with your authenticator app, then type the code it shows</label><input id="c" name="otp"></form>',
    ],
    [
      'an illustration of the step (a static file)',
      '<form><img src="/static/img/verify-code.svg" alt=""><label>Verification code <input id="c" name="code"></label></form>',
    ],
    [
      "a bank's own picture beside its code field",
      '<form><img src="/sitekey/image?u=1" class="security-image" alt="Your security image"><label>Authenticator code <input id="c" name="otp"></label></form>',
    ],
    [
      'the QR code as a data: URL',
      '<form><img src="data:image/png;base64,iVBORw0KGgo" alt="Scan me"><label>Verification code <input id="c" name="code"></label></form>',
    ],
  ])('%s: filled', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(result).toMatchObject({ filled: true });
    expect(filled).toEqual(['c']);
  });
});
