// @vitest-environment happy-dom
/** Pages that rule out a field whatever it is called: device codes, card forms, gift cards. */
import { afterEach, describe, expect, it } from 'vitest';
import { contextReader } from '../../src/fill/field-text';
import { contextVeto } from '../../src/fill/page-context';
import { useFakeLayout } from './dom-fixture';

useFakeLayout();
afterEach(() => history.pushState({}, '', '/'));

const veto = (html: string): ReturnType<typeof contextVeto> => {
  document.body.innerHTML = html;
  return contextVeto(document.querySelector<HTMLInputElement>('#x')!, contextReader());
};

describe('device-code pages', () => {
  it.each([
    '/devicelogin',
    '/login/device',
    '/common/oauth2/deviceauth',
    '/activate-tv',
    '/device/',
  ])('by path %s', (path) => {
    history.pushState({}, '', path);
    expect(veto('<input id="x" name="otc">')).toBe('device');
  });

  it.each([
    'Enter the code shown on your TV',
    'Enter the code displayed on your app or device.',
    'Type the code that appears on your screen',
    'Device activation',
    'Activate your device',
    'Ange koden som visas på din tv',
    'Ange enhetskoden',
  ])('by wording: %s', (text) => {
    expect(veto(`<form><h1>${text}</h1><input id="x"></form>`)).toBe('device');
  });

  it.each([
    'Enter the code from your authenticator app',
    'We sent a verification code to your devices',
    'Enter the code sent to your phone',
    'Manage your devices',
    'New device sign-in',
    'Open the authenticator app on your device. Sign in',
  ])('not a device page: %s', (text) => {
    expect(veto(`<form><h1>${text}</h1><input id="x"></form>`)).toBeNull();
  });

  it.each(['Verify device login', 'Unknown device sign-in'])(
    'not by a heading over the form that is about something else: %s',
    (text) => {
      expect(
        veto(
          `<div><h5>${text}</h5><form><div><label for="x">Code</label><div><input id="x" name="code" inputmode="numeric" maxlength="6"></div></div></form></div>`,
        ),
      ).toBeNull();
    },
  );

  it.each([
    [
      'a title in a plain block above the form',
      '<main><div class="title">Device Activation</div><form><label for="x">Enter code</label><input id="x" name="code" maxlength="9"></form></main>',
    ],
    [
      'a heading in a header wrapper above the form',
      '<div><div class="panel-header"><h2>Device activation</h2></div><div><form><label for="x">Enter the code</label><input id="x" name="code"></form></div></div>',
    ],
    [
      'the heading over the field when it is not the page’s main one',
      '<div><h2>Device Login</h2><form><input id="x" name="code"></form></div>',
    ],
  ])('by %s', (_name, html) => {
    expect(veto(html)).toBe('device');
  });

  it.each(['/settings/devices', '/2fa/verify', '/developer'])('not by path %s', (path) => {
    history.pushState({}, '', path);
    expect(veto('<input id="x" name="otc">')).toBeNull();
  });
});

describe('card forms', () => {
  it('a form with cc- autocomplete fields', () => {
    expect(
      veto(
        '<form><input autocomplete="cc-number"><input autocomplete="cc-exp"><input id="x"></form>',
      ),
    ).toBe('card');
  });

  it('a form that asks for the card number and expiry date', () => {
    expect(
      veto(
        '<form><label>Card number <input></label><label>Expiry <input></label><input id="x"></form>',
      ),
    ).toBe('card');
  });

  it('not a sign-in form that mentions no card', () => {
    expect(veto('<form><p>Enter your security code</p><input id="x"></form>')).toBeNull();
  });

  it('not a sign-in form that says when its code expires', () => {
    expect(
      veto(
        '<form><p>Enter the code we sent. Code expiration: 10 minutes.</p><input id="x"></form>',
      ),
    ).toBeNull();
  });
});

