// @vitest-environment happy-dom
/**
 * The detector against the markup of real two-factor code pages: which field fillCode picks on
 * each product's TOTP step, and that it leaves their separate recovery/backup-code forms alone.
 *
 * Each case says where its markup comes from. "repo:path" means the template was read in that
 * open-source repository and rendered by hand (template variables replaced by the English text
 * they produce, scripts, CSRF tokens and styling noise left out, everything else kept). "memory"
 * means a closed site whose markup is widely documented; only the attributes that are also seen
 * in public automation scripts (ids, names) are certain there, the rest is as remembered. Ids
 * called test ids were added so the test can name an element that has none on the real page.
 * Layout comes from inline styles (see dom-fixture.ts).
 */
import { describe, expect, it } from 'vitest';
import { boxStyle, run, useFakeLayout } from './dom-fixture';
import { byKey, page, type Page } from './page-table';

useFakeLayout();

/** Six boxes, each in its own wrapper (ids are test ids), with what the component puts on each. */
const row = (attrs: (i: number) => string, left = (i: number) => i * 50): string =>
  [0, 1, 2, 3, 4, 5]
    .map((i) => `<div><input id="d${i + 1}" ${attrs(i)} style="${boxStyle(0, left(i))}"></div>`)
    .join('');
const AUTHELIA_BOXES = row(
  (i) =>
    `autocomplete="one-time-code" type="tel" aria-label="${i === 0 ? 'Please enter verification code. ' : ''}Digit ${i + 1}"`,
);
/** Proton: 48 px boxes 12 px apart, with a 24 px divider after the third. */
const PROTON_BOXES = row(
  (i) =>
    `type="tel" inputmode="numeric" class="text-center p-0 shrink-0" aria-label="Enter verification code. Digit ${i + 1}." ${i === 0 ? 'autocomplete="one-time-code"' : ''} autocapitalize="off" autocorrect="off" spellcheck="false"`,
  (i) => i * 60 + (i >= 3 ? 24 : 0),
);

/** Six boxes side by side with no wrapper each (ids only where `attrs` gives one), `width`×`height` px. */
const flatRow = (
  attrs: (i: number) => string,
  left = (i: number) => i * 50,
  width = 40,
  height = 48,
): string =>
  [0, 1, 2, 3, 4, 5]
    .map(
      (i) =>
        `<input ${attrs(i)} style="left:${10 + left(i)}px;top:10px;width:${width}px;height:${height}px">`,
    )
    .join('');
/** Cal.com: react-digit-input boxes, 48 px square, spread over a 384 px row (justify-between). */
const CALCOM_BOXES = flatRow(
  (i) =>
    `class="h-12 w-12 !text-xl text-center" name="2fa${i + 1}" inputmode="decimal" value="" autocomplete="one-time-code"${i === 0 ? ' data-focus' : ''}`,
  (i) => i * 67,
  48,
  48,
);
/** Logto: VerificationCode boxes (type number), named totpCode_0…5. */
const LOGTO_BOXES = flatRow(
  (i) =>
    `name="totpCode_${i}" data-id="${i}" value="" type="number" inputmode="numeric" pattern="[0-9]*" autocomplete="off"${i === 0 ? ' data-focus' : ''}`,
  (i) => i * 52,
  44,
  44,
);
/** Coolify: Alpine x-for boxes, w-11 × h-12, gap-2 (ids are test ids). */
const COOLIFY_BOXES = flatRow(
  (i) =>
    `id="d${i + 1}" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="1" aria-label="Digit ${i + 1}" class="h-12 w-11 rounded-md border text-center text-lg font-semibold" autocomplete="one-time-code"`,
  (i) => i * 52,
  44,
  48,
);

