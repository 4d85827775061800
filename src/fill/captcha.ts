/**
 * A captcha that does not call itself one: "Enter the characters you see", "Type the code shown
 * in the image", a field beside `/verifycode.jpg`. Such forms stand where a two-factor step
 * would (a sign-in after a few wrong passwords), and their field often says "code", so without
 * these rules Otter typed the account's code into it and reported it filled.
 */

/**
 * Phrases of a field's own labels and names that point at a picture of text, in normalised text
 * (lower case, single spaces, apostrophes gone: "dans l’image" → "dans limage").
 */
const CAPTCHA_TEXT = [
  // English
  ' in the image',
  ' in the picture',
  ' from the image',
  ' image code ',
  ' imagecode ',
  ' image verification',
  ' verification image',
  ' verify image',
  ' verifyimage',
  ' characters you see',
  ' characters shown',
  ' characters in the',
  ' letters you see',
  ' text you see',
  ' words you see',
  // Swedish, Norwegian, Danish, Finnish
  ' i bilden ',
  ' bildkod',
  ' tecknen du ser',
  ' tecknen som visas',
  ' i bildet ',
  ' i billedet ',
  ' tegnene du ser',
  ' tegnene som vises',
  ' kuvassa ',
  ' kuvan merkit',
  // German, Dutch
  ' im bild ',
  ' bildcode',
  ' angezeigten zeichen',
  ' zeichen im bild',
  ' in de afbeelding',
  ' op de afbeelding',
  ' tekens die u ziet',
  ' tekens die je ziet',
  // French, Spanish, Portuguese
  ' dans limage',
  ' caractères affichés',
  ' caractères ci dessus',
  ' en la imagen',
  ' de la imagen',
  ' caracteres que ve',
  ' na imagem',
  ' da imagem',
  ' caracteres que você vê',
];

/**
 * A setup page's field sits under the QR code's image ("Scan the image with your app, then enter
 * the code"): text that names the QR code or the app is about that image, not a captcha's.
 */
const ABOUT_QR = /\bqr\b|scan|skann|escane|authenticator|autentis|authentifi|\bapp\b|appen\b/;

/** Whether a field's own (normalised) labels and names ask for the text of a picture. */
export function namesCaptcha(naming: string): boolean {
  return CAPTCHA_TEXT.some((phrase) => naming.includes(phrase)) && !ABOUT_QR.test(naming);
}

/** What captcha images are called: captcha and its kin (reCAPTCHA's noscript image, Kaptcha). */
const CAPTCHA_NAME = /captcha|securimage/i;

/**
 * The addresses of sign-in forms' code pictures (`/verifycode.jpg?r=123`, `checkcode.aspx`,
 * `ValidateCode.do`): counted only when made for each view (a query or a script's extension), as
 * an illustration of a two-factor step (`/img/verify-code.svg`) is a static file.
 */
const CODE_PICTURE = /(?:verify|check|valid|validate|rand|image|img)[-_]?code|\bvcode\b/i;
const MADE_PER_VIEW = /\?|\.(?:php|aspx?|ashx|jsp|do|action|cgi)(?:$|[?#;/])|\/[^./]*$/i;

/** Whether an image is a captcha's, by its address (not a data: URL), id, class, alt or title. */
function isCaptchaImage(img: Element): boolean {
  const src = (img.getAttribute('src') ?? '').slice(0, 500);
  const named = [
    img.id,
    img.getAttribute('class') ?? '',
    img.getAttribute('alt') ?? '',
    img.getAttribute('title') ?? '',
  ].join(' ');
  if (src.startsWith('data:')) return CAPTCHA_NAME.test(named);
  if (/\bqr/i.test(src) || /\bqr/i.test(named)) return false;
  return (
    CAPTCHA_NAME.test(named) ||
    CAPTCHA_NAME.test(src) ||
    (CODE_PICTURE.test(src) && MADE_PER_VIEW.test(src))
  );
}

/** Whether `scope` (the field's form or nearest few ancestors) shows a captcha's image. */
export function showsCaptchaImage(scope: Element): boolean {
  const images = Array.from(scope.querySelectorAll('img, input[type="image" i]'));
  return images.slice(0, 50).some(isCaptchaImage);
}