describe('gift cards and vouchers', () => {
  it.each(['Redeem a gift card', 'Lös in presentkort', 'Enter your claim code'])('%s', (text) => {
    expect(veto(`<form><h2>${text}</h2><input id="x"></form>`)).toBe('gift');
  });

  it('by the page title', () => {
    document.title = 'Redeem - Example';
    expect(
      veto('<main><h1>Almost there</h1><div><div><div><input id="x"></div></div></div></main>'),
    ).toBe('gift');
  });
});

describe('recovery-code forms', () => {
  it.each([
    'Enter backup authentication code',
    'Two-Factor Scratch Code',
    'Ange en reservkod',
    'Use a recovery code',
  ])('by the heading over the field: %s', (text) => {
    expect(veto(`<main><h1>${text}</h1><form><input id="x"></form></main>`)).toBe('backup');
  });

  it.each([
    'Enter the authenticator or recovery code',
    'Enter your authentication or recovery code',
    'App or recovery code',
    'Ange app- eller reservkod',
    'Account recovery',
    'Two-factor authentication',
  ])('not: %s', (text) => {
    expect(veto(`<main><h1>${text}</h1><form><input id="x"></form></main>`)).toBeNull();
  });

  it.each([
    [
      'a "Recovery codes" section beside the form',
      '<div><h2>Two-factor authentication</h2><section><h3>Recovery codes</h3><p>Save these codes.</p></section><section><form><label for="x">Verification code</label><input id="x"></form></section></div>',
    ],
    [
      'a hidden "Use a recovery code" view before it',
      '<div hidden><h2>Use a recovery code</h2></div><form><input id="x" autocomplete="one-time-code"></form>',
    ],
    ['a hidden heading', '<h2 hidden>Use a recovery code</h2><form><input id="x"></form>'],
  ])('not a heading that titles another block: %s', (_name, html) => {
    expect(veto(html)).toBeNull();
  });

  it('the nearest heading counts, not one further up the page', () => {
    expect(
      veto('<h1>Backup codes</h1><section><h2>Authenticator app</h2><input id="x"></section>'),
    ).toBeNull();
  });
});