const CHOSEN: readonly Page[] = [
  page`GitLab | user_otp_attempt | heuristic
    gitlabhq/gitlabhq:app/views/devise/shared/_totp_recovery_code_or_webauthn.html.haml
    <form class="gl-show-field-errors js-2fa-form" aria-live="assertive"><div class="form-group">
    <label for="user_otp_attempt">Enter verification code</label>
    <input class="form-control gl-form-input" required autofocus autocomplete="off" inputmode="numeric" title="This field is required." data-testid="two-fa-code-field" type="text" name="user[otp_attempt]" id="user_otp_attempt">
    <p class="form-text hint">Enter the code from your two-factor authenticator app. If you've lost your device, you can enter one of your recovery codes.</p>
    <input type="hidden" name="user[remember_me]" value="0"></div><button type="submit">Verify code</button></form>`,
  page`GitLab (older) | user_otp_attempt | heuristic
    gitlabhq/gitlabhq:app/views/devise/sessions/two_factor.html.haml@00cae51
    <div class="login-box"><div class="login-heading"><h3>Two-factor Authentication</h3></div><div class="login-body"><form>
    <input type="hidden" name="user[remember_me]" value="0"><input class="form-control" placeholder="Two-factor Authentication code" required autofocus type="text" name="user[otp_attempt]" id="user_otp_attempt">
    <p class="help-block hint">Enter the code from the two-factor app on your mobile device. If you've lost your device, you may enter one of your recovery codes.</p>
    <input type="submit" value="Verify code"></form></div></div>`,
  page`Mastodon | user_otp_attempt | one-time-code
    mastodon/mastodon:app/views/auth/sessions/two_factor/_otp_authentication_form.html.haml; label and hint as in simple_form.en.yml (seen in a clone's strings)
    <form id="otp-authentication-form"><p class="hint authentication-hint">Enter the two-factor code generated by your phone app or use one of your recovery codes:</p>
    <div class="fields-group"><div class="input with_label integer required user_otp_attempt"><div class="label_input"><label for="user_otp_attempt">Two-factor code</label>
    <input autofocus aria-label="Two-factor code" autocomplete="one-time-code" class="numeric integer required" required type="number" step="1" name="user[otp_attempt]" id="user_otp_attempt"></div></div></div>
    <div class="actions"><button type="submit">Log in</button></div></form>`,
  page`Mastodon (older) | user_otp_attempt | heuristic
    mastodon/mastodon:app/views/auth/sessions/two_factor.html.haml@06f2b22
    <form><div class="input string required user_otp_attempt"><input placeholder="Two-factor code" aria-label="Two-factor code" required autofocus autocomplete="off" type="text" name="user[otp_attempt]" id="user_otp_attempt"></div>
    <div class="actions"><button type="submit">Log in</button></div></form>`,
  page`Discourse login modal | login-second-factor | one-time-code
    discourse/discourse:components/modal/login/local-login-form.hbs, second-factor-input.gjs, second-factor-form.hbs
    <form id="login-form"><div id="credentials" style="display:none"><input type="email" id="login-account-name" autocomplete="username" disabled>
    <input type="password" id="login-account-password" autocomplete="current-password"></div>
    <div id="second-factor"><h3>Two-Factor Authentication</h3><p class="second-factor__description">Please enter the authentication code from your app:</p>
    <input type="tel" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" autocapitalize="off" autocorrect="off" autofocus class="second-factor-token-input" id="login-second-factor">
    <p><a href class="toggle-second-factor-method">Log in using a backup code</a></p></div></form>`,
  page`Discourse (d-otp: one input over six drawn slots) | t1 | one-time-code
    discourse/discourse:ui-kit/d-otp.gjs; text from a third-party capture of the page; id t1 is a test id
    <form class="email-login-form"><div id="second-factor"><h3>Two-Factor Authentication</h3><p class="second-factor__description">Please enter the authentication code from your app:</p>
    <div class="d-otp"><div class="d-otp-group"><div class="d-otp-slot"></div><div class="d-otp-slot"></div><div class="d-otp-slot"></div><div class="d-otp-slot"></div><div class="d-otp-slot"></div><div class="d-otp-slot"></div></div>
    <div class="d-otp-input-wrapper"><input id="t1" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" autocorrect="off" autocapitalize="off" data-slot="input-otp" class="d-otp-input second-factor-token-input" maxlength="6" aria-label="Enter 6 numbers"></div></div></div>
    <button class="btn btn-primary" type="submit">Log In</button></form>`,
  page`Gitea | passcode | heuristic
    go-gitea/gitea:templates/user/auth/twofa.tmpl; text from options/locale/locale_en-US.ini
    <form class="ui form"><h3 class="ui top attached header">Two-Factor Authentication</h3><div class="ui attached segment"><div class="required inline field">
    <label for="passcode">Passcode</label><input id="passcode" name="passcode" type="number" autocomplete="off" autofocus required></div>
    <div class="inline field"><label></label><button class="ui green button">Verify</button><a href="/user/two_factor/scratch">Use a scratch code</a></div></div></form>`,
  page`Keycloak | otp | one-time-code
    keycloak/keycloak:themes/src/main/resources/theme/base/login/login-otp.ftl; label text from memory
    <h1 id="kc-page-title">Sign in to your account</h1><form id="kc-otp-login-form"><div class="form-group"><div><label for="otp">One-time code</label></div>
    <div><input id="otp" name="otp" autocomplete="one-time-code" type="text" autofocus aria-invalid="" dir="ltr"></div></div>
    <div id="kc-form-buttons"><input name="login" id="kc-login" type="submit" value="Sign In"></div></form>`,
  page`Keycloak (older login-totp.ftl) | totp | heuristic
    UKHomeOffice/keycloak-theme-govuk:govuk/login/login-totp.ftl (a copy of the base theme); label from memory
    <h1 id="kc-page-title">Log in to your account</h1><form id="kc-totp-login-form"><div class="govuk-form-group"><div><label for="totp" class="govuk-label">One-time code</label></div>
    <div><input id="totp" name="totp" autocomplete="off" type="text" class="govuk-input" autofocus></div></div>
    <div id="kc-form-buttons"><input class="govuk-button" name="login" id="kc-login" type="submit" value="Log in"></div></form>`,
  page`Nextcloud TOTP | c | one-time-code
    nextcloud/twofactor_totp:templates/LoginChallenge.php; nextcloud/server:core/templates/twofactorshowchallenge.php; id c is a test id
    <div class="body-login-container update two-factor"><h2 class="two-factor-header">TOTP (Authenticator app)</h2>
    <p>Get the authentication code from the two-factor authentication app on your device.</p>
    <form method="POST" class="totp-form"><input id="c" class="two-factor-code-input two-factor-code-digits" type="text" minlength="6" maxlength="10" pattern="[0-9]{6,10}" name="challenge" required autofocus autocomplete="one-time-code" inputmode="numeric" autocapitalize="off" placeholder="000000" aria-label="Authentication code">
    <button class="primary two-factor-submit" type="submit">Submit</button></form>
    <p><a class="two-factor-secondary" href="#">Use backup code</a></p><p><a class="two-factor-secondary" href="#">Cancel login</a></p></div>`,
  page`Nextcloud TOTP (older) | challenge | heuristic
    nextcloud/twofactor_totp:templates/challenge.php (older version)
    <div class="body-login-container update two-factor"><h2 class="two-factor-header">TOTP (Authenticator app)</h2>
    <form method="POST" class="totp-form"><input type="tel" minlength="6" maxlength="6" name="challenge" required autofocus autocomplete="off" autocapitalize="off" placeholder="Authentication code">
    <button type="submit"><span>Submit</span></button><p>Get the authentication code from the two-factor authentication app on your device.</p></form></div>`,
  page`django-two-factor-auth | id_token-otp_token | one-time-code
    jazzband/django-two-factor-auth:two_factor/templates/two_factor/core/login.html, two_factor/forms.py
    <h1>Login</h1><p>Please enter the tokens generated by your token generator.</p><form action="" method="post">
    <p><label for="id_token-otp_token">Token:</label> <input type="text" name="token-otp_token" autofocus pattern="[0-9]*" autocomplete="one-time-code" maxlength="6" minlength="6" id="id_token-otp_token"></p>
    <input type="submit" value="" class="d-none"><p>As a last resort, you can use a backup token:</p>
    <p><button name="wizard_goto_step" type="submit" value="backup">Use Backup Token</button></p><button type="submit">Next</button></form>`,
  page`django-allauth MFA (autocomplete off) | id_code | heuristic
    pennersr/django-allauth:allauth/templates/mfa/authenticate.html, allauth/mfa/forms.py (older AuthenticateForm)
    <h1>Two-Factor Authentication</h1><p>Your account is protected by two-factor authentication. Please enter an authenticator code:</p>
    <form method="post" action="/accounts/2fa/authenticate/"><input type="text" name="code" placeholder="Code" autocomplete="off" required id="id_code">
    <button type="submit">Sign In</button></form><hr><h2>Alternative options</h2><a href="/accounts/login/">Cancel</a>`,
  page`Odoo | totp_token | heuristic
    odoo/odoo:addons/auth_totp/views/templates.xml
    <div class="oe_login_form"><h5 class="card-title">Two-factor Authentication</h5><form method="POST" action="">
    <input type="hidden" name="redirect" value=""><div class="form-group"><label for="totp_token">Authentication Code (6 digits)</label>
    <input id="totp_token" name="totp_token" class="form-control mb-2" autofocus required></div>
    <div class="mb-2 mt-2 text-muted"><input type="checkbox" name="remember" id="switch-remember" checked><label for="switch-remember">Remember this Device</label></div>
    <button type="submit" class="btn btn-primary btn-block">Verify</button>
    <div class="small mb-2 mt-2 text-muted">Open the two-factor authentication app on your device to obtain a code and verify your identity</div></form></div>`,
  page`Laravel Jetstream | code | one-time-code
    laravel/jetstream:stubs/livewire/resources/views/auth/two-factor-challenge.blade.php (Alpine x-show as display:none)
    <div><div class="mb-4 text-sm">Please confirm access to your account by entering the authentication code provided by your authenticator application.</div>
    <div class="mb-4 text-sm" style="display:none">Please confirm access to your account by entering one of your emergency recovery codes.</div>
    <form method="POST" action="/two-factor-challenge"><div class="mt-4"><label for="code">Code</label><input id="code" class="block mt-1 w-full" type="text" inputmode="numeric" name="code" autofocus autocomplete="one-time-code"></div>
    <div class="mt-4" style="display:none"><label for="recovery_code">Recovery Code</label><input id="recovery_code" class="block mt-1 w-full" type="text" name="recovery_code" autocomplete="one-time-code"></div>
    <div class="flex items-center justify-end mt-4"><button type="button">Use a recovery code</button><button type="submit">Log in</button></div></form></div>`,
  page`Bitwarden / Vaultwarden web vault | bit-input-0 | one-time-code
    bitwarden/clients:libs/auth/src/angular/two-factor-auth/two-factor-auth.component.html and child two-factor-auth-authenticator.component.html (bit-form-field label)
    <form autocomplete="off"><bit-form-field><label for="bit-input-0">Verification code</label><input id="bit-input-0" type="text" autofocus autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*"></bit-form-field>
    <bit-form-control><input type="checkbox" id="bit-checkbox-1"><label for="bit-checkbox-1">Don't ask again on this device for 30 days</label></bit-form-control>
    <div><button type="submit">Continue logging in</button><p>or</p><button type="button">Select another method</button><button type="button">Use your recovery code</button></div></form>`,
  page`Sentry | id_otp | heuristic
    getsentry/sentry:src/sentry/templates/sentry/twofactor.html with the TwoFactorForm of an older sentry/web/forms/accounts.py (crispy rendering)
    <div class="tab-pane active" id="login"><h3>Two-Factor Authentication</h3><p>Your account is protected with two-factor authentication. To continue with the sign-in you need to provide the access code from your authenticator or a recovery code if you have one.</p>
    <form class="form-stacked" action="" method="post" autocomplete="off"><div id="div_id_otp" class="form-group"><label for="id_otp" class="control-label requiredField">One-time password<span class="asteriskField">*</span></label>
    <div class="controls"><input type="text" name="otp" placeholder="Code from authenticator" autofocus maxlength="20" class="textinput textInput form-control" required id="id_otp"></div></div>
    <fieldset class="form-actions"><button type="submit" class="btn btn-primary">Continue</button></fieldset></form></div>`,
  page`phpMyAdmin | 2faCodeInput | heuristic
    phpmyadmin/phpmyadmin:templates/login/twofactor/application.twig
    <form method="post"><div class="mb-3"><label class="form-label" for="2faCodeInput">Authentication code:</label>
    <input class="form-control" id="2faCodeInput" type="text" name="2fa_code" autocomplete="off" autofocus></div>
    <p>Open the two-factor authentication app on your device to view your authentication code and verify your identity.</p><input type="submit" value="Verify"></form>`,
  page`WordPress Two Factor plugin | authcode | one-time-code
    WordPress/two-factor:providers/class-two-factor-totp.php (authentication_page)
    <form name="validate_2fa_form" id="loginform"><input type="hidden" name="provider" value="Two_Factor_Totp">
    <p class="two-factor-prompt">Enter the code generated by your authenticator app.</p>
    <p><label for="authcode">Authentication Code:</label><input type="text" inputmode="numeric" autocomplete="one-time-code" name="authcode" id="authcode" class="input authcode" value="" size="20" pattern="[0-9 ]*" placeholder="123 456" data-digits="6"></p>
    <p class="submit"><input type="submit" name="submit" id="submit" class="button button-primary" value="Verify"></p></form>`,
  page`Sucuri Security (WordPress) | sucuriscan-totp-code | one-time-code
    search corpus excerpt of the Sucuri Security plugin’s 2FA verify template (repository not named)
    <form name="sucuri-2fa-verify" id="loginform" method="post"><p><label for="sucuriscan-totp-code">Authentication code<br>
    <input type="text" name="sucuriscan_totp_code" id="sucuriscan-totp-code" class="input" maxlength="6" pattern="[0-9]{6}" inputmode="numeric" autocomplete="one-time-code" placeholder="123456"></label></p>
    <p class="submit"><input type="submit" name="wp-submit" id="sucuriscan-totp-submit" class="button button-primary button-large" value="Verify"></p></form>`,
  page`Joomla MFA captive page | users-mfa-code | one-time-code
    joomla/joomla-cms:components/com_users/tmpl/captive/default.php, plugins/multifactorauth/totp (Totp.php, en-GB ini; the h2 is the method’s default title)
    <div class="users-mfa-captive card card-body"><h2 id="users-mfa-title">Verification code</h2><form id="users-mfa-captive-form" method="post" class="form-horizontal">
    <div id="users-mfa-captive-form-method-fields"><div class="row mb-3"><label for="users-mfa-code" class="col-sm-3 col-form-label">Enter the six digit verification code</label>
    <div class="col-sm-9"><input type="text" name="code" value="" placeholder="" id="users-mfa-code" class="form-control" autocomplete="one-time-code" pattern="{0,9}" maxlength="6" inputmode="numeric"></div></div></div>
    <div id="users-mfa-captive-form-standard-buttons"><button id="users-mfa-captive-button-submit" type="submit">Validate</button><a href="#" id="users-mfa-captive-button-logout">Log Out</a></div></form></div>`,
  page`Moodle MFA (TOTP factor) | id_verificationcode | one-time-code
    moodle/moodle:admin/tool/mfa/classes/local/form/verification_field.php (moodleform text element; label text from memory)
    <form autocomplete="off" action="/admin/tool/mfa/auth.php" method="post" class="mform"><div id="fitem_id_verificationcode" class="mb-3 row fitem">
    <div class="col-md-3"><label id="id_verificationcode_label" for="id_verificationcode">Enter verification code</label></div>
    <div class="col-md-9"><input type="text" class="tool-mfa-verification-code font-weight-bold" name="verificationcode" id="id_verificationcode" value="" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*" maxlength="6" autofocus></div></div>
    <input type="submit" class="btn btn-primary" name="submitbutton" value="Continue"></form>`,
  page`Rocket.Chat | totp-code | one-time-code
    RocketChat/Rocket.Chat:apps/meteor/client/components/TwoFactorModal/TwoFactorTotpModal.tsx (English strings from the i18n keys)
    <dialog open><form><header><p>Two-factor authentication</p><h2>Enter TOTP password</h2></header><div class="rcx-field-group"><div class="rcx-field">
    <label for="totp-code">Enter the code provided by your authentication app to continue.</label>
    <span><input id="totp-code" name="totp" placeholder="Enter code here" inputmode="numeric" autocomplete="one-time-code" type="text" size="6"></span></div></div>
    <footer><button type="button">Cancel</button><button type="submit">Verify</button></footer></form></dialog>`,
  page`Zammad (desktop view) | z1 | one-time-code
    zammad/zammad:app/frontend/apps/desktop/pages/authentication/components/LoginTwoFactor.vue (FormKit text field; ids are test ids, help text from memory)
    <form><div class="formkit-outer" data-type="text"><label for="z1">Security Code</label>
    <input id="z1" name="code" type="text" required autocomplete="one-time-code" autofocus inputmode="numeric" pattern="[0-9]*" aria-describedby="help-z1">
    <div id="help-z1">Get the security code from the authenticator app on your device.</div></div><button type="submit">Sign in</button></form>`,
  page`Authelia (react18-input-otp boxes) | d1,d2,d3,d4,d5,d6 | split
    authelia/authelia:web/src/views/LoginPortal/SecondFactor/OTPDial.tsx, OneTimePasswordMethod.tsx; box aria-labels as react18-input-otp renders them (seen in a public test), ids are test ids
    <div id="one-time-password-method"><h6>One-Time Password</h6><p>Enter one-time password</p><span id="otp-input">
    ${AUTHELIA_BOXES}</span></div>`,
  page`Proton (TotpInput) | d1,d2,d3,d4,d5,d6 | split
    ProtonMail/WebClients:packages/components/components/v2/input/TotpInput.tsx (ids are test ids; 48 px boxes, a 24 px divider in the middle)
    <form name="totpForm"><h1>Two-factor authentication</h1><div class="flex flex-nowrap" dir="ltr">
    ${PROTON_BOXES}
    </div><button type="submit">Authenticate</button></form>`,
  page`Firefox Accounts | fxa | heuristic
    mozilla/fxa:fxa-settings components/FormVerifyCode, InputText; strings from the en locale (signin-totp-code-*); id fxa is a test id
    <h1>Sign in</h1><h2>Enter two-step authentication code</h2><p>Check your <strong>authenticator app</strong> to confirm your sign-in.</p>
    <form novalidate class="flex flex-col gap-4 my-6"><label class="flex text-start rounded border relative"><span class="block flex-auto"><span class="px-3 w-full absolute">Enter 6-digit code</span>
    <input id="fxa" class="pb-1 pt-5 px-3 w-full" name="code" type="text" autofocus maxlength="6" pattern="[0-9]{6}" spellcheck="false" autocomplete="off" inputmode="numeric"></span></label>
    <button type="submit" class="cta-primary cta-xl">Confirm</button></form><a href="#">Trouble entering code?</a>`,
  page`NodeBB two-factor plugin | code | heuristic
    NodeBB/nodebb-plugin-2factor:static/templates/login-totp.tpl, languages/en_GB/2factor.json
    <div class="card"><div class="card-header"><span class="fs-4">Two-Factor Authentication</span></div><div class="card-body">
    <p>Enter the verification code generated by your mobile application.</p><form role="form" method="post"><div class="mb-3 input-group">
    <input type="text" inputmode="numeric" class="form-control form-control-large text-center" id="code" name="code" autocomplete="off">
    <button class="btn btn-block btn-primary text-center" type="submit">Verify</button></div></form><hr><p><a href="/login/2fa">Back</a></p></div></div>`,
  page`eduVPN portal | totpKey | heuristic
    eduvpn/vpn-user-portal:views/twoFactorTotp.php
    <div class="auth"><p>Please provide your TOTP.</p><form class="frm" method="post"><fieldset><label for="totpKey">OTP</label>
    <input type="text" inputmode="numeric" placeholder="OTP" id="totpKey" name="_two_factor_auth_totp_key" autocomplete="off" maxlength="6" required pattern="[0-9]{6}" autofocus></fieldset>
    <fieldset><button type="submit">Verify</button></fieldset></form><p>Contact support if you lost your TOTP.</p></div>`,
  page`Kanboard | form-code | one-time-code
    aljawaid/ApplicationBranding:Template/twofactor/check.php (an override of Kanboard’s twofactor/check.php)
    <section class="page"><div class="page-header"><h2>Two factor authentication</h2></div><form method="post">
    <label for="form-code">Code</label><input type="text" name="code" id="form-code" class="form-numeric" placeholder="123456" autofocus autocomplete="one-time-code" pattern="[0-9]*" inputmode="numeric">
    <div class="form-actions"><button type="submit" class="btn btn-blue">Check my code</button></div></form></section>`,
  page`Laravel google2fa view | one_time_password | heuristic
    ethanhalko/drive:resources/views/google2fa/index.blade.php (the pragmarx/google2fa-laravel example view)
    <div class="card"><div class="card-header">2FA Authentication</div><div class="card-body"><form class="form-horizontal" method="POST" action="/2fa">
    <div class="form-group row"><label for="one_time_password" class="col-md-4 col-form-label">One Time Password</label>
    <div class="col-md-6"><input id="one_time_password" type="number" class="form-control" name="one_time_password" required autofocus></div></div>
    <div class="form-group row mb-0"><button type="submit" class="btn btn-primary">Continue</button></div></form></div></div>`,
  page`authboss (code and recovery code in one form) | code | heuristic
    volatiletech/authboss-renderer:html-templates/totp2fa_validate.tpl
    <h1>Enter your authenticator code</h1><form action="/auth/2fa/totp/validate" method="POST">
    <input type="text" class="form-control" name="code" placeholder="Code" autocomplete="off"><br>
    <input type="text" class="form-control" name="recovery_code" placeholder="Recovery Code" autocomplete="off"><br><button type="submit">Ok</button></form>`,
  page`GitHub | app_totp | one-time-code
    memory (id app_totp, name app_otp seen in public scripts)
    <div class="auth-form-header"><h1>Two-factor authentication</h1></div><form action="/sessions/two-factor" method="post">
    <label for="app_totp">Authentication code</label>
    <input type="text" name="app_otp" id="app_totp" class="form-control input-block text-center js-verification-code-input-auto-submit" autocomplete="one-time-code" inputmode="numeric" placeholder="XXXXXX" aria-describedby="totp-field-help-text">
    <button type="submit" class="btn btn-primary btn-block">Verify</button>
    <p id="totp-field-help-text">Open your two-factor authenticator (TOTP) app or browser extension to view your authentication code.</p></form>`,
  page`Google | totpPin | heuristic
    memory (id/name totpPin, type tel seen in public scripts)
    <h1 id="headingText"><span>2-Step Verification</span></h1><div>Get a verification code from the <strong>Google Authenticator</strong> app</div>
    <div><input type="tel" class="whsOnd zHQkBf" autocomplete="off" tabindex="0" aria-label="Enter code" name="totpPin" id="totpPin" dir="ltr" pattern="[0-9 ]*">
    <div class="AxOyFc snByac" aria-hidden="true">Enter code</div></div>
    <div><input type="checkbox" id="dont-ask" checked><label for="dont-ask">Don't ask again on this device</label></div><button type="button">Next</button>`,
  page`Microsoft (Entra ID / live.com) | idTxtBx_SAOTCC_OTC | heuristic
    memory (name otc, id idTxtBx_SAOTCC_OTC seen in public scripts)
    <form name="f1" id="i0281" method="post"><div id="idDiv_SAOTCC_Title" role="heading" aria-level="1">Enter code</div>
    <div id="idDiv_SAOTCC_Description">Enter the code displayed in the Microsoft Authenticator app on your mobile device</div>
    <input name="otc" type="tel" id="idTxtBx_SAOTCC_OTC" class="form-control" maxlength="8" autocomplete="off" aria-required="true" placeholder="Code" aria-label="Code" aria-describedby="idDiv_SAOTCC_Description">
    <input name="rememberMFA" type="checkbox" id="idChkBx_SAOTCC_TD"><label for="idChkBx_SAOTCC_TD">Don't ask again for 90 days</label>
    <input type="submit" id="idSubmit_SAOTCC_Continue" value="Verify"></form>`,
  page`Amazon | auth-mfa-otpcode | heuristic
    memory (ids auth-mfa-form, auth-mfa-otpcode, name otpCode and the wording seen in public scripts)
    <h1>Two-Step Verification</h1><form id="auth-mfa-form" method="post"><p>For added security, please enter the One Time Password (OTP) generated by your Authenticator App</p>
    <label for="auth-mfa-otpcode" class="a-form-label">Enter OTP:</label>
    <input type="tel" maxlength="20" id="auth-mfa-otpcode" autocomplete="off" name="otpCode" class="a-input-text a-span12 auth-autofocus auth-required-field">
    <label for="auth-mfa-remember-device"><input type="checkbox" name="rememberDevice" id="auth-mfa-remember-device">Don't require OTP on this browser</label>
    <input id="auth-signin-button" class="a-button-input" type="submit"></form>`,
  page`Facebook | approvals_code | heuristic
    memory (id/name approvals_code seen in public scripts)
    <form method="post" class="checkpoint"><h2>Two-factor authentication required</h2><p>You've asked us to require a 6-digit login code when anyone tries to access your account from a new device or browser.</p>
    <input type="text" class="inputtext" id="approvals_code" name="approvals_code" placeholder="Login code" autocomplete="off">
    <button type="submit" id="checkpointSubmitButton">Continue</button></form>`,
  page`Discord (one field for an app code or a backup code) | dc | one-time-code
    memory; placeholder, aria-label and wording seen in public scripts; id dc is a test id
    <form><h1>Two-factor authentication</h1><div>You can use a backup code or your two-factor authentication mobile app.</div>
    <input id="dc" class="inputDefault" type="text" autocomplete="one-time-code" aria-label="Enter Discord Auth/Backup Code" placeholder="6-digit authentication code/8-digit backup code" maxlength="10" autofocus>
    <button type="submit">Log In</button><button type="button">Go back to Login</button></form>`,
  page`ASP.NET Core Identity LoginWith2fa | Input_TwoFactorCode | heuristic
    dotnet/aspnetcore:src/Identity/UI/src/Areas/Identity/Pages/V5/Account/LoginWith2fa.cshtml, LoginWith2fa.cshtml.cs (Display name, StringLength 6–7; tag-helper attributes as the helpers render them, maxlength from memory)
    <h1>Two-factor authentication</h1><hr><p>Your login is protected with an authenticator app. Enter your authenticator code below.</p>
    <div class="row"><div class="col-md-4"><form method="post" action="/Identity/Account/LoginWith2fa?returnUrl=%2F"><input type="hidden" id="RememberMe" name="RememberMe" value="False">
    <div class="form-floating mb-3"><input class="form-control" autocomplete="off" type="text" data-val="true" data-val-length="The Authenticator code must be at least 6 and at max 7 characters long." data-val-length-max="7" data-val-length-min="6" data-val-required="The Authenticator code field is required." id="Input_TwoFactorCode" maxlength="7" name="Input.TwoFactorCode" value="">
    <label class="form-label" for="Input_TwoFactorCode">Authenticator code</label><span class="text-danger field-validation-valid" data-valmsg-for="Input.TwoFactorCode" data-valmsg-replace="true"></span></div>
    <div class="checkbox mb-3"><label class="form-label" for="Input_RememberMachine"><input type="checkbox" id="Input_RememberMachine" name="Input.RememberMachine" value="true"> Remember this machine</label></div>
    <div><button type="submit" class="w-100 btn btn-lg btn-primary">Log in</button></div></form></div></div>
    <p>Don't have access to your authenticator device? You can <a id="recovery-code-login" href="/Identity/Account/LoginWithRecoveryCode?ReturnUrl=%2F">log in with a recovery code</a>.</p>`,
  page`Symfony scheb/2fa-bundle default form | _auth_code | one-time-code
    scheb/2fa:src/bundle/Resources/views/Authentication/form.html.twig; English strings of SchebTwoFactorBundle from memory
    <p>Switch authentication method: <a href="/2fa?preferProvider=totp">totp</a></p>
    <p class="label"><label for="_auth_code">Authentication Code totp:</label></p>
    <form class="form" action="/2fa_check" method="post"><p class="widget"><input id="_auth_code" type="text" name="_auth_code" autocomplete="one-time-code" autofocus></p>
    <p class="widget"><label for="_trusted"><input id="_trusted" type="checkbox" name="_trusted"> I'm on a trusted device</label></p>
    <p class="submit"><input type="submit" value="Login"></p></form><p class="cancel"><a href="/logout">Cancel</a></p>`,
  page`Keycloak (keycloak.v2 theme) | otp | one-time-code
    keycloak/keycloak:themes/src/main/resources/theme/keycloak.v2/login/login-otp.ftl, field.ftl, template.ftl (the read-only attempted-username group); message texts from memory
    <header id="kc-header" class="pf-v5-c-login__header"><div id="kc-header-wrapper" class="pf-v5-c-brand">Keycloak</div></header>
    <main class="pf-v5-c-login__main"><div class="pf-v5-c-login__main-header"><h1 class="pf-v5-c-title pf-m-3xl" id="kc-page-title">Sign In</h1></div><div class="pf-v5-c-login__main-body">
    <div class="pf-v5-c-form pf-v5-c-login__main-body"><div class="pf-v5-c-form__group"><div class="pf-v5-c-form__group-label"><label for="username" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">Username or email</span></label></div>
    <div class="pf-v5-c-input-group"><div class="pf-v5-c-input-group__item pf-m-fill"><span class="pf-v5-c-form-control pf-m-readonly"><input id="kc-attempted-username" value="alice" readonly></span></div><div class="pf-v5-c-input-group__item"><button id="reset-login" type="button" aria-label="Restart login">Restart login</button></div></div></div></div>
    <form id="kc-otp-login-form" class="pf-v5-c-form" action="" method="post"><input id="selectedCredentialId" type="hidden" name="selectedCredentialId" value="">
    <div class="pf-v5-c-form__group"><div class="pf-v5-c-form__group-label"><label for="otp" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">One-time code</span></label></div>
    <span class="pf-v5-c-form-control"><input id="otp" name="otp" value="" type="text" autocomplete="one-time-code" autofocus aria-invalid=""></span><div id="input-error-container-otp"></div></div>
    <div class="pf-v5-c-form__group pf-m-action"><button class="pf-v5-c-button pf-m-primary pf-m-block" name="login" id="kc-login" type="submit">Sign In</button></div></form>
    <form id="kc-select-try-another-way-form" action="" method="post" novalidate="novalidate"><input type="hidden" name="tryAnotherWay" value="on"><a id="try-another-way" href="#">Try Another Way</a></form></div></main>`,
  page`authentik (authenticator validation, TOTP device) | code | one-time-code
    goauthentik/authentik:web/src/flow/stages/authenticator_validate/AuthenticatorValidateStageCode.ts, base.ts, web/src/elements/forms/FormElement.ts, web/src/flow/components/ak-flow-card.ts (shadow roots flattened; the user-info row from memory; the h1 is the default flow title)
    <ak-flow-card><header class="pf-c-login__main-header"><h1 class="pf-c-title pf-m-3xl">Welcome to authentik!</h1></header><div class="pf-c-login__main-body">
    <form class="pf-c-form"><div class="pf-c-form__group"><div class="form-control-static"><div class="avatar"><img class="pf-c-avatar" src="" alt="User's avatar">akadmin</div><a href="/flows/-/cancel/">Not you?</a></div></div>
    <div class="icon-description"><i class="fa fa-clock" aria-hidden="true"></i><p>Open your two-factor authenticator app to view your authentication code.</p></div>
    <ak-form-element label="Authentication code" required class="pf-c-form__group"><div class="pf-c-form__group"><label class="pf-c-form__label"><span class="pf-c-form__label-text">Authentication code</span><span class="pf-c-form__label-required" aria-hidden="true">*</span></label>
    <input type="text" name="code" inputmode="numeric" pattern="[0-9]*" placeholder="Please enter your code" autofocus autocomplete="one-time-code" class="pf-c-form-control" value="" required></div></ak-form-element>
    <div class="pf-c-form__group pf-m-action"><button type="submit" class="pf-c-button pf-m-primary pf-m-block">Continue</button></div></form></div></ak-flow-card>`,
  page`Ory Kratos self-service UI (aal2: TOTP and lookup secret in one form) | totp_code | heuristic
    ory/kratos-selfservice-ui-node:views/login.hbs, partials/ui.hbs, ui_node_input_default.hbs, ui_node_input_button.hbs; labels from ory/kratos text/message_login.go (the messages partial markup from memory)
    <div class="auth app-container" id="login"><div class="card"><h2 class="typography-h2 card-title">Two-Factor Authentication</h2>
    <form action="/self-service/login?flow=1" method="POST"><div class="messages"><div class="message info">Please complete the second authentication challenge.</div></div><input name="csrf_token" type="hidden" value="">
    <fieldset class="text-input-fieldset" data-testid="node-totp_code"><label><span class="typography-h3">Authentication code<span class="required-indicator">*</span></span><input class="text-input" name="totp_code" type="text" value="" placeholder="Authentication code"></label></fieldset>
    <div class="input-button"><button class="button" name="method" type="submit" value="totp">Use Authenticator</button></div>
    <fieldset class="text-input-fieldset" data-testid="node-lookup_secret"><label><span class="typography-h3">Backup recovery code<span class="required-indicator">*</span></span><input class="text-input" name="lookup_secret" type="text" value="" placeholder="Backup recovery code"></label></fieldset>
    <div class="input-button"><button class="button" name="method" type="submit" value="lookup_secret">Use backup recovery code</button></div></form></div>
    <div class="card"><div class="card-action"><a class="typography-link typography-h2" data-testid="logout-link" href="/logout">Log out</a></div></div></div>`,
  page`BookStack | code | heuristic
    BookStackApp/BookStack:resources/views/mfa/verify.blade.php, mfa/parts/verify-totp.blade.php; strings from lang/en/auth.php
    <div class="container very-small py-xl"><div class="card content-wrap auto-height"><h1 class="list-heading">Verify Access</h1>
    <p class="mb-none">Your user account requires you to confirm your identity via an additional level of verification before you're granted access. Verify using one of your configured methods to continue.</p>
    <hr class="my-l"><div class="setting-list-label">Mobile App</div><p class="small mb-m">Enter the code, generated using your mobile app, below:</p>
    <form action="/mfa/totp/verify" method="post"><input type="text" name="code" autofocus placeholder="Provide your app generated code here" class="input-fill-width ">
    <div class="mt-s text-right"><button class="button">Confirm</button></div></form>
    <hr class="my-l"><div class="text-center"><a href="/mfa/verify?method=backup_codes">Verify using a backup code</a></div></div></div>`,
  page`Plausible (older verify_2fa_input) | code | heuristic
    plausible/analytics:lib/plausible_web/templates/auth/verify_2fa.html.heex and the older PlausibleWeb.Components.TwoFactor.verify_2fa_input (focus_box markup from memory)
    <div class="focus-box"><h2 class="text-xl font-black">Enter Your 2FA Code</h2><div class="mt-2 text-gray-500">Enter the code from your authenticator application before it expires or wait for a new one.</div>
    <form action="/2fa/verify" method="post"><div class="mt-2 text-gray-500 leading-tight"><div class="mt-6 flex items-center justify-center sm:justify-start">
    <input id="code" name="code" type="text" autocomplete="off" class="font-mono tracking-[0.5em] w-36 pl-5 font-medium shadow-sm block rounded-l-md" maxlength="6" placeholder="••••••" value="" required>
    <button id="verify" class="button rounded-l-none">Verify &rarr;</button></div>
    <div><input type="hidden" name="remember_2fa" value="false"><input type="checkbox" id="remember_2fa" name="remember_2fa" value="true"><label for="remember_2fa">Trust this device for 30 days</label></div>
    <input type="hidden" id="return_to" name="return_to" value=""></div></form>
    <ul><li>Can't access your authenticator app? <a href="/2fa/use_recovery_code">Use recovery code</a></li><li>Lost your recovery codes? <a href="https://plausible.io/contact">Contact us</a></li></ul></div>`,
  page`Redmine | twofa_code | heuristic
    redmine/redmine:app/views/account/twofa_confirm.html.erb; strings of config/locales/en.yml from memory
    <div id="login-form"><h3>Two-factor authentication</h3><p>Please enter the code from your authenticator app.</p>
    <form id="twofa_form" action="/account/twofa" method="post"><label for="twofa_code">Code</label>
    <input type="text" name="twofa_code" id="twofa_code" tabindex="1" autocomplete="off" autofocus>
    <input type="submit" name="submit_otp" value="Login" tabindex="2" id="login-submit"></form></div>`,
  page`Flask-Security two-factor | code | heuristic
    pallets-eco/flask-security:flask_security/templates/security/two_factor_verify_code.html, forms.py (field label "Authentication Code"); the _macros.html markup and the rescue form's choices from memory
    <h1>Two-factor Authentication</h1><h2>Please enter your authentication code generated via: authenticator</h2>
    <form action="/tf-validate" method="POST" name="two_factor_verify_code_form"><div class="fs-div"><label for="code">Authentication Code</label> <input id="code" name="code" placeholder="enter code" type="text" value=""></div>
    <div class="fs-div"><input id="submit" name="submit" type="submit" value="Submit Code"></div></form>
    <form action="/tf-rescue" method="POST" name="two_factor_rescue_form"><div class="fs-div"><label for="help_setup">Trouble Accessing Your Account?/Lost Mobile Device?</label>
    <ul id="help_setup"><li><input id="help_setup-0" name="help_setup" type="radio" value="lost_device"> <label for="help_setup-0">Can't access mobile device?</label></li><li><input id="help_setup-1" name="help_setup" type="radio" value="no_mail_access"> <label for="help_setup-1">Can't access email?</label></li></ul></div>
    <div class="fs-div"><input id="submit-rescue" name="submit" type="submit" value="Submit"></div></form>`,
  page`Snipe-IT | two_factor_secret | heuristic
    grokability/snipe-it:resources/views/auth/two_factor.blade.php; resources/lang/en-US/admin/settings/general.php
    <div class="container"><div class="row"><div class="col-md-4 col-md-offset-4"><form role="form" action="two-factor" method="POST"><div class="box login-box">
    <div class="box-header"><h2 class="box-title"> Two Factor Authentication</h2></div><div class="login-box-body"><div class="row"><div class="col-md-12"><input type="hidden" name="_token" value="">
    <fieldset><div class="form-group"><input class="form-control" placeholder="Two-Factor Code" name="two_factor_secret" type="text" aria-label="two_factor_secret" autofocus></div></fieldset></div></div></div>
    <div class="box-footer"><button class="btn btn-lg btn-primary btn-block">Submit</button></div><div class="col-md-12 col-sm-12 col-xs-12 text-right"><a href="/logout" id="2fa-logout-button">Cancel</a></div></div></form></div></div></div>`,
  page`Mattermost | input_token | heuristic
    mattermost/mattermost:webapp/channels/src/components/login/login_mfa.tsx (ColumnLayout and the design-system Input rendered from memory; strings from the login_mfa.* defaults)
    <div class="login-body"><div class="column-layout"><div class="column-layout-wrapper"><p class="column-layout-title">Enter MFA Token</p>
    <p class="column-layout-message">To complete the sign in process, please enter a token from your smartphone's authenticator</p>
    <div class="column-layout-extra-content"><div class="login-mfa-form"><div class="Input_container login-mfa-form-input"><fieldset class="Input_fieldset"><legend class="Input_legend">Enter MFA Token</legend>
    <div class="Input_wrapper"><input id="input_token" class="Input form-control large" name="token" type="text" value="" placeholder="Enter MFA Token" autofocus></div></fieldset></div>
    <div class="login-mfa-form-button-container"><button id="saveSetting" type="submit" class="btn btn-primary login-mfa-form-button-submit large" disabled>Submit</button></div></div></div></div></div></div>`,
  page`OpenProject | otp | heuristic
    opf/openproject:modules/two_factor_authentication/app/views/two_factor_authentication/authentication/request_otp.html.erb (styled_* helper markup and the request_2fa text from memory)
    <div id="login-form" class="form -bordered"><form action="/two_factor_authentication/confirm_otp" method="post" autocomplete="off" id="submit_otp" class="form">
    <h2>Two-factor authentication</h2><p>Please enter the one-time password from your authenticator app <strong>Phone</strong>.</p><hr class="form--separator"><input type="hidden" name="back_url" value="/">
    <div class="form--field -wide-label"><label class="form--label" for="otp" title="One-time password">One-time password</label>
    <div class="form--field-container"><span class="form--text-field-container"><input type="text" name="otp" id="otp" autocomplete="off" size="6" maxlength="6" tabindex="1" class="form--text-field" autofocus></span></div></div>
    <input type="submit" name="login" value="Sign in" class="button -highlight" tabindex="2">
    <div class="login-options-container"><div class="login-links"><a href="#" id="toggle_resend_form" tabindex="3">Did not receive a one-time password?</a></div></div></form></div>`,
  page`Passbolt | totp | heuristic
    passbolt/passbolt_api:plugins/Passbolt/MultiFactorAuthentication/src/Template/Totp/verify_form.ctp (CakePHP control markup; the formActions element from memory)
    <div class="login-form "><h1>Enter the six digit number as presented on your phone or tablet.</h1>
    <form method="post" accept-charset="utf-8" class="totp-setup" action="/mfa/verify/totp"><div class="input text required"><label for="totp">One Time Password (OTP)</label><input type="text" name="totp" placeholder="123456" required="required" id="totp"></div>
    <div class="input checkbox"><input type="checkbox" name="remember" value="remember" id="remember"><label for="remember">Remember this device for a month.</label></div>
    <div class="form-actions"><input type="submit" class="button primary big" value="Validate"></div></form></div>`,
  page`Directus (OTP field added to the sign-in form) | t-otp | one-time-code
    directus/directus:app/src/routes/login/components/login-form/login-form.vue (v-input rendered as its inner input; "otp" string from the en-US locale from memory; id t-otp is a test id; the new field takes focus)
    <form novalidate><div class="v-input"><div class="input"><input autocomplete="username" type="email" placeholder="Email" value="admin@example.com"></div></div>
    <div class="v-input"><div class="input"><input type="password" autocomplete="current-password" placeholder="Password" value="secret"></div></div>
    <div class="v-input"><div class="input"><input id="t-otp" type="text" autocomplete="one-time-code" placeholder="One-Time Password" data-focus></div></div>
    <div class="buttons"><button class="sign-in" type="submit">Sign In</button><a href="/admin/reset-password" class="forgot-password">Forgot Password</a></div></form>`,
  page`Bugzilla | code | heuristic
    bugzilla/bugzilla:template/en/default/mfa/totp/verify.html.tmpl
    <h1>Account Verification</h1><p><b>Logging in as alice@example.com</b> requires verification.<br>Please enter your verification code from your TOTP application:</p>
    <form method="POST" action="/token.cgi"><input type="hidden" name="t" value=""><input type="text" name="code" id="code" placeholder="123456" maxlength="6" pattern="\\d{6}" size="10" autocomplete="off" required autofocus><br><br><input type="submit" value="Submit"></form>`,
  page`PyPI | totp_value | one-time-code
    pypi/warehouse:warehouse/templates/accounts/two-factor.html (TOTP only, no security device; WTForms renders totp_value with id, name, type text)
    <div class="horizontal-section"><div class="site-container"><h1 class="page-title">Two-factor authentication</h1><div class="twofa-login">
    <div class="twofa-login__method"><form method="post" action="/account/two-factor/?next=%2F" id="totp-auth-form"><h2>Authenticate with an app</h2><input name="method" type="hidden" value="totp">
    <div class="form-group"><label for="totp_value" class="form-group__label">Enter authentication code <span class="form-group__required">(required)</span></label>
    <input autocapitalize="off" autocomplete="one-time-code" inputmode="numeric" pattern="\\d{6}" required="required" spellcheck="false" class="form-group__field" aria-describedby="totp-errors" autofocus id="totp_value" name="totp_value" type="text" value=""></div>
    <div class="form-group"><input type="submit" value="Verify" class="button button--primary"></div>
    <div class="form-group"><label><input type="checkbox" name="remember_device" value="true"> Remember this device for 30 days</label></div>
    <p>Generate a code using the authentication application connected to your PyPI account. Enter this code in the form to verify your identity.</p>
    <p>Lost your application? Not working? <a href="/help/#totp">Get help</a>.</p></form></div></div>
    <hr><div class="twofa-recovery"><p>Lost your security key or application?</p><a href="/account/recovery-code/?next=%2F" class="button button--secondary">Login using recovery codes</a></div></div></div>`,
  page`PyPI (security device and app) | totp_value | one-time-code
    pypi/warehouse:warehouse/templates/accounts/two-factor.html (has_webauthn and totp_form both set)
    <div class="horizontal-section"><div class="site-container"><h1 class="page-title">Two-factor authentication</h1><div class="twofa-login">
    <div class="twofa-login__method twofa-login__method--padded"><h2>Authenticate with a security device (e.g. USB key)</h2><p>Connect your security device and click the "Authenticate with device" button.</p>
    <form id="webauthn-auth-form"><button type="submit" id="webauthn-auth-begin" class="button button--primary" disabled>Authenticate with device</button><ul id="webauthn-errors" class="form-errors form-errors--full-width margin-top--large"><li id="webauthn-browser-support" class="hidden"><a href="#">Upgrade your browser</a> to log in with a security device (e.g. USB key)</li></ul>
    <div class="form-group"><label><input type="checkbox" id="remember_device_webauthn" name="remember_device" value="true"> Remember this device for 30 days</label></div>
    <p class="margin-top--large">Lost your device? Not working? <a href="/help/#utfkey">Get help</a>.</p></form></div><div class="twofa-login__divider"></div>
    <div class="twofa-login__method twofa-login__method--padded"><form method="post" action="/account/two-factor/" id="totp-auth-form"><h2>Authenticate with an app</h2><input name="method" type="hidden" value="totp">
    <div class="form-group"><label for="totp_value" class="form-group__label">Enter authentication code <span class="form-group__required">(required)</span></label>
    <input autocapitalize="off" autocomplete="one-time-code" inputmode="numeric" pattern="\\d{6}" required="required" spellcheck="false" class="form-group__field" aria-describedby="totp-errors" id="totp_value" name="totp_value" type="text" value=""></div>
    <div class="form-group"><input type="submit" value="Verify" class="button button--primary"></div>
    <div class="form-group"><label><input type="checkbox" name="remember_device" value="true"> Remember this device for 30 days</label></div>
    <p>Generate a code using the authentication application connected to your PyPI account. Enter this code in the form to verify your identity.</p>
    <p>Lost your application? Not working? <a href="/help/#totp">Get help</a>.</p></form></div></div>
    <hr><div class="twofa-recovery"><p>Lost your security key or application?</p><a href="/account/recovery-code/" class="button button--secondary">Login using recovery codes</a></div></div></div>`,
  page`RubyGems.org | otp | heuristic
    rubygems/rubygems.org:app/views/multifactor_auths/otp_prompt.html.erb (Rails tag helpers rendered; strings "Multi-factor authentication", "OTP code", "Authenticate" from memory of config/locales/en.yml)
    <main class="main--interior"><div class="l-wrap--b"><h1 class="page__heading">Multi-factor authentication</h1><div class="mfa__container">
    <form action="/session/otp_create" accept-charset="UTF-8" method="post"><div class="text_field"><label class="form__label" for="otp">OTP code</label>
    <input type="text" name="otp" id="otp" value="" class="form__input" autofocus="autofocus" autocomplete="off"></div>
    <div class="form_bottom"><input type="submit" name="commit" value="Authenticate" class="form__submit" data-disable-with="Please wait..."></div></form></div></div></main>`,
  page`RubyGems.org (older prompt: OTP or recovery code) | otp | heuristic
    rubygems/rubygems.org:app/views/sessions/prompt.html.erb@06ca0a7 (strings of sessions.prompt.* and multifactor_auths.recovery_code_html from memory)
    <h1 class="page__heading">Multi-factor authentication</h1><div class="mfa__container"><div class="mfa__option"><h2 class="page__subheading--block"> OTP code</h2>
    <div class="t-body"><p>You can use a valid <a href="/multifactor_auth/recovery">recovery code</a> if you have lost access to your multi-factor authentication device.</p></div>
    <form class="mfa-form" action="/session/mfa_create" accept-charset="UTF-8" method="post"><div class="text_field"><label class="form__label" for="otp">OTP or recovery code</label>
    <input type="text" name="otp" id="otp" value="" class="form__input" autofocus="autofocus" autocomplete="off"></div>
    <div class="form_bottom"><input type="submit" name="commit" value="Verify code" class="form__submit" data-disable-with="Please wait..."></div></form></div></div>`,
  page`Hex.pm | code | heuristic
    hexpm/hexpm:lib/hexpm_web/templates/tfa_auth/show.html.heex (auth_layout, text_input and button components rendered from memory)
    <div class="auth-layout"><div class="auth-card"><h1 class="text-2xl font-semibold">Two-factor authentication</h1><p class="text-grey-600">Enter the 6-digit code from your authenticator app</p>
    <form action="/tfa" method="post" id="tfa-form" class="space-y-6"><div class="input-wrapper"><label for="code" class="block text-sm font-medium">Authentication Code</label>
    <input type="text" id="code" name="code" placeholder="000000" pattern="\\d{6}" title="Must be 6 digits" maxlength="6" inputmode="numeric" autocomplete="off" class="w-full rounded"></div>
    <button type="submit" class="w-full btn btn-primary">Verify</button></form></div>
    <p class="text-small text-center mt-8"><span class="text-grey-800">Lost access to your app?</span><a href="/tfa/recovery" class="font-semibold ml-1">Use a recovery code</a></p></div>`,
  page`Packagist | _auth_code | heuristic
    composer/packagist:templates/bundles/SchebTwoFactorBundle/Authentication/form.html.twig ("login"/"cancel" of SchebTwoFactorBundle as "Login"/"Cancel")
    <h2 class="title">Two-Factor Authentication</h2><p>This account is protected by two-factor authentication. Please enter your code below to proceed.</p>
    <section class="row"><div class="col-md-6"><form action="/2fa_check" method="post"><div class="form-group"><label for="_auth_code">Authentication code:</label>
    <div class="input-group"><input id="_auth_code" class="form-control" type="text" autocomplete="off" name="_auth_code"><span class="input-group-addon"><span class="icon-key"></span></span></div></div>
    <div class="form-group"><div class="checkbox"><label for="_trusted"><input id="_trusted" type="checkbox" name="_trusted"> Trust this computer for 30 days</label></div></div>
    <input type="submit" class="btn btn-block btn-primary btn-lg" value="Login"></form><hr><a href="/logout">Cancel</a></div><div class="clearfix"></div></section>`,
  page`Roundcube twofactor_gauthenticator | 2FA_code | heuristic
    alexandregz/twofactor_gauthenticator:twofactor_gauthenticator_form.js, localization/en_US.inc (rows added to the elastic login form, which is from memory; the script focuses the field)
    <div id="layout-content" class="selected no-navbar" role="main"><img src="skins/elastic/images/logo.svg" id="logo" alt="Logo">
    <form id="login-form" name="login-form" method="post" class="propform" action="./"><input type="hidden" name="_task" value="mail"><input type="hidden" name="_action" value=""><input type="hidden" name="_timezone" id="rcmlogintz" value="Europe/Berlin">
    <table><tbody><tr><td class="title"><label for="2FA_code">2-Step Verification</label></td><td class="input"><input name="_code_2FA" id="2FA_code" size="10" autocapitalize="off" autocomplete="off" type="text" maxlength="10" data-focus></td></tr>
    <tr><td colspan="2"><label style="color: #fefefe"><input type="checkbox" id="remember_2FA" name="_remember_2FA" value="yes">Don't ask me codes again on this computer for 30 days</label></td></tr></tbody></table>
    <p class="formbuttons"><button type="submit" id="rcmloginsubmit" class="button mainaction submit">Login</button></p></form><div id="login-footer" role="contentinfo">Roundcube Webmail</div></div>`,
  page`Proxmox VE (TfaLoginWindow, TOTP tab) | textfield-1042-inputEl | heuristic
    proxmox/proxmox-widget-toolkit:src/window/TfaWindow.js (ExtJS markup of window, tab panel and textfield as ExtJS renders them, from memory; other tabs hidden with their fields disabled; the login window behind it from pve-manager www/manager6/window/LoginWindow.js, reduced)
    <div class="x-window x-layer" role="dialog" aria-labelledby="loginwindow-1010_header-title-textEl"><div class="x-window-header"><div id="loginwindow-1010_header-title-textEl" class="x-title-text">Proxmox VE Login</div></div>
    <div class="x-window-body"><form class="x-panel x-form"><div class="x-field x-form-item"><label for="textfield-1012-inputEl" class="x-form-item-label"><span class="x-form-item-label-text">User name:</span></label><input id="textfield-1012-inputEl" type="text" name="username" class="x-form-field x-form-text" autocomplete="username" value="root"></div>
    <div class="x-field x-form-item"><label for="textfield-1013-inputEl" class="x-form-item-label"><span class="x-form-item-label-text">Password:</span></label><input id="textfield-1013-inputEl" type="password" name="password" class="x-form-field x-form-text" autocomplete="current-password"></div></form></div></div>
    <div class="x-mask" style="width:100%;height:100%"></div>
    <div class="x-window x-layer" role="dialog" aria-labelledby="tfaloginwindow-1030_header-title-textEl"><div class="x-window-header"><div id="tfaloginwindow-1030_header-title-textEl" class="x-title-text">Second login factor required</div><div class="x-tool" role="button" aria-label="Close"></div></div>
    <div class="x-window-body"><div class="x-tab-panel"><div class="x-tab-bar" role="tablist"><a class="x-tab x-tab-disabled" role="tab" aria-disabled="true"><span class="x-tab-inner">WebAuthn</span></a><a class="x-tab x-tab-active" role="tab" aria-selected="true"><span class="x-tab-inner">TOTP App</span></a><a class="x-tab" role="tab"><span class="x-tab-inner">Recovery Key</span></a><a class="x-tab x-tab-disabled" role="tab" aria-disabled="true"><span class="x-tab-inner">U2F</span></a><a class="x-tab x-tab-disabled" role="tab" aria-disabled="true"><span class="x-tab-inner">Yubico OTP</span></a></div>
    <div class="x-tab-panel-body"><div class="x-panel" role="tabpanel" style="display:none"><div class="x-component">Please insert your authentication device and press its button</div></div>
    <div class="x-panel" role="tabpanel"><div class="x-field x-form-item x-form-type-text" id="textfield-1042"><label id="textfield-1042-labelEl" class="x-form-item-label" for="textfield-1042-inputEl" style="width:305px"><span class="x-form-item-label-inner" style="width:300px"><span class="x-form-item-label-text">Please enter your TOTP verification code:</span></span></label>
    <div id="textfield-1042-bodyEl" class="x-form-item-body"><div class="x-form-trigger-wrap"><div class="x-form-text-wrap"><input id="textfield-1042-inputEl" data-ref="inputEl" type="text" role="textbox" size="1" name="totp" class="x-form-field x-form-required-field x-form-text" autocomplete="off" aria-required="true" aria-invalid="false" data-focus></div></div></div></div></div>
    <div class="x-panel" role="tabpanel" style="display:none"><div class="x-field x-form-item"><label for="textfield-1046-inputEl" class="x-form-item-label"><span class="x-form-item-label-text">Please enter one of your single-use recovery keys:</span></label><input id="textfield-1046-inputEl" type="text" name="recoveryKey" class="x-form-field x-form-text" disabled></div></div></div></div></div>
    <div class="x-toolbar x-docked-bottom"><a class="x-btn" role="button" id="button-1050"><span class="x-btn-inner">Confirm Second Factor</span></a></div></div>`,
  page`Magento 2 admin (MSP_TwoFactorAuth, Google Authenticator) | tfa_code | heuristic
    magespecialist/m2-MSP_TwoFactorAuth:view/adminhtml/web/template/google/auth.html (the module that became Magento_TwoFactorAuth; knockout i18n bindings as their text, the hidden "login" step as display:none)
    <div><div><form method="post"><fieldset class="admin__fieldset"><legend class="admin__legend"><span>2FA - Google Auth</span></legend><br>
    <div class="admin__field _required field-tfa_code"><label for="tfa_code" class="admin__field-label"><span>Authenticator code</span></label>
    <div class="admin__field-control"><input id="tfa_code" class="admin__control-text" type="password" autofocus placeholder="Your code'"></div></div>
    <div class="form-actions"><div class="actions"><button class="action-login action-primary"><span>Confirm</span></button></div></div></fieldset></form></div>
    <div class="msp-tfa-waitbox" style="display:none"><div data-role="spinner"><div class="spinner"><span></span><span></span></div></div><div>Redirecting to Magento Admin Panel...</div></div></div>`,
  page`Matomo | login_form_authcode | heuristic
    matomo-org/matomo:plugins/TwoFactorAuth/templates/loginTwoFactorAuth.twig@f439985, plugins/TwoFactorAuth/lang/en.json (contentBlock.twig and login layout markup from memory)
    <section class="loginSection"><div class="contentForm loginForm"><div class="card"><div class="card-content"><h2 class="card-title">Two-factor authentication</h2><div class="message_container"></div>
    <form method="post" action="/index.php?module=Login" class="loginTwoFaForm"><div class="row"><div class="col s12 input-field"><input type="hidden" name="form_nonce" id="login_form_nonce" value="">
    <input type="text" name="form_authcode" placeholder="" id="login_form_authcode" class="input" value="" size="20" autocorrect="off" autocapitalize="none" autocomplete="off" tabindex="10" autofocus="autofocus">
    <label for="login_form_authcode"><i class="icon-user icon"></i> Authentication code</label></div></div>
    <div class="row actions"><div class="col s12"><input class="submit btn" id="login_form_submit" type="submit" value="Verify" tabindex="100"></div></div></form>
    <p>Open the two-factor authentication app on your device to view your authentication code and verify your identity. <a href="https://matomo.org/faq/general/faq_27245" rel="noreferrer noopener">Learn more</a><br><br><strong>Don’t have your mobile device?</strong><br>
    <a href="https://matomo.org/faq/how-to/faq_27248" rel="noreferrer noopener">Enter one of your recovery codes</a><br><a href="mailto:admin@example.com" rel="noreferrer noopener">Ask super user to reset your authentication code</a><br><a href="/index.php?module=Login&amp;action=logout" rel="noreferrer noopener">Logout</a></p></div></div></div></section>`,
  page`ownCloud TOTP | totp | heuristic
    owncloud/twofactor_totp:templates/challenge.php, lib/Provider/TotpProvider.php (display name and description); owncloud core's twofactorshowchallenge.php wrapper from memory
    <div class="warning"><h2 class="two-factor-header">Time-based One-time Password</h2><p>Authenticate with a TOTP app</p>
    <form method="POST" name="login"><div class="grouptop"><input id="totp" type="text" name="challenge" required="required" autofocus autocomplete="off" autocapitalize="off"></div>
    <div class="submit-wrap"><button type="submit" id="submit" class="login-button"><span>Verify</span><div class="loading-spinner"><div></div><div></div><div></div><div></div></div></button></div></form></div>
    <a class="two-factor-cancel" href="/logout">Cancel login</a>`,
  page`Seafile | token | heuristic
    haiwen/seahub:seahub/two_factor/templates/two_factor/core/login.html (token step, TOTP device; wizard management field name from memory)
    <div class="login-panel-outer-container"><div class="login-panel" id="log-in-panel"><h1 class="login-panel-hd">Two-Factor Authentication</h1>
    <form action="" method="post" class="con"><input type="hidden" name="two_factor_core_login_view-current_step" value="token">
    <p>Open the two-factor authentication app on your device to view your authentication token and verify your identify.</p>
    <input id="token" type="text" name="token-otp_token" placeholder="Authentication token" value="" class="input two-factor-auth-login-token-input" autocomplete="off" autofocus="autofocus">
    <label class="checkbox-label mt-3 mb-0 remember-me"><input type="checkbox" name="token-remember_me" class="form-check-input remember-input"><span class="vam">Remember this computer for 7 days</span></label>
    <p class="error hide"></p><button type="submit" class="submit btn btn-primary btn-block h-auto mb-3">Verify</button>
    <div class="two-factor-auth-login-no-phone"><p>Don't have your phone? <button name="wizard_goto_step" value="backup" type="submit" class="sf-link-btn">Enter a two-factor backup code</button></p></div></form></div></div>`,
  page`Django admin with django-otp (OTPAdminSite) | id_otp_token | heuristic
    django-otp/django-otp:src/django_otp/templates/otp/admin111/login.html, forms.py (OTPAuthenticationForm after a right password: device select and token shown, "Please enter your OTP token." error; the page script focuses the username)
    <div id="header"><div id="branding"><h1 id="site-name"><a href="/admin/">Django administration</a></h1></div></div>
    <div id="content" class="colM"><p class="errornote">Please enter your OTP token.</p><div id="content-main">
    <form action="/admin/login/?next=/admin/" method="post" id="login-form"><div class="form-row"><label class="required" for="id_username">Username:</label> <input type="text" name="username" value="admin" autofocus autocapitalize="none" autocomplete="username" maxlength="150" required id="id_username" data-focus></div>
    <div class="form-row"><label class="required" for="id_password">Password:</label> <input type="password" name="password" autocomplete="current-password" required id="id_password"><input type="hidden" name="next" value="/admin/"></div>
    <div class="form-row"><label for="id_otp_device">OTP Device:</label> <select name="otp_device" id="id_otp_device"><option value="otp_totp.totpdevice/1">admin phone</option></select></div>
    <div class="form-row"><label for="id_otp_token" class="required">OTP Token:</label> <input type="text" name="otp_token" autocomplete="off" id="id_otp_token"></div>
    <div class="submit-row"><label>&nbsp;</label><input type="submit" value="Log in"><label>&nbsp;</label><input type="submit" name="otp_challenge" value="Get OTP Challenge"></div></form></div></div>`,
  page`devise-otp | token | heuristic
    wmlele/devise-otp:app/views/devise/otp_credentials/show.html.erb, config/locales/en.yml (Rails form helpers rendered)
    <h2>Check Token</h2><p>You're getting this because you enabled Two-Factor Authentication on your account</p>
    <form class="edit_user" id="edit_user" action="/users/otp/credential" accept-charset="UTF-8" method="post"><input type="hidden" name="_method" value="put"><input type="hidden" name="challenge" id="challenge" value="abc"><input type="hidden" name="recovery" id="recovery" value="false"><input type="hidden" name="remember_me" id="remember_me" value="false">
    <p><label for="token">Please enter your Two-Factor Authentication token:</label><br></p>
    <input type="text" name="token" id="token" autocomplete="off" autofocus="autofocus" size="6"><br>
    <label for="enable_persistence"><input type="checkbox" name="enable_persistence" id="enable_persistence" value="true"> Remember me</label>
    <p><input type="submit" name="commit" value="Submit Token" data-disable-with="Submit Token"></p>
    <p><a href="/users/otp/credential?challenge=abc&amp;recovery=true">I don't have my device, I want to use a recovery code</a></p></form>`,
  page`Uptime Kuma | otp | one-time-code
    louislam/uptime-kuma:src/components/Login.vue (tokenRequired; the watcher focuses the field)
    <div class="form-container"><div class="form"><form aria-label="Login"><h1 class="h3 mb-3 fw-normal">Login</h1>
    <div><div class="form-floating mt-3"><input id="otp" type="text" maxlength="6" class="form-control" placeholder="123456" autocomplete="one-time-code" required data-focus><label for="otp">Token</label></div></div>
    <div class="form-check mb-3 mt-3 d-flex justify-content-center pe-4"><div class="form-check"><input id="remember" type="checkbox" value="remember-me" class="form-check-input"><label class="form-check-label" for="remember">Remember me</label></div></div>
    <button class="w-100 btn btn-primary" type="submit">Login</button></form></div></div>`,
  page`Vikunja | totpPasscode | one-time-code
    go-vikunja/vikunja:frontend/src/views/user/Login.vue (FormField and Password components rendered, and the en.json strings, from memory; v-focus on the new field)
    <form id="loginform"><div class="field"><label class="label" for="username">Username Or Email Address</label><div class="control"><input id="username" class="input" name="username" placeholder="e.g. frederick" required type="text" autocomplete="username" tabindex="1" value="frederick"></div></div>
    <div class="field"><div class="label-with-link"><label class="label" for="password">Password</label><a href="/get-password-reset" class="reset-password-link" tabindex="6">Forgot your password?</a></div>
    <div class="password-field"><input id="password" class="input" name="password" placeholder="e.g. ••••••••••••" required type="password" autocomplete="current-password" tabindex="2"></div></div>
    <div class="field"><label class="label" for="totpPasscode">Two Factor Authentication Code</label><div class="control"><input id="totpPasscode" class="input" autocomplete="one-time-code" placeholder="e.g. 123456" required type="text" tabindex="3" inputmode="numeric" data-focus></div></div>
    <div class="field"><label class="checkbox"><input type="checkbox"> Stay logged in</label></div>
    <button type="button" class="button is-primary" tabindex="4">Login</button></form>`,
  page`Zabbix (TOTP MFA) | verification_code | heuristic
    zabbix/zabbix:ui/include/views/mfa.login.php (configured TOTP; CForm/CList/CTextBox/CSubmit markup and the page layout from memory)
    <div class="layout-wrapper"><main><div class="signin-container"><div class="signin-logo"><div class="zabbix-logo"></div></div>
    <form method="post" action="index_mfa.php" accept-charset="utf-8"><ul><li><label for="verification_code">Verification code</label><input type="text" id="verification_code" name="verification_code" value="" maxlength="255" autofocus="autofocus"></li>
    <li><button type="submit" id="enter" name="enter" value="Sign in">Sign in</button></li></ul></form></div>
    <div class="signin-links"><a target="_blank" class="grey link-alt" href="https://www.zabbix.com/documentation/7.0/">Help</a>&nbsp;&nbsp;•&nbsp;&nbsp;<a target="_blank" class="grey link-alt" href="https://www.zabbix.com/support">Support</a></div></main>
    <footer role="contentinfo">© 2001–2024, Zabbix SIA</footer></div>`,
  page`Home Assistant (mfa step, TOTP module) | ha-code | one-time-code
    home-assistant/frontend:src/auth/ha-auth-flow.ts, ha-auth-form-string.ts, src/data/auth.ts (autocompleteLoginFields gives "code" one-time-code); the mwc textfield's shadow root flattened, strings of ui.panel.page-authorize.* from memory; id ha-code is a test id
    <ha-authorize><div class="card-content"><ha-auth-flow><form><h1>Just checking</h1>Open the **Authenticator app** on your device to view your two-factor authentication code and verify your identity:
    <ha-auth-form><ha-form><div class="root"><ha-auth-form-string><ha-auth-textfield><label class="mdc-text-field mdc-text-field--filled"><span class="mdc-text-field__ripple"></span><span class="mdc-floating-label" id="label">Two-factor authentication code</span>
    <input id="ha-code" class="mdc-text-field__input" aria-labelledby="label" type="text" name="code" autocomplete="one-time-code" required data-focus><span class="mdc-line-ripple"></span></label></ha-auth-textfield></ha-auth-form-string></div></ha-form></ha-auth-form>
    <div class="space-between"><a class="forgot-password" href="https://www.home-assistant.io/docs/locked_out/#forgot-password" target="_blank" rel="noreferrer noopener">Forgot password?</a></div>
    <div class="action"><ha-button>Next</ha-button></div></form></ha-auth-flow></div></ha-authorize>`,
  page`Forgejo | passcode | one-time-code
    forgejo/forgejo:templates/user/auth/twofa.tmpl (read in the mirror creator-signal/fork-forgejo-forgejo); locale strings from memory
    <div class="page-content user signin"><main id="main" aria-label="Two-factor authentication"><div class="ui middle very relaxed page grid"><div class="column">
    <form class="ui form tw-max-w-2xl tw-m-auto" action="/user/two_factor" method="post"><h3 class="ui top attached header">Two-factor authentication</h3><div class="ui attached segment">
    <div class="required field"><label for="passcode">Passcode</label><input id="passcode" name="passcode" type="text" autocomplete="one-time-code" spellcheck="false" inputmode="numeric" pattern="[0-9]*" autofocus required></div>
    <div class="inline field"><button class="ui primary button">Verify</button><a href="/user/two_factor/scratch">Use a recovery code</a></div></div></form></div></div></main></div>`,
  page`mailcow (login 2FA modal, TOTP tab) | token | one-time-code
    mailcow/mailcow-dockerized:data/web/templates/modals/footer.twig (ConfirmTFAModal, one TOTP authenticator, selected so its collapse is shown; lang strings from memory)
    <div class="modal fade show" id="ConfirmTFAModal" tabindex="-1" role="dialog" aria-labelledby="ConfirmTFAModalLabel" style="display:block"><div class="modal-dialog" role="document"><div class="modal-content">
    <div class="modal-header"><h3 class="modal-title">Two-factor authentication</h3><button type="button" class="btn-close" data-bs-dismiss="modal"></button></div>
    <div class="modal-body p-0 pt-4"><ul class="nav nav-tabs px-1" id="tabContent"><li class="nav-item"><a class="nav-link active" href="#tfa_tab_totp" data-bs-toggle="tab" id="pending_tfa_tab_totp"><i class="bi bi-clock-history"></i> Time-based OTP</a></li></ul>
    <div class="tab-content"><div role="tabpanel" class="tab-pane active" id="tfa_tab_totp"><div class="card border-0" style="margin-bottom: 0px;"><div class="card-body"><form role="form" method="post">
    <legend class="mt-2 mb-2"><i class="bi bi-shield-fill-check"></i> Authenticators<hr></legend>
    <div class="list-group"><a href="#" class="list-group-item totp-authenticator-selection active"><i class="bi bi-key-fill" style="margin-right: 5px"></i><span>Phone</span><input type="hidden" value="7"></a></div>
    <div class="collapse pending-tfa-collapse show" id="collapseTotpTFA"><div class="row mt-4 mb-4"><div class="col-12"><div class="input-group mt-4"><span class="input-group-text" id="tfa-addon"><i class="bi bi-shield-lock-fill"></i></span>
    <input type="number" min="000000" max="999999" name="token" class="form-control" placeholder="123456" autocomplete="one-time-code" aria-describedby="tfa-addon"><input type="hidden" name="tfa_method" value="totp"><input type="hidden" name="id" id="totp_selected_id" value="7"><br></div>
    <button class="mt-4 btn btn-sm btn-secondary" type="submit" name="verify_tfa_login">Login</button></div></div></div></form></div></div></div></div></div></div></div></div>`,
  page`Wordfence Login Security (wp-login.php prompt) | wfls-token | one-time-code
    the prompt overlay of Wordfence's login.js as copied into a theme's login handler (search corpus file, repository not named); wp-login.php markup from memory; the script focuses the field
    <div id="login"><h1><a href="https://wordpress.org/">Powered by WordPress</a></h1><form name="loginform" id="loginform" action="/wp-login.php" method="post" style="position:relative">
    <p><label for="user_login">Username or Email Address</label><input type="text" name="log" id="user_login" class="input" value="admin" size="20" autocapitalize="off" autocomplete="username" required="required"></p>
    <div class="user-pass-wrap"><label for="user_pass">Password</label><div class="wp-pwd"><input type="password" name="pwd" id="user_pass" class="input password-input" value="" size="20" autocomplete="current-password" spellcheck="false" required="required"><button type="button" class="button button-secondary wp-hide-pw hide-if-no-js" aria-label="Show password"><span class="dashicons dashicons-visibility" aria-hidden="true"></span></button></div></div>
    <p class="forgetmenot"><input name="rememberme" type="checkbox" id="rememberme" value="forever"> <label for="rememberme">Remember Me</label></p>
    <p class="submit"><input type="submit" name="wp-submit" id="wp-submit" class="button button-primary button-large" value="Log In"><input type="hidden" name="redirect_to" value="/wp-admin/"><input type="hidden" name="testcookie" value="1"></p>
    <div id="wfls-prompt-overlay"><div id="wfls-prompt-wrapper"><p><label for="wfls-token">Wordfence 2FA Code <a href="#" class="wfls-2fa-code-help wfls-tooltip-trigger" title="The Wordfence 2FA Code can be found within the authenticator app you used when first activating two-factor authentication. You may also use one of your recovery codes."><i class="dashicons dashicons-editor-help"></i></a></label></p>
    <p><input type="text" name="wfls-token" id="wfls-token" aria-describedby="wfls-token-error" class="input" value="" size="6" autocomplete="one-time-code" data-focus></p>
    <p class="wfls-remember-device-wrapper"><label for="wfls-remember-device"><input name="wfls-remember-device" type="checkbox" id="wfls-remember-device" value="1"> Remember for 30 days</label></p>
    <p class="submit"><input type="submit" name="wfls-token-submit" id="wfls-token-submit" class="button button-primary button-large" value="Log In"></p></div></div></form></div>`,
  page`Supabase Studio | code | heuristic
    supabase/supabase:apps/studio/components/interfaces/SignIn/SignInMfaForm.tsx (one TOTP factor, so no label); the sign-in layout's heading and subheading and the ui Input markup from memory; autoFocus as focus
    <div class="sign-in-layout"><div class="mb-10"><h1 class="mt-8 mb-2 text-2xl lg:text-3xl">Two-factor authentication</h1><h2 class="text-sm text-foreground-light">Enter the authentication code from your two-factor authentication (TOTP) app</h2></div>
    <form id="sign-in-mfa-form"><div class="flex flex-col gap-4"><div class="form-group"><div class="relative"><input id="code" name="code" type="text" placeholder="XXXXXX" autocomplete="off" spellcheck="false" autocapitalize="none" autocorrect="off" class="peer/input block box-border w-full rounded-md pl-10" value="" data-focus>
    <div class="absolute inset-y-0 left-0 pl-3 flex items-center pointer-events-none"><svg></svg></div></div></div>
    <div class="flex items-center justify-between space-x-2"><button type="button" class="opacity-80">Cancel</button><button type="submit" form="sign-in-mfa-form">Verify</button></div></div></form>
    <div class="my-8"><div class="text-sm"><span class="text-foreground-light">Unable to sign in?</span> </div><ul class="list-disc pl-6"><li><a href="/support/new?subject=Unable+to+sign+in+via+MFA&amp;category=Login_issues" target="_blank" rel="noreferrer" class="text-sm">Reach out to us via support</a></li></ul></div></div>`,
  page`Cal.com (six digit boxes) | 2fa1,2fa2,2fa3,2fa4,2fa5,2fa6 | split
    calcom/cal.com:apps/web/components/auth/TwoFactor.tsx (react-digit-input, @calcom/ui Input and Label); strings 2fa_code, 2fa_enabled_instructions and the login view around it (email/password block hidden, heading) from memory; autoFocus on the first box as focus
    <div class="login-view"><h1 class="font-cal text-emphasis">Two-factor code</h1><form id="login-form" novalidate><input type="hidden" name="csrfToken" value="x">
    <div class="space-y-6" style="display:none"><input type="email" id="email" name="email" autocomplete="email" value="a@example.com"><input type="password" id="password" name="password" autocomplete="current-password" value="secret"></div>
    <div class="mx-auto !mt-0 max-w-sm"><label class="mt-4 text-default text-sm font-medium">Two-factor code</label><p class="text-subtle mb-4 text-sm">Two-factor authentication enabled. Please enter the six-digit code from your authenticator app.</p>
    <input type="hidden" value="" name="totpCode"><div class="flex flex-row justify-between">${CALCOM_BOXES}</div></div>
    <button type="submit" class="w-full justify-center">Sign in</button></form><a href="#">Lost access</a></div>`,
  page`Logto (MFA TOTP verification: six number boxes) | totpCode_0,totpCode_1,totpCode_2,totpCode_3,totpCode_4,totpCode_5 | split
    logto-io/logto:packages/experience/src/pages/MfaVerification/TotpVerification/index.tsx, containers/TotpCodeVerification/index.tsx, components/VerificationCode/index.tsx; English phrases from memory (other locales read); layout markup from memory; the effect that focuses the first box as focus
    <div class="wrapper"><div class="navBar"><button type="button">Back</button></div><div class="container"><div class="header"><div class="title">Verify MFA</div></div>
    <div class="section"><div class="title">Enter one-time code</div><div class="description">2-step verification has been enabled for this account. Please enter the one-time code shown on your linked authenticator app.</div>
    <div class="totpCodeInput"><div class="passcode">${LOGTO_BOXES}</div></div><button type="button" class="button primary large">Continue</button></div>
    <div class="switchFactorLink"><a href="#">Switch to another method</a></div></div></div>`,
  page`Coolify (Alpine six boxes, recovery field hidden) | d1,d2,d3,d4,d5,d6 | split
    coollabsio/coolify:resources/views/auth/two-factor-challenge.blade.php (x-show false as display:none; x-auth.shell and x-forms.input markup from memory)
    <div class="auth-shell"><h1>Coolify</h1><p>Verify your identity to finish signing in.</p><div class="flex flex-col gap-4">
    <div class="auth-guidance"><svg></svg><p>Enter the 6-digit code from your authenticator app.</p><p style="display:none">Enter one of the recovery codes you saved when setting up two-factor authentication.</p></div>
    <form action="/two-factor-challenge" method="POST" class="flex flex-col gap-4"><input type="hidden" name="_token" value="x">
    <div class="flex flex-col gap-3"><input type="hidden" name="code"><div class="flex justify-center gap-2" aria-label="Two-factor authentication code">${COOLIFY_BOXES}</div>
    <button type="button" class="auth-text-link self-center">Use a recovery code</button></div>
    <div style="display:none" class="flex flex-col gap-3"><label for="recovery_code">Recovery Code</label><input id="recovery_code" name="recovery_code" type="text" autocomplete="one-time-code" disabled>
    <button type="button" class="auth-text-link self-center">Use an authenticator code</button></div>
    <button class="w-full justify-center" type="submit">Verify and continue</button></form></div>
    <div class="auth-footer"><span>Not your account?</span><a href="/login" class="auth-text-link">Back to login</a></div></div>`,
  page`Lemmy (lemmy-ui login, 2FA field added after missing_totp_token) | login-totp-token | one-time-code
    LemmyNet/lemmy-ui:src/shared/components/home/login.tsx (showTotp); label text "2FA token" from memory
    <div class="login container-lg"><div class="row"><div class="col-12 col-lg-6 offset-lg-3"><div><form><h1 class="h4 mb-4">Login</h1>
    <div class="mb-3 row"><label class="col-sm-2 col-form-label" for="login-email-or-username">Email or Username</label><div class="col-sm-10"><input type="text" class="form-control" id="login-email-or-username" value="alice" autocomplete="email" required minlength="3"></div></div>
    <div class="mb-3 row"><label class="col-sm-2 col-form-label" for="login-password">Password</label><div class="col-sm-10"><input type="password" id="login-password" value="secret" class="form-control" autocomplete="current-password" required maxlength="60"><a class="btn p-0 btn-link" href="/login_reset">Forgot Password</a></div></div>
    <div class="mb-3 row"><label class="col-sm-6 col-form-label" for="login-totp-token">2FA token</label><div class="col-sm-6"><input type="number" inputmode="numeric" class="form-control" id="login-totp-token" pattern="[0-9]*" autocomplete="one-time-code"></div></div>
    <div class="mb-3 row"><div class="col-sm-10"><button type="submit" class="btn btn-secondary">Login</button></div></div></form></div></div></div></div>`,
  page`Lemmy (newer lemmy-ui TotpModal over the login form) | totp-input | one-time-code
    LemmyNet/lemmy-ui:src/shared/components/common/modal/totp-modal.tsx (type login; handleShow focuses the field), home/login.tsx around it; enter_totp_code text from memory
    <div class="login container-lg"><form><h1 class="h4 mb-4">Login</h1><label for="login-email-or-username">Email or Username</label><input type="text" class="form-control" id="login-email-or-username" value="alice" autocomplete="email" required>
    <label for="login-password">Password</label><input type="password" id="login-password" value="secret" class="form-control" autocomplete="current-password" required maxlength="60"><button type="submit" class="btn btn-secondary">Login</button></form></div>
    <div class="modal fade show" id="totpModal" tabindex="-1" aria-labelledby="#totpModalTitle" aria-modal="true" role="dialog"><div class="modal-dialog modal-dialog-centered"><div class="modal-content">
    <header class="modal-header"><h3 class="modal-title" id="totpModalTitle">Enter TOTP code</h3><button type="button" class="btn-close" aria-label="Close"></button></header>
    <div class="modal-body d-flex flex-column align-items-center justify-content-center"><form id="totp-form"><label class="form-label ms-2 mt-4 fw-bold" for="totp-input">Enter TOTP code</label>
    <div class="d-flex justify-content-between align-items-center p-2"><input type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" id="totp-input" class="form-control form-control-lg mx-2 p-1 p-md-2 text-center" enterkeyhint="done" value="" data-focus></div></form></div>
    <footer class="modal-footer"><button type="submit" class="btn btn-success" form="totp-form" disabled>Submit</button><button type="button" class="btn btn-danger">Cancel</button></footer></div></div></div>`,
  page`Misskey (MkSignin.totp) | mk | one-time-code
    misskey-dev/misskey:packages/frontend/src/components/MkSignin.totp.vue; MkInput markup and the en-US strings (token, 2fa, useBackupCode) from memory; id mk is a test id
    <div class="wrapper"><div class="_gaps root"><div class="_gaps_s"><div class="totpIcon"><i class="ti ti-key"></i></div><div class="totpDescription">Two-factor authentication</div></div>
    <form class="_gaps_s"><div><div class="label">Token (Two-factor authentication)</div><div class="input"><div class="prefix"><i class="ti ti-123"></i></div>
    <input id="mk" class="inputCore" type="text" pattern="^[0-9]{6}$" autocomplete="one-time-code" required autofocus spellcheck="false" inputmode="numeric"><div class="suffix"></div></div>
    <div class="caption"><button class="_textButton" type="button">Use the backup codes</button></div></div>
    <button type="submit" class="_button primary rounded large">Continue <i class="ti ti-arrow-right"></i></button></form></div></div>`,
  page`Pleroma / Akkoma / Rebased (OAuth MFA, TOTP) | mfa_code | heuristic
    soapbox-pub/rebased:lib/pleroma/web/templates/o_auth/mfa/totp.html.eex (Phoenix form helpers rendered: id mfa_code, name mfa[code])
    <h2>Two-factor authentication</h2><form action="/oauth/mfa/verify" method="post"><input name="_csrf_token" type="hidden" value="x"><div class="input">
    <label for="mfa_code">Authentication code</label><input autocapitalize="off" autocomplete="false" autocorrect="off" autofocus id="mfa_code" maxlength="6" name="mfa[code]" pattern="[0-9]{6}" spellcheck="false" type="text">
    <input id="mfa_mfa_token" name="mfa[mfa_token]" type="hidden" value="t"><input id="mfa_state" name="mfa[state]" type="hidden" value=""><input id="mfa_redirect_uri" name="mfa[redirect_uri]" type="hidden" value="urn:ietf:wg:oauth:2.0:oob"><input id="mfa_challenge_type" name="mfa[challenge_type]" type="hidden" value="totp"></div>
    <button type="submit">Verify</button></form><a href="/oauth/mfa?challenge_type=recovery">Enter a two-factor recovery code</a>`,
  page`n8n (MfaView) | token | heuristic
    n8n-io/n8n:packages/editor-ui/src/views/MfaView.vue (formField token, maxlength 6, focusInitially); N8nFormInputs / element-plus input markup and the en strings from memory
    <div class="container"><div class="logoContainer"><svg></svg></div><div class="n8n-card"><div class="headerContainer"><h1 class="n8n-heading size-xlarge">Two-factor authentication</h1></div>
    <div class="formContainer"><div class="n8n-form-inputs" data-test-id="mfa-login-form"><div class="grid"><div data-test-id="token"><div class="n8n-form-input"><label class="n8n-input-label"><div class="title"><span>Two-factor code</span></div></label>
    <div class="el-input el-input--large"><div class="el-input__wrapper"><input class="el-input__inner" type="text" autocomplete="off" name="token" placeholder="Enter the code from your authenticator app" maxlength="6" tabindex="0" data-focus></div></div></div></div></div></div>
    <div class="infoBox"><span class="n8n-text size-small">Don't have your auth device? <a data-test-id="mfa-enter-recovery-code-button">Enter a recovery code</a></span></div></div>
    <div><button class="n8n-button float-right" disabled>Continue</button><button class="n8n-button tertiary float-left">Back</button></div></div></div>`,
  page`Firefly III (2FA page) | one_time_password | heuristic
    firefly-iii/firefly-iii:resources/views/auth/mfa.twig; strings (two_factor_welcome, two_factor_enter_code, two_factor_code_here, authenticate, two_factor_forgot) from memory
    <div class="login-box"><div class="login-logo"><a href="/"><b>Firefly</b> III</a></div><div class="login-box-body"><p class="login-box-msg">Hello!</p>
    <p class="login-box-msg">To continue, please enter your two factor authentication code. Your application can generate it for you.</p>
    <form action="/two-factor/submit" method="POST"><input type="hidden" name="_token" value="x"><div class="form-group has-feedback"><input type="text" name="one_time_password" class="form-control" placeholder="Enter code here" autocomplete="off"></div>
    <div class="row"><div class="col-xs-6 col-xs-offset-6"><button type="submit" class="btn btn-primary btn-block btn-flat">Authenticate</button></div></div></form>
    <a href="/two-factor/lost">I forgot my two-factor thing.</a></div></div>`,
  page`ZITADEL (login v1, mfa_verify_totp) | code | heuristic
    zitadel/zitadel:internal/api/ui/login/static/templates/mfa_verify_totp.html; VerifyMFAOTP and MFAProvider strings and the user-profile partial from memory
    <div class="lgn-head"><h1>Verify 2-Factor</h1><div class="lgn-login-profile"><div class="lgn-profile-image"></div><div class="lgn-names"><p class="lgn-displayname">alice@example.com</p></div></div><p>Please verify your second factor</p></div>
    <form action="/ui/login/mfa/verify" method="POST"><input type="hidden" name="gorilla.csrf.Token" value="x"><input type="hidden" name="authRequestID" value="1"><input type="hidden" name="mfaType" value="0">
    <div class="fields"><label class="lgn-label" for="code">Code</label><input class="lgn-input" type="text" id="code" name="code" autocomplete="off" autofocus required></div>
    <div class="lgn-actions"><a class="lgn-icon-button lgn-left-action" href="/ui/login/loginname"><i class="lgn-icon-arrow-left-solid"></i></a><span class="fill-space"></span><button class="lgn-raised-button lgn-primary" id="submit-button" type="submit">Next</button></div>
    <div class="lgn-mfa-other"><p>or choose an other option</p><button class="lgn-stroked-button" type="submit" name="provider" value="2" formnovalidate>SMS</button></div></form>`,
  page`Kanidm (login_totp_partial) | totp | heuristic
    kanidm/kanidm:server/core/templates/login_totp_partial.html (inside #login-form-container; the surrounding login page from memory)
    <main class="form-signin"><h3>Kanidm idm.example.com</h3><div id="login-form-container">
    <label for="totp" class="form-label">TOTP</label><form id="login"><div class="input-group mb-3"><input autofocus class="autofocus form-control" id="totp" name="totp" type="text" autocomplete="off" value="" required></div>
    <div class="input-group mb-3 justify-content-md-center"><button type="submit" class="btn btn-dark">Submit</button></div></form></div></main>`,
  page`Pterodactyl panel (LoginCheckpointContainer) | code | heuristic
    pterodactyl/panel:resources/scripts/components/auth/LoginCheckpointContainer.tsx; Field, LoginFormContainer markup and the upstream English texts from memory
    <div class="login-container"><h2 class="text-3xl text-center text-neutral-100 font-medium py-4">Device Checkpoint</h2><form class="w-full flex"><div class="md:flex w-full bg-white shadow-lg rounded-lg p-6"><div class="flex-1">
    <div class="mt-6"><div><label class="block text-xs uppercase text-neutral-700 mb-1 sm:mb-2">Authentication Code</label><input name="code" type="text" value="" class="appearance-none outline-none w-full min-w-0 p-3 border-2 rounded" data-focus><p class="input-help">Enter the two-factor token generated by your device.</p></div></div>
    <div class="mt-6"><button type="submit" class="w-full">Continue</button></div><div class="mt-6 text-center"><span class="cursor-pointer text-xs uppercase">I've Lost My Device</span></div>
    <div class="mt-6 text-center"><a href="/auth/login" class="text-xs uppercase">Return to Login</a></div></div></div></form></div>`,
  page`Okta Sign-In Widget (Identity Engine, Google Authenticator challenge) | input59 | heuristic
    memory (name credentials.passcode, the "Enter code" label, "Verify" button and "Verify with something else" link seen in public automation scripts; classes and the generated id input59 as remembered)
    <div id="okta-sign-in" class="auth-container main-container"><div class="auth-content"><div class="auth-content-inner"><div class="siw-main-view mfa-google-auth"><form method="POST" action="/idp/idx/challenge/answer" data-se="o-form" class="ion-form o-form">
    <div data-se="o-form-content" class="o-form-content"><div class="okta-form-title-container"><h2 class="okta-form-title o-form-head" data-se="o-form-head">Verify with Google Authenticator</h2></div><div class="okta-form-subtitle o-form-explain" data-se="o-form-explain">Enter the temporary code generated in your Google Authenticator app</div>
    <div class="o-form-fieldset-container"><div class="o-form-fieldset o-form-label-top" data-se="o-form-fieldset-credentials.passcode"><div class="okta-form-label o-form-label"><label for="input59">Enter code</label></div>
    <div class="o-form-input"><span class="o-form-input-name-credentials.passcode o-form-control okta-form-input-field input-fix" data-se="o-form-input-credentials.passcode"><input type="text" name="credentials.passcode" id="input59" value="" aria-label="" autocomplete="off"></span></div></div></div></div>
    <div class="o-form-button-bar"><input class="button button-primary" type="submit" value="Verify" data-type="save"></div></form>
    <div class="auth-footer"><a href="#" class="link js-switchAuthenticator">Verify with something else</a><a href="#" class="link js-cancel">Back to sign in</a></div></div></div></div></div>`,
  page`Auth0 New Universal Login (mfa-otp-challenge; also Docker Hub and other Auth0 tenants) | code | one-time-code
    memory (id/name code, label "Enter your one-time code", "Verify Your Identity" and "Try another method" seen in public automation scripts; hashed class names left out)
    <main class="_widget login-id"><section class="_prompt-box-outer"><div><header><h1>Verify Your Identity</h1><div><p>Check your preferred one-time password application for a code.</p></div></header>
    <div><form method="POST"><input type="hidden" name="state" value="x"><div><div class="input-wrapper _input-wrapper"><div class="text" data-action-text="" data-alternate-action-text="">
    <label class="no-js" for="code">Enter your one-time code</label><input class="input" name="code" id="code" type="text" aria-invalid="false" value="" required autocomplete="one-time-code" autocapitalize="none" spellcheck="false" autofocus>
    <div class="js-required" data-dynamic-label-for="code" aria-hidden="true">Enter your one-time code*</div></div></div></div>
    <div><input type="checkbox" id="rememberBrowser" name="rememberBrowser"><label for="rememberBrowser">Remember this device for 30 days</label></div>
    <div><button type="submit" name="action" value="default">Continue</button></div></form></div>
    <div><form method="post"><input type="hidden" name="state" value="x"><button type="submit" name="action" value="pick-authenticator">Try another method</button></form></div></div></section></main>`,
  page`X / Twitter (login flow, authenticator-app step) | text | heuristic
    memory (input name text, type text, data-testid ocfEnterTextTextInput seen in public automation scripts filling a TOTP there; the rest as remembered, atomic classes left out)
    <div role="dialog" aria-labelledby="modal-header"><div><h1 role="heading" aria-level="1" id="modal-header"><span>Enter your verification code</span></h1>
    <div><span>Use your code generator app to generate a code and enter it below.</span></div>
    <label><div><div><span>Enter code</span></div></div><div><input autocapitalize="none" autocomplete="on" autocorrect="off" inputmode="numeric" name="text" spellcheck="false" type="text" dir="auto" data-testid="ocfEnterTextTextInput" value=""></div></label></div>
    <div><button type="button" data-testid="ocfEnterTextNextButton" disabled><span>Next</span></button><a href="#"><span>Choose a different verification method</span></a></div></div>`,
  page`Instagram (two-factor login step) | verificationCode | heuristic
    memory (name verificationCode seen in public automation scripts; aria-label, type, maxlength and the text as remembered)
    <div><div><h2>Two-Factor Authentication</h2><div>Enter the code generated by your authentication app.</div></div><form method="POST">
    <div><label><span>Security Code</span><input aria-label="Security Code" aria-required="true" autocapitalize="off" autocorrect="off" maxlength="8" type="tel" value="" name="verificationCode"></label></div>
    <div><button type="submit" disabled>Confirm</button></div></form>
    <div>If you're unable to receive a security code, use one of your <a href="#">backup codes</a>.</div></div>`,
  page`LinkedIn (two-step challenge, authenticator app) | input__phone_verification_pin | heuristic
    memory (form#two-step-challenge, input#input__phone_verification_pin name pin, label[for=recognizedDevice] and #two-step-submit-button seen in public automation scripts; text and the other attributes as remembered)
    <main class="app__content"><form id="two-step-challenge" method="post"><h1 class="content__header">Let's do a quick verification</h1>
    <p>Enter the verification code generated by your authenticator app.</p><div class="form__input--floating"><label for="input__phone_verification_pin" class="form__label--floating">Enter code</label>
    <input id="input__phone_verification_pin" class="form__input--text input_verification_pin" name="pin" type="number" maxlength="6" required autocomplete="off"></div>
    <input type="hidden" name="csrfToken" value="x"><div class="recognized__device"><input type="checkbox" id="recognizedDevice" name="recognizedDevice" checked><label for="recognizedDevice">Don't ask again on this browser</label></div>
    <button id="two-step-submit-button" class="form__submit" type="submit">Submit</button></form></main>`,
  page`Latch for PrestaShop (two-factor step of the shop login) | twoFactor | heuristic
    Telefonica/latch-plugin-prestashop:LatchPS/views/templates/front/twoFactor.tpl (the Latch app shows the one-time password)
    <h3>Two factor authentication enabled</h3><form method="POST" action="/authentication"><label for="twoFactor">Insert the one-time password:</label>
    <input type="text" name="twoFactor" id="twoFactor" autocomplete="off"><input type="hidden" name="email" value="a@example.com" autocomplete="off"><input type="hidden" name="passwd" value="secret" autocomplete="off">
    <input type="submit" style="padding: 0px 3px 0px 3px;" name="SubmitLogin" id="SubmitLogin" value="Submit"></form>`,
];

