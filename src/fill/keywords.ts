/**
 * The words that say what a field is for. Lists are matched against normalised text (lower case,
 * camelCase split, punctuation turned into spaces), as substrings; the `_WORDS` lists match whole
 * words only, because short words hide inside longer ones ("pin" in "shipping", "date" in
 * "validate").
 */

import { namesCaptcha } from './captcha';
import { BACKUP_CODE, HARD_NEGATIVE, HARD_NEGATIVE_WORDS } from './other-codes';

export {
  BACKUP_CODE,
  CARD_CONTEXT,
  GIFT_CONTEXT,
  HARD_NEGATIVE,
  HARD_NEGATIVE_WORDS,
} from './other-codes';

/** Words that mark a one-time-code field, in the languages Otter speaks and its neighbours'. */
export const STRONG = [
  // English
  'one time',
  'onetime',
  'otp',
  'totp',
  'hotp',
  '2fa',
  'tfa',
  'two factor',
  'twofactor',
  '2 factor',
  'second factor',
  'multi factor',
  'multifactor',
  'mfa',
  '2 step',
  '2step',
  'two step',
  'twostep',
  '2sv',
  'authenticator',
  'authentication code',
  'auth code',
  'authcode',
  'verif', // verification, verify, verifieringskod, verificación, verificatiecode, verifiseringskode
  'vérif', // vérification, vérifier: French writes the accent
  'security code',
  'securitycode',
  'login code',
  'log in code',
  'sign in code',
  'signin code',
  'passcode',
  'steam guard',
  'digit code',
  '6 digit',
  'six digit',
  '8 digit',
  // Swedish
  'engångs', // engångskod, engångslösenord
  'säkerhetskod',
  'bekräftelsekod',
  'autentisering',
  'inloggningskod',
  'tvåfaktor',
  'tvåstegs',
  'kontrollkod',
  'behörighetskod',
  'sexsiffrig',
  // Norwegian, Danish, Finnish
  'engangskode',
  'sikkerhedskode',
  'sikkerhetskode',
  'bekreftelseskode',
  'bekræftelseskode',
  'vahvistuskoodi',
  'kertakäyttö',
  'turvakoodi',
  // German, Dutch, French, Spanish, Portuguese
  'bestätigungscode',
  'sicherheitscode',
  'einmalcode',
  'einmalpasswort',
  'einmalkennwort',
  'zwei faktor',
  'authentifizierung',
  'beveiligingscode',
  'eenmalige',
  'authenticatie',
  'authentification',
  'code de sécurité',
  'deux étapes', // validation (vérification) en deux étapes
  'usage unique',
  'código de seguridad',
  'código de segurança',
  'autenticación',
  'autenticação',
];
/** Microsoft names its code field "otc" (one-time code), on the MFA page and elsewhere. */
export const STRONG_WORDS = ['otc'];

export const WEAK = [
  'code',
  'kod',
  'kode',
  'koodi',
  'código',
  'codice',
  'token',
  'digits',
  'siffror',
];
export const WEAK_WORDS = ['pin'];

/** Some other kind of field, unless a strong word says otherwise ("Email verification code"). */
export const NEGATIVE = [
  'email',
  'e mail',
  'e post',
  'epost',
  'mail',
  'user',
  'användar',
  'login',
  'inloggning',
  'search',
  'sök',
  'query',
  'phone',
  'mobile',
  'mobil',
  'telefon',
  'teléfono',
  'celular',
  'móvil',
  'movil',
  'handynummer',
  'puhelin',
  'courriel',
  'correo',
  'utilisateur',
  'usuario',
  'benutzer',
  'postleitzahl',
  'password',
  'passwd',
  'lösenord',
  'passwort',
  'kennwort',
  'postcode',
  'post code',
  'postal',
  'postnummer',
  'discount',
  'rabatt',
  'kampanj',
  'referral',
  'invit',
  'inbjudan',
  'country',
  'area code',
  'landskod',
  'riktnummer',
  'iban',
  'account number',
  'kontonummer',
  'personnummer',
  'fullname',
  'firstname',
  'lastname',
  'address',
  'adress',
  'street',
  'quantity',
  'comment',
  'message',
  'meddelande',
  'subject',
  'website',
  'webbplats',
  'reserv',
];
export const NEGATIVE_WORDS = [
  'q',
  's',
  'tel',
  'zip',
  'plz',
  'handy',
  'name',
  'namn',
  'date',
  'datum',
  'year',
  'month',
  'city',
  'url',
  'ssn',
  'amount',
  'belopp',
  'antal',
  'price',
  'pris',
];

