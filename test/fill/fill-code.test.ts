// @vitest-environment happy-dom
/**
 * Which field fillCode picks, for a table of markup snippets, and which pages it leaves alone.
 * Layout comes from inline styles (see dom-fixture.ts). What it reports: fill-outcome.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { FillHow } from '../../src/fill/fill-code';
import { boxes, boxStyle, ids, input, run, useFakeLayout } from './dom-fixture';

const CODE = '123456';

useFakeLayout();

type Chosen = readonly [name: string, html: string, ids: readonly string[], how: FillHow];

const CHOSEN: readonly Chosen[] = [
  [
    'autocomplete="one-time-code"',
    '<input id="a" name="x" autocomplete="one-time-code">',
    ['a'],
    'one-time-code',
  ],
  [
    'one-time-code beats an earlier field labelled "Verification code"',
    '<label for="v">Verification code</label><input id="v"><input id="a" autocomplete="one-time-code">',
    ['a'],
    'one-time-code',
  ],
  [
    'a <label for> "Verification code"',
    '<input id="n" name="nick"><label for="v">Verification code</label><input id="v">',
    ['v'],
    'heuristic',
  ],
  [
    'a wrapping <label> "Verifieringskod"',
    '<label>Verifieringskod <input id="v"></label>',
    ['v'],
    'heuristic',
  ],
  ['placeholder "Engångskod"', '<input id="v" placeholder="Engångskod">', ['v'], 'heuristic'],
  ['aria-label "Säkerhetskod"', '<input id="v" aria-label="Säkerhetskod">', ['v'], 'heuristic'],
  [
    'label "Ange koden" with numeric keyboard',
    '<label>Ange koden <input id="v" inputmode="numeric"></label>',
    ['v'],
    'heuristic',
  ],
  [
    'aria-labelledby a "Two-factor code" heading',
    '<h2 id="h">Two-factor code</h2><input id="v" aria-labelledby="h">',
    ['v'],
    'heuristic',
  ],
  ['name="otp"', '<input id="v" name="otp"><input id="w">', ['v'], 'heuristic'],
  ['id="mfaCode" (camelCase)', '<input id="mfaCode"><input id="w">', ['mfaCode'], 'heuristic'],
  ['name="totp_token"', '<input id="v" name="totp_token">', ['v'], 'heuristic'],
  ['title "Authenticator code"', '<input id="v" title="Authenticator code">', ['v'], 'heuristic'],
  [
    '"2FA" in a class name',
    '<input id="v" class="form-control input-2fa"><input id="w">',
    ['v'],
    'heuristic',
  ],
  [
    'inputmode="numeric" and maxlength="6", no words',
    '<input id="n" name="nick"><input id="v" inputmode="numeric" maxlength="6">',
    ['v'],
    'heuristic',
  ],
  [
    'type="tel" maxlength="6" (a numeric keyboard on phones)',
    '<input id="v" type="tel" maxlength="6">',
    ['v'],
    'heuristic',
  ],
  [
    'name="code", the only input of a form about an authenticator app',
    '<form><p>Open your authenticator app and enter the code.</p><input id="v" name="code"><button>Go</button></form>',
    ['v'],
    'heuristic',
  ],
  [
    'an unlabelled field, alone in a "Two-step verification" form',
    '<form><h1>Two-step verification</h1><input id="v" type="text"></form>',
    ['v'],
    'heuristic',
  ],
  [
    '"One-time password" is not a password field',
    '<label>One-time password <input id="v"></label>',
    ['v'],
    'heuristic',
  ],
  [
    '"Email verification code" is a code field, "email" notwithstanding',
    '<input id="e" type="email"><input id="v" placeholder="Email verification code">',
    ['v'],
    'heuristic',
  ],
  [
    'the real field among decoys: search, email, password, promo, postcode, honeypots',
    `<form role="search"><input id="q" name="q"></form>
     <input id="e" type="email" placeholder="Verification email"><input id="p" type="password" name="otp">
     <label>Promo code <input id="promo"></label>
     <label>Postcode <input id="pc" maxlength="6" inputmode="numeric"></label>
     <input id="h1" name="otp" hidden><input id="h2" name="otp" style="display:none">
     <input id="h3" name="otp" style="visibility:hidden"><input id="h4" name="otp" style="width:0px;height:0px">
     <input id="h5" name="otp" style="position:absolute;left:-10000px"><input id="h6" name="otp" style="opacity:0">
     <input id="h7" name="otp" disabled><input id="h8" name="otp" readonly>
     <input id="h9" name="otp" aria-hidden="true"><input id="h10" type="hidden" name="otp">
     <div style="display:none"><input id="h11" name="otp"></div>
     <label>Säkerhetskod <input id="v"></label>`,
    ['v'],
    'heuristic',
  ],
  [
    'of two code fields, the one with focus',
    '<label>Verification code <input id="a"></label><label>Verification code <input id="b" data-focus></label>',
    ['b'],
    'heuristic',
  ],
  [
    'a focused code field over a one-time-code field elsewhere',
    '<input id="a" autocomplete="one-time-code"><label>Verification code <input id="b" data-focus></label>',
    ['b'],
    'heuristic',
  ],
  [
    'not the focused search box',
    '<input id="q" type="search" data-focus><input id="v" name="otp">',
    ['v'],
    'heuristic',
  ],
  [
    'a focused numeric field with no words (the person chose it)',
    '<input id="n" name="nick"><input id="v" inputmode="numeric" data-focus>',
    ['v'],
    'heuristic',
  ],
  ['six split boxes', `<div>${boxes(6)}</div>`, ids(6), 'split'],
  [
    'six split boxes in two halves around a dash',
    `<div><div>${boxes(6, undefined, 0, 3)}</div><span>-</span><div>${boxes(6, undefined, 3, 6)}</div></div>`,
    ids(6),
    'split',
  ],
  [
    'six boxes, each in its own wrapper',
    `<div>${ids(6)
      .map((id, i) => `<span><input id="${id}" maxlength="1" style="${boxStyle(i)}"></span>`)
      .join('')}</div>`,
    ids(6),
    'split',
  ],
  [
    'split boxes, one of them focused',
    `<label>Verification code <input id="v"></label><div>${boxes(6).replace('id="b3"', 'id="b3" data-focus')}</div>`,
    ids(6),
    'split',
  ],
  [
    'split boxes marked one-time-code beat a labelled single field',
    `<label>Verification code <input id="v"></label><div>${boxes(6).replace('id="b1"', 'id="b1" autocomplete="one-time-code"')}</div>`,
    ids(6),
    'split',
  ],
  [
    'split boxes, next to (not mixed with) a 4-box card PIN row elsewhere',
    `<div>${boxes(6)}</div><section><div>${['p1', 'p2', 'p3', 'p4'].map((id, i) => `<input id="${id}" maxlength="1" type="password" style="${boxStyle(i, 0, 200)}">`).join('')}</div></section>`,
    ids(6),
    'split',
  ],
  [
    'boxes without maxlength, named by aria-label (react-otp-input, antd, PrimeReact)',
    `<div>${boxes(6, 'aria-label="Please enter OTP character"')}</div>`,
    ids(6),
    'split',
  ],
  [
    'boxes each marked one-time-code, no maxlength (Mantine, MUI): one row, not six fields',
    `<div>${boxes(6, 'autocomplete="one-time-code" inputmode="numeric"')}</div>`,
    ids(6),
    'split',
  ],
  [
    'unlabelled numeric boxes in a "Two-factor authentication" form',
    `<form><h1>Two-factor authentication</h1>${boxes(6, 'inputmode="numeric"')}</form>`,
    ids(6),
    'split',
  ],
  [
    'type="tel" boxes with a separator in the middle (a wider gap)',
    `<div>${ids(6)
      .map((id, i) => `<input id="${id}" type="tel" style="${boxStyle(i, i >= 3 ? 30 : 0)}">`)
      .join('')}</div>`,
    ids(6),
    'split',
  ],
  [
    'name="otc" (Microsoft’s code field) on a sign-in page',
    '<h1>Enter code</h1><input id="otc" name="otc" type="tel"><input id="w">',
    ['otc'],
    'heuristic',
  ],
  [
    'a "card" in a class name (a Bootstrap card) is styling, not a payment card',
    '<div class="card"><input id="v" class="form-control card-input" name="otp"></div>',
    ['v'],
    'heuristic',
  ],
  [
    'a recovery-code link next to the field does not rule the field out',
    '<p id="d">Lost your phone? Use a recovery code instead.</p><input id="v" name="otp" aria-describedby="d">',
    ['v'],
    'heuristic',
  ],
  [
    'a settings step under "Regenerate backup codes" that asks for the authenticator’s code',
    '<h2>Regenerate backup codes</h2><p>Enter the 6-digit code from your authenticator app.</p><form><label for="t">Authentication code</label><input id="t" name="otp" autocomplete="one-time-code"></form>',
    ['t'],
    'one-time-code',
  ],
  [
    'a "Code" field under "Enter your authentication or recovery code"',
    '<main><h1>Enter your authentication or recovery code</h1><form><label for="c">Code</label><input id="c" name="code" inputmode="numeric" maxlength="6"></form></main>',
    ['c'],
    'heuristic',
  ],
  [
    'a "Verification code" field whose placeholder says scratch codes are also accepted',
    '<form><label for="v">Verification code</label><input id="v" name="code" placeholder="(scratch codes also accepted)"></form>',
    ['v'],
    'heuristic',
  ],
  [
    'a "Code" field under "Enter the code from your app (backup codes work too)"',
    '<main><h1>Enter the code from your app (backup codes work too)</h1><form><label for="c">Code</label><input id="c" name="code"></form></main>',
    ['c'],
    'heuristic',
  ],
  [
    'a "Code" field in a form that offers a recovery code only as the way out ("instead")',
    '<h1>Sign in</h1><form><p>Lost your device? Enter a recovery code instead.</p><label for="c">Code</label><input id="c" name="code" autocomplete="one-time-code"></form>',
    ['c'],
    'one-time-code',
  ],
  [
    'a masked field named "Authenticator code" (Magento’s admin)',
    '<form><label for="t">Authenticator code</label><input id="t" type="password"></form>',
    ['t'],
    'heuristic',
  ],
  [
    'a masked field named "One-time password"',
    '<form><label for="o">One-time password</label><input id="o" type="password"></form>',
    ['o'],
    'heuristic',
  ],
  [
    '"Verifieringskod" under an "Återställningskoder" heading',
    '<h2>Återställningskoder</h2><form><label for="t">Verifieringskod</label><input id="t"></form>',
    ['t'],
    'heuristic',
  ],
];

describe('the field that is chosen', () => {
  it.each(CHOSEN)('%s', async (_name, html, expected, how) => {
    const { result, filled } = await run(html);
    expect(result).toEqual({ filled: true, fields: expected.length, how });
    expect(filled).toEqual(expected);
    const typed = expected.map((id) => input(`#${id}`).value);
    expect(typed.join('')).toBe(CODE);
  });
});

const NOTHING: readonly (readonly [name: string, html: string])[] = [
  ['an empty page', ''],
  [
    'a sign-in form',
    '<input name="username" autocomplete="username"><input type="password" name="password">',
  ],
  ['a plain text field with no hints', '<input id="x"><input id="y">'],
  ['a focused plain text field with no hints', '<input id="x" data-focus><input id="y">'],
  ['name="code" with nothing around it', '<input name="code"><input name="other">'],
  ['a password field named otp', '<input type="password" name="otp">'],
  ['an email field', '<input type="email" placeholder="Verification email">'],
  ['a search field', '<input type="search" placeholder="Search codes">'],
  ['a text field in a search form', '<form role="search"><input name="code"></form>'],
  ['a searchbox', '<input role="searchbox" aria-label="Search 2FA docs">'],
  ['a phone field', '<label>Mobile phone <input type="tel" maxlength="8"></label>'],
  ['autocomplete="tel"', '<input type="tel" autocomplete="tel" inputmode="numeric" maxlength="6">'],
  ['a promo code', '<label>Promo code <input></label>'],
  ['a postcode', '<label>Postcode <input maxlength="6" inputmode="numeric"></label>'],
  ['a zip code', '<input name="zip_code" inputmode="numeric" maxlength="6">'],
  ['a rabattkod', '<label>Rabattkod <input></label>'],
  ['a postnummer', '<label>Postnummer <input inputmode="numeric"></label>'],
  ['a recovery code (the TOTP code would be wrong there)', '<label>Recovery code <input></label>'],
  [
    'a password field on a two-factor page',
    '<h1>Two-factor authentication</h1><form><label for="p">Password</label><input id="p" type="password"></form>',
  ],
  [
    'a masked field for the password and the code together',
    '<form><label for="p">Password or 2FA code</label><input id="p" type="password"></form>',
  ],
  [
    'a field named only "code" in a form that asks for a backup code and names no app',
    '<form><p>Enter one of your backup codes.</p><label for="c">Code</label><input id="c" name="code" autocomplete="one-time-code"></form>',
  ],
  ['a country code', '<label>Country code <input></label>'],
  ['a card security code (cc-csc)', '<label>Security code <input autocomplete="cc-csc"></label>'],
  ['a 4-digit PIN', '<label>PIN <input maxlength="4" inputmode="numeric"></label>'],
  ['a hidden one-time-code field', '<input autocomplete="one-time-code" hidden>'],
  [
    'a one-time-code field in a display:none parent',
    '<div style="display:none"><input autocomplete="one-time-code"></div>',
  ],
  [
    'a zero-size one-time-code field',
    '<input autocomplete="one-time-code" style="width:0px;height:0px">',
  ],
  ['a disabled one-time-code field', '<input autocomplete="one-time-code" disabled>'],
  ['a read-only one-time-code field', '<input autocomplete="one-time-code" readonly>'],
  [
    'a one-time-code field under an inert parent',
    '<div inert><input autocomplete="one-time-code"></div>',
  ],
  ['a checkbox named otp', '<input type="checkbox" name="otp">'],
  ['three one-character boxes', `<div>${boxes(3)}</div>`],
  ['nine one-character boxes', `<div>${boxes(9)}</div>`],
  ['a textarea', '<label>Verification code <textarea></textarea></label>'],
  ['a CVV field', '<label>CVV <input inputmode="numeric"></label>'],
  [
    '"Security code" in a card form (card number and expiry next to it)',
    `<form><label>Card number <input autocomplete="cc-number"></label><label>Expiry <input autocomplete="cc-exp"></label>
     <label>Security code <input id="csc" inputmode="numeric"></label></form>`,
  ],
  [
    '"Security code" in a form that says "Card number", no autocomplete',
    `<form><label>Card number <input name="n1"></label><label>Security code <input id="csc" name="sc"></label></form>`,
  ],
  [
    '"Card verification code", even marked one-time-code',
    '<label>Card verification code <input autocomplete="one-time-code"></label>',
  ],
  [
    'a gift card claim code',
    '<h1>Redeem a gift card</h1><label>Claim code <input name="code"></label>',
  ],
  [
    'a "verification code" field on a gift card page',
    '<form><h2>Redeem your gift card</h2><label>Verification code <input name="vc"></label></form>',
  ],
  ['a coupon code', '<label>Coupon code <input name="coupon"></label>'],
  ['a voucher', '<label>Voucher <input name="voucher_code" inputmode="numeric"></label>'],
  ['a captcha', '<label>Type the characters (captcha) <input name="captcha_code"></label>'],
  [
    'a backup verification code',
    '<label>Backup verification code <input name="backup" inputmode="numeric"></label>',
  ],
  [
    'a recovery-code field labelled "…authenticator app or phone? Enter one of your recovery codes"',
    '<label for="c">Lost your authenticator app or phone? Enter one of your recovery codes</label><input id="c" name="code">',
  ],
  [
    'a recovery-code field labelled "If you can’t use your authenticator app or phone, enter a recovery code"',
    '<form><label for="r">If you can’t use your authenticator app or phone, enter a recovery code</label><input id="r" name="code"></form>',
  ],
  [
    'a nickname field far under a "Two-factor authentication" heading',
    '<div><h2>Two-factor authentication</h2><div><div><div><div><form><input name="nickname" placeholder="Enter a nickname for this security key"></form></div></div></div></div></div>',
  ],
  [
    'a recovery-code field whose label mentions the authenticator app before "or"',
    '<h1>Two-factor authentication</h1><form><label for="rc">Lost your authenticator app or phone? Enter a recovery code</label><input id="rc" name="recovery_code" placeholder="XXXXX-XXXXX"></form>',
  ],
  [
    'a recovery code marked one-time-code',
    '<label>Recovery code <input autocomplete="one-time-code"></label>',
  ],
  [
    'a device-code page: "Enter the code shown on your TV", name="otc"',
    '<h1>Activate your TV</h1><form><p>Enter the code shown on your TV.</p><input name="otc" autocomplete="one-time-code"></form>',
  ],
  [
    'a device-code page: "displayed on your app or device" (Microsoft device login)',
    '<form><h1>Enter code</h1><p>Enter the code displayed on your app or device.</p><input name="otc" id="otc" placeholder="Code"></form>',
  ],
  [
    'a device code split into boxes',
    `<h1>Device activation</h1><div>${boxes(8, 'maxlength="1"')}</div>`,
  ],
  [
    'four wide same-size fields in a row (an address), not boxes',
    ['a1', 'a2', 'a3', 'a4']
      .map(
        (n, i) =>
          `<input name="${n}" inputmode="numeric" style="left:${10 + i * 190}px;top:10px;width:180px;height:30px">`,
      )
      .join(''),
  ],
  [
    'six narrow boxes of different sizes, not a row',
    ids(6)
      .map(
        (id, i) =>
          `<input id="${id}" maxlength="1" style="left:${10 + i * 60}px;top:10px;width:${30 + i * 5}px;height:40px">`,
      )
      .join(''),
  ],
  [
    'six plain narrow inputs without any sign of a code',
    ids(6)
      .map((id, i) => `<input id="${id}" style="${boxStyle(i)}">`)
      .join(''),
  ],
];

describe('pages where nothing is filled', () => {
  it.each(NOTHING)('%s', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(result).toEqual({ filled: false, reason: 'no_field' });
    expect(filled).toEqual([]);
  });

  it('a device-code page by its path (/devicelogin), whatever the field says', async () => {
    history.pushState({}, '', '/devicelogin');
    try {
      const { result, filled } = await run('<label>Verification code <input name="otc"></label>');
      expect(result).toEqual({ filled: false, reason: 'no_field' });
      expect(filled).toEqual([]);
    } finally {
      history.pushState({}, '', '/');
    }
  });
});