describe('the code field of real two-factor pages', () => {
  it.each(CHOSEN)('$name', async ({ html, ids, how }) => {
    const { result, filled } = await run(html);
    expect(result).toEqual({ filled: true, fields: ids.length, how });
    expect(filled).toEqual(ids);
    expect(ids.map((key) => byKey(key).value).join('')).toBe('123456');
  });
});

/** The recovery/backup-code forms these products keep apart from their TOTP form. */
const NOTHING: readonly Page[] = [
  page`Gitea scratch code
    go-gitea/gitea:templates/user/auth/twofa_scratch.tmpl; locale_en-US.ini
    <form class="ui form"><h3 class="ui top attached header">Two-Factor Scratch Code</h3><div class="ui attached segment">
    <div class="required inline field"><label for="token">Scratch code</label><input id="token" name="token" type="text" autocomplete="off" autofocus required></div>
    <div class="inline field"><label></label><button class="ui primary button">Verify</button></div></div></form>`,
  page`Nextcloud backup code
    nextcloud/twofactor_backupcodes:templates/challenge.php; nextcloud/server twofactorshowchallenge.php
    <div class="body-login-container update two-factor"><h2 class="two-factor-header">Backup code</h2>
    <p>Use one of the backup codes you saved when setting up two-factor authentication.</p><form method="POST" class="challenge-form">
    <input type="text" class="challenge" name="challenge" required autofocus autocomplete="off" autocapitalize="off" placeholder="Backup code">
    <button class="two-factor-submit primary" type="submit">Submit</button></form><p><a class="two-factor-secondary" href="#">Cancel login</a></p></div>`,
  page`django-two-factor-auth backup token step
    jazzband/django-two-factor-auth:two_factor/templates/two_factor/core/login.html, forms.py (BackupTokenForm)
    <h1>Login</h1><p>Use this form for entering backup tokens for logging in. These tokens have been generated for you to print and keep safe. Please enter one of these backup tokens to login to your account.</p>
    <form action="" method="post"><p><label for="id_backup-otp_token">Token:</label> <input type="text" name="backup-otp_token" autofocus pattern="[0-9]*" autocomplete="one-time-code" id="id_backup-otp_token"></p>
    <button type="submit">Next</button></form>`,
  page`Laravel Jetstream in recovery mode
    laravel/jetstream:stubs/livewire/resources/views/auth/two-factor-challenge.blade.php (Alpine x-show as display:none)
    <div><div class="mb-4 text-sm" style="display:none">Please confirm access to your account by entering the authentication code provided by your authenticator application.</div>
    <div class="mb-4 text-sm">Please confirm access to your account by entering one of your emergency recovery codes.</div>
    <form method="POST" action="/two-factor-challenge"><div class="mt-4" style="display:none"><label for="code">Code</label><input id="code" type="text" inputmode="numeric" name="code" autocomplete="one-time-code"></div>
    <div class="mt-4"><label for="recovery_code">Recovery Code</label><input id="recovery_code" type="text" name="recovery_code" autocomplete="one-time-code" data-focus></div>
    <div><button type="button">Use an authentication code</button><button type="submit">Log in</button></div></form></div>`,
  page`WordPress Two Factor backup codes
    WordPress/two-factor:providers/class-two-factor-backup-codes.php (authentication_page)
    <form name="validate_2fa_form" id="loginform"><p class="two-factor-prompt">Enter a backup verification code.</p>
    <p><label for="authcode">Verification Code:</label><input type="text" inputmode="numeric" name="two-factor-backup-code" id="authcode" class="input authcode" value="" size="20" pattern="[0-9 ]*" placeholder="1234 5678" data-digits="8"></p>
    <p class="submit"><input type="submit" name="submit" id="submit" class="button button-primary" value="Submit"></p></form>`,
  page`Firefox Accounts backup authentication code
    mozilla/fxa:fxa-settings FormVerifyCode, InputText; strings from the en locale (signin-recovery-code-*)
    <h1>Sign in</h1><h2>Enter backup authentication code</h2><p>Enter one of the one-time-use codes you saved when you set up two-step authentication.</p>
    <form novalidate class="flex flex-col gap-4 my-6"><label class="flex text-start rounded border relative"><span class="block flex-auto"><span class="px-3 w-full absolute">Enter 10-character code</span>
    <input class="pb-1 pt-5 px-3 w-full" name="code" type="text" autofocus maxlength="10" pattern="[a-zA-Z0-9]" spellcheck="false" autocomplete="off" inputmode="text"></span></label>
    <button type="submit">Confirm</button></form><a href="#">Use recovery phone</a><a href="#">Are you locked out?</a>`,
  page`GitHub recovery code
    memory
    <div class="auth-form-header"><h1>Two-factor recovery</h1></div><form action="/sessions/two-factor/recovery" method="post">
    <label for="recovery_code">Recovery code</label><input type="text" name="recovery_code" id="recovery_code" class="form-control input-block" autocomplete="off" placeholder="XXXXX-XXXXX" autofocus>
    <button type="submit" class="btn btn-primary btn-block">Verify</button></form>`,
  page`Google backup code
    memory (id/name backupCodePin seen in public scripts)
    <h1 id="headingText"><span>2-Step Verification</span></h1><div><input type="tel" autocomplete="off" name="backupCodePin" id="backupCodePin" dir="ltr"></div><button type="button">Next</button>`,
  page`ASP.NET Core Identity LoginWithRecoveryCode
    dotnet/aspnetcore:src/Identity/UI/src/Areas/Identity/Pages/V5/Account/LoginWithRecoveryCode.cshtml, LoginWithRecoveryCode.cshtml.cs (Display name "Recovery Code")
    <h1>Recovery code verification</h1><hr><p>You have requested to log in with a recovery code. This login will not be remembered until you provide an authenticator app code at log in or disable 2FA and log in again.</p>
    <div class="row"><div class="col-md-4"><form method="post"><div class="form-floating"><input class="form-control" autocomplete="off" type="text" data-val="true" data-val-required="The Recovery Code field is required." id="Input_RecoveryCode" name="Input.RecoveryCode" value="">
    <label class="form-label" for="Input_RecoveryCode">Recovery Code</label><span class="text-danger field-validation-valid" data-valmsg-for="Input.RecoveryCode" data-valmsg-replace="true"></span></div>
    <button type="submit" class="w-100 btn btn-lg btn-primary">Log in</button></form></div></div>`,
  page`Keycloak (keycloak.v2) recovery authentication code
    keycloak/keycloak:themes/src/main/resources/theme/keycloak.v2/login/login-recovery-authn-code-input.ftl, field.ftl; message texts from memory
    <main class="pf-v5-c-login__main"><div class="pf-v5-c-login__main-header"><h1 class="pf-v5-c-title pf-m-3xl" id="kc-page-title">Login with a recovery authentication code</h1></div><div class="pf-v5-c-login__main-body">
    <form id="kc-recovery-code-login-form" class="pf-v5-c-form" action="" method="post"><div class="pf-v5-c-form__group"><div class="pf-v5-c-form__group-label"><label for="recoveryCodeInput" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">Recovery code #3</span></label></div>
    <span class="pf-v5-c-form-control"><input id="recoveryCodeInput" name="recoveryCodeInput" value="" type="text" autocomplete="off" autofocus aria-invalid=""></span><div id="input-error-container-recoveryCodeInput"></div></div>
    <div class="pf-v5-c-form__group pf-m-action"><button class="pf-v5-c-button pf-m-primary pf-m-block" name="login" id="kc-login" type="submit">Sign In</button></div></form></div></main>`,
  page`authentik static token (recovery keys)
    goauthentik/authentik:web/src/flow/stages/authenticator_validate/AuthenticatorValidateStageCode.ts (DeviceClassesEnum.Static branch), base.ts (Return to device picker), FormElement.ts, ak-flow-card.ts
    <ak-flow-card><header class="pf-c-login__main-header"><h1 class="pf-c-title pf-m-3xl">Welcome to authentik!</h1></header><div class="pf-c-login__main-body">
    <form class="pf-c-form"><div class="pf-c-form__group"><div class="form-control-static"><div class="avatar"><img class="pf-c-avatar" src="" alt="User's avatar">akadmin</div><a href="/flows/-/cancel/">Not you?</a></div></div>
    <div class="icon-description"><i class="fa fa-key" aria-hidden="true"></i><p>Enter a one-time recovery code for this user.</p></div>
    <ak-form-element label="Static token" required class="pf-c-form__group"><div class="pf-c-form__group"><label class="pf-c-form__label"><span class="pf-c-form__label-text">Static token</span><span class="pf-c-form__label-required" aria-hidden="true">*</span></label>
    <input type="text" name="code" inputmode="text" pattern="[0-9a-zA-Z]*" placeholder="Please enter your code" autofocus autocomplete="one-time-code" class="pf-c-form-control" value="" required></div></ak-form-element>
    <div class="pf-c-form__group pf-m-action"><button type="submit" class="pf-c-button pf-m-primary pf-m-block">Continue</button><button class="pf-c-button pf-m-secondary pf-m-block">Return to device picker</button></div></form></div></ak-flow-card>`,
  page`BookStack backup code
    BookStackApp/BookStack:resources/views/mfa/verify.blade.php, mfa/parts/verify-backup_codes.blade.php; strings from lang/en/auth.php
    <div class="container very-small py-xl"><div class="card content-wrap auto-height"><h1 class="list-heading">Verify Access</h1>
    <p class="mb-none">Your user account requires you to confirm your identity via an additional level of verification before you're granted access. Verify using one of your configured methods to continue.</p>
    <hr class="my-l"><div class="setting-list-label">Backup Code</div><p class="small mb-m">Enter one of your remaining backup codes below:</p>
    <form action="/mfa/backup_codes/verify" method="post" autocomplete="off"><input type="text" name="code" autocomplete="one-time-code" placeholder="Enter backup code here" class="input-fill-width ">
    <div class="mt-s text-right"><button class="button">Confirm</button></div></form>
    <hr class="my-l"><div class="text-center"><a href="/mfa/verify?method=totp">Verify using a mobile app</a></div></div></div>`,
  page`Plausible recovery code
    plausible/analytics:lib/plausible_web/templates/auth/verify_2fa_recovery_code.html.heex
    <div class="w-full max-w-3xl mt-4 mx-auto flex"><form action="/2fa/use_recovery_code" method="post" class="w-full max-w-lg mx-auto bg-white shadow-md rounded px-8 py-6 mb-4 mt-8"><h2 class="text-xl font-black">Enter Recovery Code</h2>
    <div class="text-sm mt-2 text-gray-500 leading-tight">Can't access your authenticator application? Enter a recovery code instead.<div class="mt-6"><div>
    <input id="recovery_code" name="recovery_code" type="text" value="" autocomplete="off" class="font-medium shadow-sm block w-full px-2 rounded-md" maxlength="10" placeholder="Enter recovery code" required></div>
    <button id="submit" class="w-full button mt-2">Use Code</button></div>
    <div class="mt-6 flex flex-row justify-between items-center"><p class="text-sm">Authenticator application working again? <a href="/2fa/verify" class="underline text-indigo-600">Enter verification code</a></p></div></div></form></div>`,
  page`Flask-Security recovery code
    pallets-eco/flask-security:flask_security/templates/security/mf_recovery.html, forms.py (MfRecoveryForm label "Recovery Code")
    <h1>Enter Recovery Code</h1><form action="/mf-recovery" method="post" name="mf_recovery_form"><div class="fs-div"><label for="code">Recovery Code</label> <input id="code" name="code" required type="text" value=""></div>
    <div class="fs-div"><input id="submit" name="submit" type="submit" value="Submit Code"></div></form>`,
  page`OpenProject backup code
    opf/openproject:modules/two_factor_authentication/app/views/two_factor_authentication/authentication/enter_backup_code.html.erb (strings from memory)
    <div id="login-form" class="form -bordered"><form action="/two_factor_authentication/verify_backup_code" method="post" autocomplete="off" id="submit_backup_code" class="form">
    <h2>Enter backup code</h2><p>If you can no longer access your 2FA devices, enter one of your backup codes to regain access to your account.</p><hr class="form--separator">
    <div class="form--field -required -wide-label"><label class="form--label" for="backup_code" title="Backup code">Backup code</label>
    <div class="form--field-container"><span class="form--text-field-container"><input type="text" name="backup_code" id="backup_code" required autocomplete="off" size="20" maxlength="20" tabindex="1" class="form--text-field" autofocus></span></div></div>
    <input type="submit" name="login" value="Submit" class="button -highlight" tabindex="2"></form></div>`,
  page`PyPI recovery code
    pypi/warehouse:warehouse/templates/accounts/recovery-code.html
    <div class="horizontal-section"><div class="site-container"><h1 class="page-title">Login using recovery codes</h1><div class="twofa-login__method"><form method="post" action="/account/recovery-code/"><input name="method" type="hidden" value="recovery-code">
    <div class="form-group"><label for="recovery_code_value" class="form-group__label">Enter recovery code <span class="form-group__required">(required)</span></label>
    <input autocapitalize="off" spellcheck="false" required="required" pattern="[0-9a-f]{16}" class="form-group__field" autocomplete="off" aria-describedby="recovery_code-errors" aria-label="16 character hexadecimal" id="recovery_code_value" name="recovery_code_value" type="text" value="">
    <p class="form-group__help-text">Recovery codes are 16 character hexadecimal strings comprised of lowercase <code>a-z</code> and digits <code>0-9</code> (e.g., <code>badc0ffee0ddf00d</code>).</p></div>
    <div class="form-group"><input type="submit" value="Verify" class="button button--primary"></div>
    <p>PyPI allows for generating recovery codes to be stored securely offline in the event that your device or application is lost. Enter one of these codes in the form to verify your identity. Once used, the recovery code will no longer be valid.</p>
    <p>Not working? <a href="/help/#recovery_code">Get help</a>.</p></form></div></div></div>`,
  page`Hex.pm recovery code
    hexpm/hexpm:lib/hexpm_web/templates/tfa_recovery/show.html.heex (components rendered from memory)
    <div class="auth-layout"><div class="auth-card"><h1 class="text-2xl font-semibold">Recovery code</h1><p class="text-grey-600">Enter one of your backup recovery codes to access your account</p>
    <form action="/tfa/recovery" method="post" id="tfa-recovery-form" class="tw:space-y-6"><div class="input-wrapper"><label for="code" class="block text-sm font-medium">Recovery Code</label>
    <input type="text" id="code" name="code" placeholder="xxxx-xxxx-xxxx-xxxx" pattern="\\w{4}-\\w{4}-\\w{4}-\\w{4}" title="Recovery code in xxxx-xxxx-xxxx-xxxx format" maxlength="19" autocomplete="off" class="w-full rounded"></div>
    <button type="submit" class="w-full btn btn-primary">Verify</button></form></div>
    <p class="tw:text-small tw:text-center tw:mt-8"><span class="tw:text-grey-800">Have your authenticator app?</span><a href="/tfa" class="tw:font-semibold tw:ml-1">Use authenticator instead</a></p></div>`,
  page`Seafile backup code step
    haiwen/seahub:seahub/two_factor/templates/two_factor/core/login.html (backup step)
    <div class="login-panel-outer-container"><div class="login-panel" id="log-in-panel"><h1 class="login-panel-hd">Two-Factor Authentication</h1>
    <form action="" method="post" class="con"><input type="hidden" name="two_factor_core_login_view-current_step" value="backup">
    <input id="token" type="text" name="backup-otp_token" placeholder="Backup code" value="" class="input" autocomplete="off">
    <p class="tip">You can enter one of your backup codes in case you lost access to your mobile device.</p>
    <p class="error hide"></p><button type="submit" class="submit btn btn-primary btn-block h-auto mb-5">Verify</button></form></div></div>`,
  page`devise-otp recovery code
    wmlele/devise-otp:app/views/devise/otp_credentials/show.html.erb (@recovery set), config/locales/en.yml
    <h2>Check Token</h2><p>You're getting this because you enabled Two-Factor Authentication on your account</p>
    <form class="edit_user" id="edit_user" action="/users/otp/credential" accept-charset="UTF-8" method="post"><input type="hidden" name="_method" value="put"><input type="hidden" name="challenge" id="challenge" value="abc"><input type="hidden" name="recovery" id="recovery" value="true"><input type="hidden" name="remember_me" id="remember_me" value="false">
    <p><label for="token">Please enter your recovery code:</label><br><input type="text" name="otp_recovery_counter" id="otp_recovery_counter" value="3" autocomplete="off" disabled size="4"></p>
    <input type="text" name="token" id="token" autocomplete="off" autofocus="autofocus" size="6"><br>
    <label for="enable_persistence"><input type="checkbox" name="enable_persistence" id="enable_persistence" value="true"> Remember me</label>
    <p><input type="submit" name="commit" value="Submit Token" data-disable-with="Submit Token"></p></form>`,
  page`Forgejo recovery code
    forgejo/forgejo:templates/user/auth/twofa_scratch.tmpl (read in the mirror creator-signal/fork-forgejo-forgejo); locale strings from memory
    <div class="page-content user signin"><main id="main" aria-label="Two-factor recovery code"><div class="ui middle very relaxed page grid"><div class="column">
    <form class="ui form tw-max-w-2xl tw-m-auto" action="/user/two_factor/scratch" method="post"><h3 class="ui top attached header">Two-factor recovery code</h3><div class="ui attached segment">
    <div class="required field"><label for="token">Recovery code</label><input id="token" name="token" type="text" autocomplete="off" spellcheck="false" autofocus required></div>
    <div class="inline field"><button class="ui primary button">Verify</button><a href="/user/two_factor">Use a one-time code</a></div></div></form></div></div></main></div>`,
  page`Supabase Studio recovery code (code revealed)
    supabase/supabase:apps/studio/components/interfaces/SignIn/SignInRecoveryCodeForm.tsx (after "Show code", so the input is type text; FormItemLayout markup from memory; ids are test ids)
    <form id="sign-in-recovery-code-form" method="POST" class="flex flex-col gap-4"><div class="form-item"><label for="rc-code" class="text-sm">Recovery code</label>
    <div class="input-group"><input id="rc-code" name="code" class="pl-10 font-mono" autocomplete="off" autocorrect="off" autocapitalize="none" spellcheck="false" placeholder="****************" type="text" value="" data-focus>
    <div class="input-group-addon"><svg></svg></div><div class="input-group-addon"><button type="button" aria-label="Hide code"><svg></svg></button></div></div></div>
    <div class="flex items-center justify-between gap-x-2"><button type="button">Cancel</button><button type="submit" form="sign-in-recovery-code-form">Verify</button></div></form>
    <div class="my-8"><div class="text-sm"><span class="text-foreground-light">Unable to sign in?</span> </div><ul class="list-disc pl-6"><li><a href="/logout" class="text-sm">Force sign out and clear cookies</a></li></ul></div>`,
  page`Pleroma / Akkoma / Rebased recovery code
    soapbox-pub/rebased:lib/pleroma/web/templates/o_auth/mfa/recovery.html.eex (Gettext defaults)
    <h2>Two-factor recovery</h2><form action="/oauth/mfa/verify" method="post"><input name="_csrf_token" type="hidden" value="x"><div class="input">
    <label for="mfa_code">Recovery code</label><input autocapitalize="off" autocomplete="false" autocorrect="off" autofocus id="mfa_code" name="mfa[code]" spellcheck="false" type="text">
    <input id="mfa_mfa_token" name="mfa[mfa_token]" type="hidden" value="t"><input id="mfa_challenge_type" name="mfa[challenge_type]" type="hidden" value="recovery"></div>
    <button type="submit">Verify</button></form><a href="/oauth/mfa?challenge_type=totp">Enter a two-factor code</a>`,
  page`n8n recovery code (MfaView after "Enter a recovery code")
    n8n-io/n8n:packages/editor-ui/src/views/MfaView.vue (formField recoveryCode, maxlength from MFA_AUTHENTICATION_RECOVERY_CODE_INPUT_MAX_LENGTH); markup and en strings from memory
    <div class="container"><div class="n8n-card"><div class="headerContainer"><h1 class="n8n-heading size-xlarge">Two-factor recovery</h1></div>
    <div class="formContainer"><div class="n8n-form-inputs" data-test-id="mfa-login-form"><div class="grid"><div data-test-id="recoveryCode"><div class="n8n-form-input"><label class="n8n-input-label"><div class="title"><span>Recovery code</span></div></label>
    <div class="el-input el-input--large"><div class="el-input__wrapper"><input class="el-input__inner" type="text" autocomplete="off" name="recoveryCode" placeholder="Enter recovery code" maxlength="36" tabindex="0" data-focus></div></div></div></div></div></div><div class="infoBox"></div></div>
    <div><button class="n8n-button float-right" disabled>Verify</button><button class="n8n-button tertiary float-left">Back</button></div></div></div>`,
  page`Kanidm backup code
    kanidm/kanidm:server/core/templates/login_backupcode_partial.html
    <main class="form-signin"><h3>Kanidm idm.example.com</h3><div id="login-form-container">
    <label for="Backup Code" class="form-label">Backup Code</label><form id="login"><div class="input-group mb-3"><input autofocus class="autofocus form-control" id="backupcode" name="backupcode" type="password" value="" required></div>
    <div class="input-group mb-3 justify-content-md-center"><button type="submit" class="btn btn-dark">Submit</button></div></form></div></main>`,
  page`Pterodactyl panel recovery code ("I've Lost My Device")
    pterodactyl/panel:resources/scripts/components/auth/LoginCheckpointContainer.tsx (isMissingDevice); Field markup and upstream English texts from memory
    <div class="login-container"><h2 class="text-3xl text-center">Device Checkpoint</h2><form class="w-full flex"><div class="md:flex w-full"><div class="flex-1">
    <div class="mt-6"><div><label class="block text-xs uppercase">Recovery Code</label><input name="recoveryCode" type="text" value="" class="appearance-none outline-none w-full" data-focus><p class="input-help">Enter one of the recovery codes generated when you setup 2-Factor authentication on this account in order to continue.</p></div></div>
    <div class="mt-6"><button type="submit" class="w-full">Continue</button></div><div class="mt-6 text-center"><span class="cursor-pointer text-xs uppercase">I Have My Device</span></div></div></div></form></div>`,
  page`Auth0 New Universal Login recovery code (mfa-recovery-code-challenge)
    memory (id/name code as on the OTP challenge; texts as remembered)
    <main class="_widget login-id"><section class="_prompt-box-outer"><div><header><h1>Verify Your Identity</h1><div><p>Enter the recovery code you were provided during your initial enrollment.</p></div></header>
    <div><form method="POST"><input type="hidden" name="state" value="x"><div class="input-wrapper _input-wrapper"><div class="text"><label class="no-js" for="code">Enter your recovery code</label>
    <input class="input" name="code" id="code" type="text" value="" required autocomplete="off" autocapitalize="none" spellcheck="false" autofocus><div class="js-required" data-dynamic-label-for="code" aria-hidden="true">Enter your recovery code*</div></div></div>
    <div><button type="submit" name="action" value="default">Continue</button></div></form></div>
    <div><form method="post"><input type="hidden" name="state" value="x"><button type="submit" name="action" value="pick-authenticator">Try another method</button></form></div></div></section></main>`,
];

describe('the recovery-code forms of the same products are left alone', () => {
  it.each(NOTHING)('$name', async ({ html }) => {
    const { result, filled } = await run(html);
    expect(result).toEqual({ filled: false, reason: 'no_field' });
    expect(filled).toEqual([]);
  });
});
