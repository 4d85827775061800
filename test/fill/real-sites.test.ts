// @vitest-environment happy-dom
/**
 * The detector against closed sites' two-factor pages as their users quoted them: people whose
 * password manager did not fill (or filled wrongly) a site's code field pasted the field's HTML
 * into the manager's issue tracker, and that markup is what these cases hold. The source line
 * names the thread; what the quote leaves out (a heading, the boxes after the third, the page
 * around a field) is said there too, and is as the same thread's screenshots and text describe
 * it, or as remembered. Ids called test ids were added so the test can name an element that has
 * none (or an elided one) in the quote. Layout comes from inline styles (see dom-fixture.ts).
 *
 * The table format is page-table.ts's: "name | ids | how", then the source, then the markup.
 */
import { describe, expect, it } from 'vitest';
import { run, useFakeLayout } from './dom-fixture';
import { byKey, page, type Page } from './page-table';

useFakeLayout();

/** `n` boxes in a row, `size` px square, `gap` px apart; `attrs(i)` on box i. */
const boxRow = (n: number, attrs: (i: number) => string, size = 40, gap = 10): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `<input ${attrs(i)} style="left:${10 + i * (size + gap)}px;top:10px;width:${size}px;height:${size + 8}px">`,
  ).join('\n');

const CHOSEN: readonly Page[] = [
  page`PayPal (single field, before the six boxes) | otpCode | heuristic
    https://github.com/passff/passff/issues/462 (the field as quoted, German page; the button from the screenshot's text)
    <form method="post" action="/authflow/twofactor/"><input type="tel" name="otpCode" value="" class="hasHelp hasError" placeholder="Sicherheitscode" autocomplete="off" data-nemo="twofactorOTPInput" maxlength="6" id="otpCode" aria-describedby="otpCode">
    <button type="submit">Weiter</button></form>`,
  page`DigitalOcean | code | heuristic
    https://github.com/bitwarden/clients/issues/1446 (the form as quoted, its error icon and button left out)
    <form action="#" class="do-u-pb--small"><div class="sc-fzpmMD enYpte is-invalid"><label for="code" class="sc-fznxKY cpjajG">6-digit code</label><div></div>
    <div class="sc-fznMAR gSVBBi"><input id="code" type="text" placeholder="Enter 6-digit code" autocomplete="off" class="sc-fznWOq sc-fzoKki jIqSjN" value=""><div class="sc-fzoxKX craeZe"></div><div class="sc-fzpkJw dCChlU"></div></div></div>
    <button type="submit">Verify Code</button></form>`,
  page`Microsoft Entra ID (2026 markup, where Bitwarden filled the e-mail address) | otc | heuristic
    https://github.com/bitwarden/clients/issues/20304 (the input as quoted, its elided id and data-bind left out); the heading, the description and the off-screen sign-in name field of form f1 as remembered
    <form name="f1" method="post"><input type="email" name="loginfmt" class="moveOffScreen" tabindex="-1" aria-hidden="true" value="alice@contoso.com" style="left:-10000px">
    <div role="heading" aria-level="1">Enter code</div><div id="otc-description">Enter the code displayed in the authenticator app on your mobile device</div>
    <input name="otc" class="form-control" type="tel" autocomplete="off" aria-required="true" maxlength="6" aria-describedby="otc-description" aria-label="Code" placeholder="Code">
    <input type="submit" value="Verify"></form>`,
  page`Microsoft account (2026 markup, Finnish) | otc-confirmation-input | heuristic
    https://github.com/keepassxreboot/keepassxc-browser/issues/2831 (the input as quoted, its misspelt "placholder" too; the description element and the button as the issue's screenshot shows them, from memory)
    <form><h1>Anna koodi</h1><div id="oneTimeCodeDescription">Anna todentajasovelluksen näyttämä koodi.</div>
    <input id="otc-confirmation-input" data-testid="otc-confirmation-input" name="otc" placholder="Koodi" type="tel" maxlength="8" aria-label="Anna saamasi koodi" aria-describedby="oneTimeCodeDescription" class="ext-input ext-text-box" value="" autocomplete="off">
    <button type="submit">Seuraava</button></form>`,
  page`Zerodha Kite (an "External TOTP" field with the id userid) | userid | heuristic
    https://github.com/keepassxreboot/keepassxc-browser/issues/2629 (the form as quoted, up to the input's attributes; the label and the button as the issue's screenshot shows them)
    <form class="twofa-form form"><h2>External TOTP</h2><div class="su-input-group su-static-label su-has-icon twofa-value disable-steppers number">
    <input type="number" placeholder="••••••" id="userid" autocorrect="off" required="required" minlength="6" maxlength="6" autofocus="autofocus" pattern="[0-9]+" label="External TOTP" rules="">
    <label for="userid" class="su-input-label">External TOTP</label></div><button type="submit" class="button-orange">Continue</button></form>`,
  page`open.rocket.chat (the older TOTP modal: a field with no name) | rc | heuristic
    https://github.com/keepassxreboot/keepassxc-browser/issues/1956 (the input as quoted, its generated id replaced by the test id rc; the modal's title and buttons from memory)
    <dialog open><div class="rcx-modal__header"><h2>Two-factor authentication</h2></div>
    <div class="rcx-modal__content"><p>Open your authentication app and enter the code.</p><input class="rcx-box rcx-box--full rcx-box--animated rcx-input-box--type-text rcx-input-box" type="text" id="rc" placeholder="Enter authentication code" size="1" value=""></div>
    <div class="rcx-modal__footer"><button type="button">Cancel</button><button type="submit">Verify</button></div></dialog>`,
  page`Okta Classic sign-in widget (Google Authenticator factor) | input4 | heuristic
    https://github.com/keepassxreboot/keepassxc-browser/issues/1378 (the input as quoted: name answer, empty label; the widget around it from memory)
    <div id="okta-sign-in" class="auth-container main-container"><form method="POST" action="#" data-se="o-form" class="mfa-verify-totp o-form">
    <div class="o-form-content"><h2 class="okta-form-title o-form-head">Enter your Google Authenticator passcode</h2>
    <div class="o-form-fieldset-container"><div class="o-form-fieldset"><div class="okta-form-label o-form-label"><label for="input4">Enter Code</label></div>
    <div class="o-form-input"><span class="input-fix"><input type="tel" placeholder="" name="answer" id="input4" value="" aria-label="" autocomplete="off"></span></div></div></div></div>
    <div class="o-form-button-bar"><input class="button button-primary" type="submit" value="Verify"></div></form></div>`,
  page`BorgBase | otp | heuristic
    https://github.com/privacyidea/privacyidea/issues/3196 (the input as quoted there as a working example; the form around it from memory)
    <form method="post"><h3>Two-Factor Authentication</h3><input name="otp" autocomplete="off" id="otp" placeholder="2FA Token" type="text">
    <button type="submit">Verify</button></form>`,
  page`HEY | code | one-time-code
    https://github.com/keepassxreboot/keepassxc-browser/issues/938 (the input as quoted; the heading and button from memory)
    <form method="post"><h1>Enter the code from your authenticator app</h1>
    <input class="input input--underlined align--center txt--xx-large txt--bold" autofocus="autofocus" autocorrect="off" autocapitalize="off" required="required" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*" size="12" type="text" name="code" id="code">
    <button type="submit">Continue</button></form>`,
  page`VulnDetect ("Pin Code") | vd | heuristic
    https://github.com/keepassxreboot/keepassxc-browser/issues/826 (the input as quoted, the extension's data-kpxc-id left out, id vd a test id; the heading and button as the screenshot shows them)
    <form><h4>Two-Factor Authentication</h4><input id="vd" maxlength="6" placeholder="Pin Code" type="text" class="form-control" value="">
    <button type="submit" class="btn btn-primary">Login</button></form>`,
  page`Posteo (six boxes, one name for the first) | totp_token_1,totp_token_2,totp_token_3,totp_token_4,totp_token_5,totp_token_6 | split
    https://github.com/keepassxreboot/keepassxc-browser/issues/2991 (the group as quoted; the visually hidden label is shown here, and the button from memory)
    <form class="p_login-form"><div class="p_login-form__group p_login-2fa-totp"><label class="p_hidden" for="totp_token">Einmal-Passwort</label>
    ${boxRow(6, (i) => `autocomplete="one-time-code" class="user_session_totp_token" id="totp_token_${i + 1}" inputmode="numeric" maxlength="1" name="totp_token${i === 0 ? '' : `_${i + 1}`}" pattern="[0-9]*" type="text" value=""`)}
    </div><button type="submit">Anmelden</button></form>`,
  page`voip.ms (six one-character boxes, autocomplete off) | security_code1,security_code2,security_code3,security_code4,security_code5,security_code6 | split
    https://github.com/keepassxreboot/keepassxc-browser/issues/2802 (the group as quoted, the extension's kpxc-defined attribute left out; boxes 4–6 as the quoted three, the search excerpt stopping after them)
    <div class="form-group"><center><p class="open-sans text-regular-size">Please type the 6 digit security code provided by your Authenticator application</p>
    <div class="md-form md-outline input-with-post-icon mt-2 mb-2"><div id="code_form">
    ${boxRow(6, (i) => `type="text" id="security_code${i + 1}" name="security_code${i + 1}" class="security_code" maxlength="1" size="1" min="0" max="9" pattern="[0-9]{1}"${i === 0 ? ' autocomplete="off"' : ''}`, 30)}
    </div></div></center></div>`,
  page`Inleed (six number boxes with no name, Livewire) | d1,d2,d3,d4,d5,d6 | split
    https://github.com/twofas/2fas-browser-extension/issues/84 (the boxes as quoted, ids are test ids; 50 px boxes from their w-50px h-50px classes)
    <div class="d-flex flex-wrap flex-stack two-factor-inputs">
    ${boxRow(6, (i) => `id="d${i + 1}" wire:model.defer="input.${i}" type="number" class="two-step-code form-control form-control-solid h-sm-60px w-sm-60px w-50px h-50px fs-2qx text-center border-primary border-hover mx-sm-1 my-2 ${i === 0 ? ' first-input ' : ''}"`, 50, 8)}
    </div>`,
];

