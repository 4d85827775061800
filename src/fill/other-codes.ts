/**
 * The words for the codes of a page that are never a TOTP (a payment card's security code, a
 * gift card or voucher, a captcha, a recovery code) and for the forms they sit in. Every language
 * with a strong word for a one-time code (keywords.ts) has its words here too: "Sicherheitscode",
 * "Código de seguridad" and "Code de sécurité" are what card forms call the CVC. Matched like
 * keywords.ts's lists, against normalised text (lower case, apostrophes gone).
 */

/**
 * Codes that are never a TOTP, whatever else the field says: "Card security code", "Backup
 * verification code", "Gift card claim code". These beat strong words and one-time-code.
 */
export const HARD_NEGATIVE = [
  // English
  'cvv',
  'cvc',
  'card verification',
  'card security',
  'card code',
  'cardcode',
  'credit card',
  'creditcard',
  'debit card',
  'gift',
  'claim',
  'redeem',
  'promo',
  'coupon',
  'voucher',
  'captcha',
  'device code',
  'user code',
  'pairing',
  // Swedish, Norwegian, Danish, Finnish
  'kortnummer',
  'presentkort',
  'värdebevis',
  'kupong',
  'rabattkod',
  'kampanjkod',
  'gavekort',
  'lahjakortti',
  // German, Dutch
  'kartennummer',
  'kreditkarte',
  'prüfnummer', // Kartenprüfnummer
  'gutschein',
  'geschenk',
  'rabattcode',
  'aktionscode',
  'kortingscode',
  'cadeaukaart',
  // French, Spanish, Portuguese
  'cryptogramme',
  'cadeau', // carte cadeau, chèque cadeau
  'réduction',
  'tarjeta',
  'cartão',
  'regalo',
  'cupón',
  'cupom',
  'descuento',
  'desconto',
];
export const HARD_NEGATIVE_WORDS = ['card', 'kort', 'csc', 'cid', 'cvn', 'karte', 'kaart', 'carte'];

/**
 * The other codes of a two-factor form, typed instead of the TOTP when the app is lost: recovery,
 * backup and scratch codes (Gitea, Google's PAM module; Google's French "codes de secours").
 * Hard negatives too, unless the field's name offers one as an alternative to the TOTP (see
 * keepTotpAlternatives).
 */
export const BACKUP_CODE = [
  'recovery',
  'backup',
  'scratch',
  'återställ',
  'reservkod',
  'reservekode',
  'gjenoppretting',
  'gendannelse',
  'varakoodi',
  'palautuskoodi',
  'wiederherstellung',
  'notfallcode',
  'herstelcode',
  'récupération',
  'secours',
  'recuperación',
  'recuperação',
  'respaldo',
];

/** Text around a field that says the form is for a payment card. */
export const CARD_CONTEXT = [
  // English
  'card number',
  'cardnumber',
  'credit card',
  'creditcard',
  'debit card',
  'name on card',
  'cardholder',
  'card holder',
  'expiry date',
  'expiration date',
  'exp date',
  ' mm yy ',
  'valid thru',
  // Swedish, Norwegian, Danish, Finnish
  'kortnummer',
  'kortinnehavare',
  'kortholder',
  'utgångsdatum',
  'giltig till',
  'utløpsdato',
  'udløbsdato',
  'kortin numero',
  'korttinumero',
  // German, Dutch
  'kartennummer',
  'kreditkarte',
  'karteninhaber',
  'ablaufdatum',
  'gültig bis',
  'kaartnummer',
  'vervaldatum',
  // French, Spanish, Portuguese
  'numéro de carte',
  'carte bancaire',
  'carte de crédit',
  'titulaire de la carte',
  'date dexpiration',
  'número de tarjeta',
  'numero de tarjeta',
  'tarjeta de crédito',
  'tarjeta de débito',
  'titular de la tarjeta',
  'fecha de caducidad',
  'fecha de vencimiento',
  'número do cartão',
  'cartão de crédito',
  'titular do cartão',
];

/** Text around a field that says it redeems a gift card, voucher or offer. */
export const GIFT_CONTEXT = [
  'gift card',
  'giftcard',
  'gift code',
  'claim code',
  'redeem',
  'voucher',
  'coupon',
  'promo code',
  'presentkort',
  'lös in',
  'värdebevis',
  'gavekort',
  'gutschein',
  'geschenkkarte',
  'cadeaukaart',
  'carte cadeau',
  'chèque cadeau',
  'code promo',
  'tarjeta regalo',
  'tarjeta de regalo',
  'cupón',
  'código promocional',
  'cartão presente',
  'cupom',
];
