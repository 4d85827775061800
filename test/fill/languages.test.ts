// @vitest-environment happy-dom
/**
 * Fields named in the languages the word lists claim (keywords.ts): the one-time code found
 * under its own name, and the other codes of a page (a card's security code, a voucher, a
 * recovery code) kept out under theirs. Each case failed before the words it needs were added.
 */
import { describe, expect, it } from 'vitest';
import { run, useFakeLayout } from './dom-fixture';

useFakeLayout();

describe('a one-time code named in French', () => {
  it.each([
    [
      '"Code de vérification" described with "téléphone" (a negative word without the accent)',
      `<form><h2>Connexion</h2><label for="c">Code de vérification</label><input id="c" name="code" aria-describedby="d">
       <p id="d">Saisissez le code affiché par l'application sur votre téléphone.</p><button>Valider</button></form>`,
    ],
    [
      '"Code de vérification de l\'application mobile"',
      `<div><label for="c">Code de vérification de l'application mobile</label><input id="c" name="code"></div>`,
    ],
  ])('is filled: %s', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(filled).toEqual(['c']);
    expect(result).toEqual({ filled: true, fields: 1, how: 'heuristic' });
  });
});

/**
 * A card form, a voucher or a recovery code in a language whose "security code" or
 * "verification code" is a strong word: the word must not win there, as in English.
 */
describe('other codes, named in the languages of the strong words', () => {
  it.each([
    [
      'Spanish card form: "Código de seguridad"',
      `<form><label for="n">Número de tarjeta</label><input id="n" name="numero" inputmode="numeric">
       <label for="e">Fecha de caducidad</label><input id="e" name="fecha">
       <label for="s">Código de seguridad</label><input id="s" name="cvx" inputmode="numeric"><button>Pagar</button></form>`,
    ],
    [
      'German card form: "Sicherheitscode"',
      `<form><label for="n">Kartennummer</label><input id="n" name="knr" inputmode="numeric">
       <label for="e">Gültig bis</label><input id="e" name="gb">
       <label for="s">Sicherheitscode</label><input id="s" name="sc" inputmode="numeric"><button>Bezahlen</button></form>`,
    ],
    [
      'French card form: "Code de sécurité"',
      `<form><label for="n">Numéro de carte</label><input id="n" name="ncarte" inputmode="numeric">
       <label for="e">Date d'expiration</label><input id="e" name="dexp">
       <label for="s">Code de sécurité</label><input id="s" name="sc" inputmode="numeric"><button>Payer</button></form>`,
    ],
    [
      'Spanish "Código de seguridad de la tarjeta" alone',
      `<form><label for="s">Código de seguridad de la tarjeta</label><input id="s" inputmode="numeric"></form>`,
    ],
    [
      'French "Cryptogramme visuel (code de sécurité)"',
      `<form><label for="s">Cryptogramme visuel (code de sécurité)</label><input id="s" inputmode="numeric"></form>`,
    ],
    [
      'German "Gutscheincode"',
      `<form><label for="g">Gutscheincode</label><input id="g" name="gs" inputmode="numeric"><button>Einlösen</button></form>`,
    ],
    [
      'Swedish "Kampanjkod" that says six digits',
      `<form><label for="g">Kampanjkod (sexsiffrig)</label><input id="g" name="k" inputmode="numeric"></form>`,
    ],
    [
      'Spanish "Código de cupón"',
      `<form><label for="g">Código de cupón</label><input id="g" name="c" inputmode="numeric"></form>`,
    ],
    [
      'French "Code de la carte cadeau"',
      `<form><label for="g">Code de la carte cadeau</label><input id="g" name="c" inputmode="numeric"></form>`,
    ],
    [
      'French "Code de récupération" under a two-factor heading',
      `<form><h2>Authentification à deux facteurs</h2><label for="c">Code de récupération</label><input id="c" name="code" inputmode="numeric"></form>`,
    ],
    [
      'French "code de secours" (Google\'s backup codes)',
      `<form><h2>Validation en deux étapes</h2><label for="c">Saisissez un code de secours à 8 chiffres</label><input id="c" name="code" inputmode="numeric"></form>`,
    ],
    [
      'German "Wiederherstellungscode" under a two-factor heading',
      `<form><h2>Zwei-Faktor-Authentifizierung</h2><label for="c">Wiederherstellungscode</label><input id="c" name="code" inputmode="numeric"></form>`,
    ],
    [
      'Spanish "Código de recuperación" under a two-step heading',
      `<form><h2>Verificación en dos pasos</h2><label for="c">Código de recuperación</label><input id="c" name="code" inputmode="numeric"></form>`,
    ],
  ])('is not filled: %s', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(filled).toEqual([]);
    expect(result.filled).toBe(false);
  });

  it.each([
    [
      'Spanish "Código de verificación o código de recuperación"',
      `<form><label for="c">Código de verificación o código de recuperación</label><input id="c" name="code"></form>`,
    ],
    [
      'French "Code d\'authentification ou code de récupération"',
      `<form><label for="c">Code d'authentification ou code de récupération</label><input id="c" name="code"></form>`,
    ],
  ])('a field that takes the TOTP or a recovery code is filled: %s', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(filled).toEqual(['c']);
    expect(result).toEqual({ filled: true, fields: 1, how: 'heuristic' });
  });
});

describe('a phone number or a postcode is no code field', () => {
  it.each([
    [
      'Spanish "Número de teléfono" (numeric, alone in its form)',
      `<form><label for="p">Número de teléfono</label><input type="tel" id="p" name="tf" inputmode="numeric"><button>Enviar</button></form>`,
    ],
    [
      'Portuguese "Número de celular"',
      `<form><label for="p">Número de celular</label><input type="tel" id="p" name="n" inputmode="numeric"><button>Enviar</button></form>`,
    ],
    [
      'German "Handynummer"',
      `<form><label for="p">Handynummer</label><input type="tel" id="p" name="n" inputmode="numeric"><button>Weiter</button></form>`,
    ],
    [
      'German "PLZ"',
      `<form><label for="p">PLZ</label><input id="p" name="z" inputmode="numeric" pattern="[0-9]*"><button>Weiter</button></form>`,
    ],
    [
      'a phone number for two-factor sign-in, its name saying so',
      `<form><h2>Two-factor authentication</h2><label for="p">Phone number for two-factor authentication</label>
       <input type="tel" id="p" name="mfa_phone"><button>Send code</button></form>`,
    ],
    [
      'an e-mail address for 2FA, no code named',
      `<form><label for="m">2FA email address</label><input id="m" name="mfa_email" inputmode="numeric"><button>Save</button></form>`,
    ],
  ])('is not filled: %s', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(filled).toEqual([]);
    expect(result.filled).toBe(false);
  });

  it('"Email verification code" is still a code field (the strong word names a code)', async () => {
    const { result, filled } = await run(
      `<form><label for="c">Email verification code</label><input id="c" name="email_code" inputmode="numeric"></form>`,
    );
    expect(filled).toEqual(['c']);
    expect(result.filled).toBe(true);
  });
});

describe('a strong name beside the words of the sign-in step itself', () => {
  it.each([
    ['id "mfa-login"', '<form><input id="c" name="mfa-login" inputmode="numeric"></form>'],
    ['name "user_2fa"', '<form><input id="c" name="user_2fa" inputmode="numeric"></form>'],
  ])('is a code field: %s', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(filled).toEqual(['c']);
    expect(result.filled).toBe(true);
  });
});