describe('the code field of closed sites, as their users quoted it', () => {
  it.each(CHOSEN)('$name', async ({ html, ids, how }) => {
    const { result, filled } = await run(html);
    expect(result).toEqual({ filled: true, fields: ids.length, how });
    expect(filled).toEqual(ids);
    expect(ids.map((key) => byKey(key).value).join('')).toBe('123456');
  });
});

/** Steam Guard's codes are five characters from 23456789BCDFGHJKMNPQRTVWXY. */
const STEAM_CODE = '2BK7Q';

const STEAM: readonly Page[] = [
  page`Steam (login dialog since 2022: five one-character boxes) | s1,s2,s3,s4,s5 | split
    SteamDatabase/SteamTracking:store.steampowered.com/public/javascript/applications/store/login.js (the segmented input: type text, maxLength 1, autoComplete "none"); class names as Selenium scripts select them (segmentedinputs_Input_HPSuA in segmentedinputs_SegmentedCharacterInput_3PDBF); texts as Steam Guard userscripts match them ("Enter the code from your Steam Mobile App", "Use backup code"); ids are test ids
    <form><div class="newlogindialog_ProtectingAccount_1aop9"><div class="newlogindialog_AccountName_3Vjp0">Account: <span>alice</span></div><div>You have a mobile authenticator protecting this account.</div></div>
    <div class="newlogindialog_CodeInputFieldContainer_3FIQq"><div class="segmentedinputs_SegmentedCharacterInput_3PDBF Panel Focusable">
    ${boxRow(5, (i) => `id="s${i + 1}" type="text" maxlength="1" autocomplete="none" class="segmentedinputs_Input_HPSuA Focusable" value=""`, 46)}
    </div><div class="newlogindialog_EnterCodeFromMobile_1rEWO">Enter the code from your Steam Mobile App</div></div>
    <div class="newlogindialog_TextLink_1cnUQ">Use backup code</div><a href="https://help.steampowered.com/wizard/HelpWithLoginInfo?lost=8&amp;issueid=402">Help, I no longer have access to my Steam Mobile App</a></form>`,
  page`Steam (older login modal) | twofactorcode_entry | heuristic
    Steam's former login page (login_twofactorauth_* modal), as saved in public copies of the page; Selenium scripts fill #twofactorcode_entry (e.g. the find_string hits for it); the other, hidden messages of the modal left out
    <div class="newmodal"><form><div class="twofactorauth_messages"><div class="twofactorauth_message" id="login_twofactorauth_message_entercode"><div class="auth_modal_h1">Hello <span id="login_twofactorauth_message_entercode_accountname">alice</span>!</div><p>This account is currently using a Steam Guard Mobile Authenticator.</p></div></div>
    <div class="twofactorauth_details_messages"><div class="twofactorauth_details" id="login_twofactorauth_details_entercode">Enter the current code displayed in the Steam Mobile app:</div></div>
    <div class="twofactorauthcode_entry_area"><div id="login_twofactor_authcode_entry"><div class="twofactorauthcode_entry_box"><input class="twofactorauthcode_entry_input authcode_placeholder" id="twofactorcode_entry" type="text" placeholder="enter your code here" autocomplete="off"></div></div>
    <div id="login_twofactor_authcode_help_supportlink"><a href="#">Contact Steam Support for help with account access</a></div></div>
    <div class="modal_buttons" id="login_twofactorauth_buttonsets"><div class="auth_buttonset" id="login_twofactorauth_buttonset_entercode"><div type="submit" class="auth_button leftbtn" data-modalstate="submit"><div class="auth_button_h3">Submit</div><div class="auth_button_h5">my authenticator code</div></div>
    <div class="auth_button" data-modalstate="selfhelp"><div class="auth_button_h3">Please help</div><div class="auth_button_h5">I no longer have access to my Mobile Authenticator codes</div></div></div></div></form></div>`,
];