/** autocomplete tokens that name some other kind of data. */
export const OTHER_AUTOCOMPLETE =
  /^(?:username|email|tel|tel-.*|cc-.*|postal-code|street-address|address-.*|name|given-name|family-name|additional-name|nickname|honorific-.*|current-password|new-password|organization.*|country.*|bday.*|sex|url|photo|language|transaction-.*|impp)$/;
/** autocomplete tokens that name a payment card's data: their presence makes a card form. */
export const CARD_AUTOCOMPLETE = /^cc-/;

/** Lower case, camelCase split, punctuation to spaces: "verificationCode" → " verification code ". */
export function normalise(text: string): string {
  return ` ${text
    .normalize('NFC')
    .replace(/['\u2019]/g, '')
    // camelCase apart ("mfaCode", "step2Code"); capitals after a digit kept ("2FA", "2SV").
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([0-9])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[\s_\-.:/[\]()#*,;"'|?!]+/g, ' ')
    .trim()} `;
}

export function hasAny(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(w));
}

export function hasWord(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(` ${w} `));
}

export function hasStrong(text: string): boolean {
  return hasAny(text, STRONG) || hasWord(text, STRONG_WORDS);
}

export function hasHardNegative(text: string): boolean {
  return (
    hasAny(text, HARD_NEGATIVE) ||
    hasWord(text, HARD_NEGATIVE_WORDS) ||
    hasAny(text, BACKUP_CODE) ||
    namesCaptcha(text)
  );
}

/**
 * Strong words that name the code itself, not only the two-factor step it belongs to: a "2FA
 * phone number" is a phone number, a "One-time password" is a code.
 */
const CODE_ITSELF = [
  'one time',
  'onetime',
  'otp',
  'passcode',
  'digit',
  'engångs',
  'sexsiffrig',
  'einmal',
  'kertakäyttö',
  'eenmalige',
  'usage unique',
  'steam guard',
];

/** Whether the (normalised) text names a code of some kind: "Authentication code", "Token". */
export function namesCode(text: string): boolean {
  return hasStrong(text) || hasAny(text, WEAK) || hasWord(text, WEAK_WORDS);
}

/**
 * What separates the codes one field takes: "App code / backup code", "… or recovery code",
 * "… o código de recuperación" (a word of its own: "año" holds no "o").
 */
const ALTERNATIVES = /\/|\||(?<![\p{L}\d])(?:or|eller|oder|ou|o)(?![\p{L}\d])/iu;
/**
 * Where a sentence or clause ends: alternatives are offered within one. Punctuation (also with no
 * space before a capital: a label's spans run together in textContent), a dash, "if"/"when", or a
 * comma with no "or" after it ("6-digit code, or a backup code" is one offer; "If you can't use
 * your app or phone, enter a recovery code" is two clauses).
 */
const CLAUSE =
  /[.?!;:](?:\s+|(?=[A-ZÅÄÖ]))|\s[-–—]\s|\s(?:if|when|unless|om|när)\s|,\s+(?!(?:[Oo]r|[Ee]ller|[Oo]der|[Oo]u|[Oo])(?![\p{L}\d]))/u;

const isBackup = (piece: string): boolean => hasAny(normalise(piece), BACKUP_CODE);

/** The sentences and clauses of `text` (see CLAUSE). */
export const clausesOf = (text: string): string[] => text.split(CLAUSE);

/** The clauses of `text`, each as the alternatives it offers (empty ones left out). */
const alternativesOf = (text: string): string[][] =>
  clausesOf(text).map((clause) => clause.split(ALTERNATIVES).filter((p) => p.trim() !== ''));

/** Whether a clause offers a backup code beside another alternative that `other` accepts. */
const backupBeside = (pieces: readonly string[], other: (piece: string) => boolean): boolean =>
  pieces.some(isBackup) && pieces.some((piece) => !isBackup(piece) && other(piece));

