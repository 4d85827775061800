// @vitest-environment happy-dom
/**
 * Cases a review of the detector's changes of 2026-12-02 found (each failed on the code before
 * its fix): masked fields that are secrets of the account's own, masked boxes, TOTP forms that
 * mention backup codes, forms in shadow roots or hidden behind a spinner once submitted, two
 * whole-code fields side by side, a form whose input hides one of its DOM methods.
 */
import { describe, expect, it } from 'vitest';
import { fillCode } from '../../src/fill/fill-code';
import { boxStyle, input, run, useFakeLayout } from './dom-fixture';

const at = (i: number, w: number, h: number): string =>
  `left:${10 + i * (w + 10)}px;top:10px;width:${w}px;height:${h}px`;

const CODE = '123456';
useFakeLayout();

describe('masked fields', () => {
  it('a masked "Verify PIN" field before the real authenticator field does not take the code', async () => {
    const { result, filled } = await run(
      `<form><label for="u">Username</label><input id="u" autocomplete="username">
       <label for="pin">New PIN</label><input id="pin" type="password" inputmode="numeric" maxlength="6">
       <label for="pin2">Verify PIN</label><input id="pin2" type="password" inputmode="numeric" maxlength="6">
       <label for="otp">Authenticator code</label><input id="otp" inputmode="numeric" maxlength="6"></form>`,
    );
    expect(filled).toEqual(['otp']);
    expect(result).toMatchObject({ filled: true });
  });

  it.each([
    [
      'Zoom "Meeting passcode"',
      '<form><label for="p">Meeting passcode</label><input id="p" type="password"></form>',
    ],
    [
      'bank "Passcode"',
      '<form><label for="p">Passcode</label><input id="p" type="password" inputmode="numeric"></form>',
    ],
    [
      'Spanish "Contraseña o código de verificación"',
      '<form><label for="p">Contraseña o código de verificación</label><input id="p" type="password"></form>',
    ],
    [
      'French "Mot de passe ou code de sécurité"',
      '<form><label for="p">Mot de passe ou code de sécurité</label><input id="p" type="password"></form>',
    ],
    [
      '"Confirm security code" of a PIN-change form',
      '<form><label for="p">Confirm security code</label><input id="p" type="password" maxlength="6"></form>',
    ],
  ])('a masked secret is not filled: %s', async (_n, html) => {
    const { result, filled } = await run(html);
    expect(filled).toEqual([]);
    expect(result.filled).toBe(false);
  });

  it('a masked OTP row without maxlength (react-otp-input inputType="password") is a row, not six fields', async () => {
    const html = Array.from(
      { length: 6 },
      (_, i) =>
        `<input id="b${i + 1}" type="password" aria-label="Please enter OTP character ${i + 1}" style="${boxStyle(i)}">`,
    ).join('');
    const { result } = await run(`<div>${html}</div>`);
    // Either each box holds its digit, or nothing is filled (masked boxes are refused, as before).
    const values = Array.from({ length: 6 }, (_, i) => input(`#b${i + 1}`).value);
    expect([
      ['1', '2', '3', '4', '5', '6'],
      ['', '', '', '', '', ''],
    ]).toContainEqual(values);
    expect(result.filled).toBe(values[5] === '6');
  });
});

describe('formAsksForBackup', () => {
  it('a TOTP form whose prose mentions backup codes (no link) and names no "authenticator" is still filled', async () => {
    const { result, filled } = await run(
      `<main><h1>Sign in</h1><form><p>Open the app on your phone and enter the code it shows.</p>
       <label for="c">Code</label><input id="c" name="code" inputmode="numeric" maxlength="6">
       <p>Don't have your phone? Use one of your backup codes.</p><button>Continue</button></form></main>`,
    );
    expect(result).toMatchObject({ filled: true });
    expect(filled).toEqual(['c']);
  });

  it('a TOTP form that says "You can use a backup code if you lose your phone" is still filled', async () => {
    const { result } = await run(
      `<main><h1>Sign in</h1><form><p>Enter the code from your app.</p>
       <label for="c">Code</label><input id="c" name="code" autocomplete="one-time-code">
       <p>You can use a backup code if you lose your phone.</p><button>Continue</button></form></main>`,
    );
    expect(result).toMatchObject({ filled: true });
  });
});

describe('moved on', () => {
  it('a form in a shadow root that the page submits and empties at the last digit counts as filled', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<form id="f"><input id="v" autocomplete="one-time-code"><button>Verify</button></form>';
    const field = shadow.querySelector<HTMLInputElement>('#v')!;
    const form = shadow.querySelector<HTMLFormElement>('#f')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      setTimeout(() => (field.value = ''), 10);
    });
    field.addEventListener('input', () => {
      if (field.value.length === 6) form.requestSubmit();
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });

  it("counts as filled on a busy machine, where the page's timer runs before the next task", async () => {
    document.body.innerHTML =
      '<main><form id="f"><input id="v" autocomplete="one-time-code"></form><p id="s" style="display:none">Checking…</p></main>';
    const field = input('#v');
    field.addEventListener('input', () => {
      if (field.value.length !== 6) return;
      setTimeout(() => {
        field.value = '';
        document.querySelector<HTMLElement>('#f')!.style.display = 'none';
        document.querySelector<HTMLElement>('#s')!.style.display = '';
      }, 1);
      // The machine is busy: the timer is due before the typing's next task gets to run.
      const until = Date.now() + 20;
      while (Date.now() < until);
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });

  it('a field the page empties while it hides the form behind a spinner counts as filled', async () => {
    document.body.innerHTML =
      '<main><form id="f"><input id="v" autocomplete="one-time-code"></form><p id="s" style="display:none">Checking…</p></main>';
    const field = input('#v');
    field.addEventListener('input', () => {
      if (field.value.length !== 6) return;
      setTimeout(() => {
        field.value = '';
        document.querySelector<HTMLElement>('#f')!.style.display = 'none';
        document.querySelector<HTMLElement>('#s')!.style.display = '';
      }, 10);
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });
});

describe('box rows of whole-code boxes', () => {
  it('"MFA code 1" and "MFA code 2" side by side (resync form) still take a code', async () => {
    const { result, filled } = await run(
      `<form><label>MFA code 1 <input id="c1" inputmode="numeric" maxlength="6" style="${at(0, 110, 40)}"></label>
       <label>MFA code 2 <input id="c2" inputmode="numeric" maxlength="6" style="${at(1, 110, 40)}"></label></form>`,
    );
    expect(result).toMatchObject({ filled: true });
    expect(filled).toEqual(['c1']);
  });
});

describe('robustness and sound cases', () => {
  it('a form whose input is named "matches" (named properties shadow builtins in browsers) does not fail the fill', async () => {
    document.body.innerHTML =
      '<main><form id="f"><input name="matches" type="hidden"><label for="c">Code</label><input id="c" name="code" autocomplete="one-time-code"></form></main>';
    const form = document.querySelector('#f')!;
    // happy-dom lacks [LegacyOverrideBuiltIns]; this is what Chromium/Gecko expose for form.matches.
    Object.defineProperty(form, 'matches', { value: form.querySelector('[name="matches"]') });
    expect(await fillCode('123456')).toMatchObject({ filled: true });
  });

  it('username, password and two-factor code on one page: the password never gets the code', async () => {
    const { filled } = await run(
      `<form><label>Username <input id="u" autocomplete="username"></label><label>Password <input id="p" type="password" data-focus></label>
       <label>Two-factor code <input id="o" inputmode="numeric"></label></form>`,
    );
    expect(filled).toEqual(['o']);
  });
});