describe("Steam's pages take its five-character code", () => {
  it.each(STEAM)('$name', async ({ html, ids, how }) => {
    const { result, filled } = await run(html, STEAM_CODE);
    expect(result).toEqual({ filled: true, fields: ids.length, how });
    expect(filled).toEqual(ids);
    expect(ids.map((key) => byKey(key).value).join('')).toBe(STEAM_CODE);
  });
});

/** Fields on the same sites that are no TOTP field: the code is copied, not filled. */
const NOTHING: readonly Page[] = [
  page`A captcha's "Type the above number" field (where Bitwarden put a TOTP)
    https://github.com/bitwarden/clients/issues/15113 (the block as quoted, in the sign-in form it came from; the username and password fields from the issue's description)
    <form method="post"><label for="u">Username</label><input type="text" id="u" name="username" autocomplete="username"><label for="p">Password</label><input type="password" id="p" name="password" autocomplete="current-password">
    <div label="Required verification field"><div name="CaptchaDiv" id="CaptchaDiv"></div><div class="capbox-inner"><div class="CaptchaText">Type the above number:</div>
    <input type="hidden" id="txtCaptcha"><input type="text" name="website_code" id="website_code" size="15"><br></div></div><button type="submit">Log in</button></form>`,
  page`Microsoft's text-message step (the same otc field as its app step)
    The input as quoted in https://github.com/bitwarden/clients/issues/20304 (the app step); the SMS step's wording, which it shares with Microsoft's idDiv_SAOTCC_Description of the older markup, as remembered
    <form name="f1" method="post"><div role="heading" aria-level="1">Enter code</div><div id="otc-description">We texted your phone +X XXXXXXXX34. Please enter the code to sign in.</div>
    <input name="otc" class="form-control" type="tel" autocomplete="off" aria-required="true" maxlength="6" aria-describedby="otc-description" aria-label="Code" placeholder="Code">
    <input type="submit" value="Verify"><a href="#">I can't use my phone right now</a></form>`,
  page`Google's text-message step (idvPin)
    memory (the field name idvPin as keepassxc-browser's list of code-field names has it, keepassxreboot/keepassxc-browser:keepassxc-browser/content/totp-field.js; the wording as remembered)
    <h1 id="headingText"><span>2-Step Verification</span></h1><div>A text message with a 6-digit verification code was just sent to •••• •• 12</div>
    <div><span>G-</span><input type="tel" name="idvPin" id="idvPin" autocomplete="off" aria-label="Enter the code" pattern="[0-9 ]*"></div><button type="button">Next</button><button type="button">Try another way</button>`,
  page`Amazon's text-message OTP step (the same auth-mfa-otpcode field as its app step)
    memory (the ids as on the app step above, whose maxlength of 20 keepassxc-browser's content/sites.js expects at /ap/mfa; the wording as remembered)
    <h1>Two-Step Verification</h1><form id="auth-mfa-form" method="post"><p>For added security, please enter the One Time Password (OTP) that has been sent to a mobile number ending in 123</p>
    <label for="auth-mfa-otpcode" class="a-form-label">Enter OTP:</label><input type="tel" maxlength="20" id="auth-mfa-otpcode" autocomplete="off" name="otpCode" class="a-input-text a-span12 auth-autofocus auth-required-field">
    <input id="auth-signin-button" class="a-button-input" type="submit"><a href="#">Didn't receive the OTP?</a></form>`,
  page`GitHub's device verification (a code e-mailed at sign-in from a new device)
    memory (name and id otp as on GitHub's two-factor page; the wording as remembered)
    <div class="auth-form-header"><h1>Device verification</h1></div><form action="/sessions/verified-device" method="post">
    <p>Email</p><p>We just sent your authentication code via email to a•••@example.com. The code will expire at 3:45PM UTC.</p>
    <label for="otp">Device Verification Code</label><input type="text" name="otp" id="otp" class="form-control input-block" autocomplete="one-time-code" inputmode="numeric" placeholder="XXXXXX">
    <button type="submit" class="btn btn-primary btn-block">Verify</button><p><a href="#">Re-send the authentication code</a></p></form>`,
  page`Steam's e-mail code step (the same five boxes: Steam Guard by e-mail, no authenticator)
    The boxes as on the authenticator step above; the text "Enter the code from your email address at …" as Steam-login automation scripts match it (find_string hits for that phrase), the rest of the step from memory
    <form><div class="newlogindialog_ProtectingAccount_1aop9"><div class="newlogindialog_AccountName_3Vjp0">Account: <span>alice</span></div></div>
    <div class="newlogindialog_CodeInputFieldContainer_3FIQq"><div class="newlogindialog_EnterCodeFromEmail_3aMbj">Enter the code from your email address at <span class="newlogindialog_EnterCodeEmailAddress_3BKzb">example.com</span></div>
    <div class="segmentedinputs_SegmentedCharacterInput_3PDBF Panel Focusable">
    ${boxRow(5, (i) => `id="s${i + 1}" type="text" maxlength="1" autocomplete="none" class="segmentedinputs_Input_HPSuA Focusable" value=""`, 46)}
    </div></div><a href="https://help.steampowered.com/">Help, I have no access to my email</a></form>`,
];

describe('fields on those sites that are no TOTP field are left alone', () => {
  it.each(NOTHING)('$name', async ({ html }) => {
    for (const code of ['123456', STEAM_CODE]) {
      const { result, filled } = await run(html, code);
      // A step that asks for a code the site sent (by text message, by e-mail) says so.
      expect(result).toEqual({
        filled: false,
        reason: expect.stringMatching(/^(?:no_field|field_wants_sent_code)$/) as unknown,
      });
      expect(filled).toEqual([]);
    }
  });
});