/** A backup code offered on the side: "(recovery codes also accepted)", "Backupkoder går också bra". */
const ALSO = /(?:^|[^\p{L}])(?:also|too|as well|även|också|auch|aussi|también|também)(?![\p{L}])/iu;

/** The clauses and parenthesised asides of `text`. */
const segmentsOf = (text: string): string[] => text.split(/[()]/).flatMap(clausesOf);

const isBackupAside = (segment: string): boolean => isBackup(segment) && ALSO.test(segment);
/** Names a code and no backup code: the TOTP, as far as the words tell. */
const namesTotp = (segment: string): boolean => !isBackup(segment) && namesCode(normalise(segment));

/** `text` without the segments that offer a backup code on the side (see ALSO); as it is if none. */
function withoutBackupAsides(text: string): string {
  const segments = segmentsOf(text);
  if (!segments.some(isBackupAside)) return text;
  return segments.filter((segment) => !isBackupAside(segment)).join('. ');
}

/**
 * The texts that name a field (raw, not normalised), with the backup-code alternatives set aside
 * when one text offers a backup code as an alternative to another code: Discord's single field is
 * "6-digit authentication code/8-digit backup code", and many apps label theirs "Authenticator or
 * recovery code", or say "(recovery codes also accepted)" beside the name of another code. Such a
 * field takes the TOTP too. A field that names only a backup code keeps its name. Alternatives
 * are read within one clause: in "Lost your authenticator app or phone? Enter a recovery code"
 * the app is not offered as the code to type.
 */
export function keepTotpAlternatives(texts: readonly string[]): string[] {
  const namesOne = (piece: string): boolean => namesCode(normalise(piece));
  const segments = texts.flatMap(segmentsOf);
  const offered = segments.some(isBackupAside) && segments.some(namesTotp);
  const named = offered ? texts.map(withoutBackupAsides) : texts;
  const clauses = named.map(alternativesOf);
  if (!clauses.some((text) => text.some((pieces) => backupBeside(pieces, namesOne)))) {
    return [...named];
  }
  return clauses.map((text) =>
    text.map((pieces) => pieces.filter((piece) => !isBackup(piece)).join(' ')).join('. '),
  );
}

/**
 * `text` without the clauses that offer a backup code beside something else ("Authentication or
 * recovery code", "App- eller reservkod"): what is left asks for a backup code alone, if anything
 * does ("Enter backup authentication code").
 */
export function withoutBackupAlternatives(text: string): string {
  return alternativesOf(withoutBackupAsides(text))
    .filter((pieces) => !backupBeside(pieces, () => true))
    .map((pieces) => pieces.join(' '))
    .join('. ');
}

/** The text with every strong word taken out, so "Email verification code" is not an email. */
export function withoutStrong(text: string): string {
  return STRONG.reduce((t, w) => t.split(w).join(' '), text);
}

/** Some other kind of field, once strong words are set aside. */
export function hasNegative(text: string): boolean {
  const rest = withoutStrong(text);
  return hasAny(rest, NEGATIVE) || hasWord(rest, NEGATIVE_WORDS);
}

/** The words for signing in and its user, as negatives: a username field, a login name field. */
const SIGN_IN_WORDS = [
  'login',
  'inloggning',
  'user',
  'användar',
  'benutzer',
  'usuario',
  'utilisateur',
];

/**
 * What a field's name says is some other kind of data, though it names two-factor sign-in: "Phone
 * number for two-factor authentication", `mfa_email`. A field that names a code as well ("Email
 * verification code", "mfaCode") is one.
 */
export function namesOtherData(naming: string): boolean {
  // The sign-in step's own words are no other data beside a strong one: "mfa-login", "user_2fa".
  const rest = SIGN_IN_WORDS.reduce((t, w) => t.split(w).join(' '), naming);
  return (
    hasNegative(rest) &&
    !hasAny(naming, CODE_ITSELF) &&
    !hasAny(naming, WEAK) &&
    !hasWord(naming, WEAK_WORDS) &&
    !hasWord(naming, STRONG_WORDS)
  );
}