describe('steps that ask for a code sent by e-mail or text message', () => {
  it.each([
    'Enter the code from your email address at example.com',
    'We sent a code to your email. Enter it below.',
    'Enter the verification code we sent by SMS',
    'Ange koden vi skickade till din e-post',
    'We texted your phone +X XXXXXXXX34. Please enter the code to sign in.',
    'Enter the OTP that has been sent to a mobile number ending in 123',
    // Slack's e-mail step: the address, not the word "email", says where the code went.
    'We’ve sent a 6-character code to alice@example.com. The code expires shortly, so please enter it soon.',
    'We sent a code to (•••) •••-••89. Enter it below.',
    'Vi har skickat en kod till ***@example.com',
  ])('%s', (text) => {
    expect(veto(`<form><p>${text}</p><input id="x" inputmode="numeric"></form>`)).toBe('sent');
  });

  it.each([
    ['an app named too', 'Enter the code from your authenticator app or the one we emailed you'],
    ['the e-mail as the way out', 'Lost your phone? If you can, we can email you a code instead'],
    ['the e-mail only in a link', '<a href="#">Send a code to my email</a> Enter the 6-digit code'],
    ['an e-mail field, no code', 'Email or username'],
    ['text message only after the field', ''],
    // A review's pages: TOTP forms that mention a sent code only as another way in.
    [
      'a sent code offered in a later clause of the sentence',
      "Enter the 6-digit code from your two-factor device. If you can't access your device, we'll send a code to your email.",
    ],
    [
      'Spanish, an app and SMS',
      'Introduce el código de tu aplicación de autenticación o el código que te enviamos por SMS.',
    ],
    [
      'Spanish, SMS as the way out',
      'Introduce el código de 6 dígitos generado por tu aplicación de autenticación. ¿No tienes acceso? Te enviaremos un código por SMS.',
    ],
    ['Portuguese', 'Digite o código do seu aplicativo autenticador ou o código enviado por SMS.'],
    ['Polish', 'Wpisz kod z aplikacji uwierzytelniającej lub kod wysłany SMS-em.'],
    [
      'authentication apps, plural',
      'Enter the code from one of your authentication apps, or the code we sent to your phone number.',
    ],
    ['a TOTP device', 'Enter the code from your TOTP device or the code we texted you.'],
    ['a token or SMS', 'Enter the code displayed on your token or sent to you by SMS.'],
  ])('not with %s', (_name, text) => {
    const after = text === '' ? '<p>We can also send a text message.</p>' : '';
    expect(
      veto(`<form><p>${text}</p><input id="x" inputmode="numeric">${after}</form>`),
    ).toBeNull();
  });

  // The languages keywords.ts knows, each in the forms its sites write.
  it.each([
    ['Spanish', 'Hemos enviado un código a tu correo electrónico.'],
    ['Spanish, a phone', 'Te enviamos un código por SMS al número de teléfono terminado en 34.'],
    ['German', 'Wir haben einen Code an a•••@example.com gesendet.'],
    ['German, SMS', 'Wir haben Ihnen per SMS einen Bestätigungscode geschickt.'],
    ['French', 'Nous avons envoyé un code à alice@example.com.'],
    ['French, a text', 'Saisissez le code envoyé par SMS.'],
    ['Portuguese', 'Enviamos um código para o seu e-mail.'],
    ['Portuguese, a phone', 'Digite o código enviado para o número de celular terminado em 34.'],
    ['Dutch', 'We hebben een code naar alice@example.com gestuurd.'],
    ['Dutch, SMS', 'Voer de code in die we per sms hebben verstuurd.'],
    ['Norwegian', 'Vi har sendt en kode til e-posten din.'],
    ['Danish', 'Vi har sendt en kode til dit mobilnummer.'],
    ['Finnish', 'Syötä sähköpostiisi lähetetty koodi.'],
    [
      'English with "of", which is not Dutch’s "or" there',
      'We sent a code to the email address of your account.',
    ],
  ])('%s', (_name, text) => {
    expect(veto(`<form><p>${text}</p><input id="x" inputmode="numeric"></form>`)).toBe('sent');
  });

  it.each([
    // Offers to send, not sent.
    ['Spanish, an offer', 'Si no tienes acceso, te enviaremos un código a tu correo.'],
    ['German, an offer', 'Wir senden Ihnen einen Code per SMS, wenn Sie keinen Zugriff haben.'],
    ['French, an offer', 'Nous vous enverrons un code par SMS.'],
    ['Portuguese, an offer', 'Podemos enviar um código para o seu e-mail.'],
    ['Dutch, an offer', 'We sturen je een code per sms.'],
    // The sent code offered beside the app or a token, in the language's own "or".
    [
      'German, an app too',
      'Gib den Code aus deiner Authenticator-App oder den per SMS gesendeten Code ein.',
    ],
    [
      'Spanish, a token or e-mail',
      'Introduce el código de tu token o el que hemos enviado a tu correo.',
    ],
    ['French, a token or SMS', 'Saisissez le code de votre jeton ou le code envoyé par SMS.'],
    ['Portuguese, a token or SMS', 'Digite o código do seu token ou o código enviado por SMS.'],
    [
      'Dutch, a token or SMS',
      'Voer de code van je token in of de code die we per sms hebben gestuurd.',
    ],
    ['Finnish, an app too', 'Syötä sovelluksen koodi tai tekstiviestinä lähetetty koodi.'],
    [
      'Spanish, the app',
      'Introduce el código de tu aplicación. Te lo hemos enviado también por SMS.',
    ],
  ])('not with %s', (_name, text) => {
    expect(veto(`<form><p>${text}</p><input id="x" inputmode="numeric"></form>`)).toBeNull();
  });

  it('not for a banner outside the field’s form', () => {
    expect(
      veto(
        '<div><p>We sent a confirmation email to bob@example.com.</p><form><p>Enter your 2FA code</p><input id="x" inputmode="numeric"></form></div>',
      ),
    ).toBeNull();
  });

  it('not for a field that names the app itself', () => {
    expect(
      veto(
        '<form><p>We sent a code to your email.</p><input id="x" placeholder="Code from your authenticator app"></form>',
      ),
    ).toBeNull();
  });
});
