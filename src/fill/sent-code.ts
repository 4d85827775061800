/**
 * A step that asks for a code the site sent by e-mail or text message (see asksForSentCode), and
 * the words page-context.ts shares with it: an app named, a code offered as the way out. In the
 * languages keywords.ts knows: English, Swedish, Norwegian, Danish, Finnish, German, Dutch,
 * French, Spanish and Portuguese. Everything is matched in normalised text (see normalise).
 */
import { ownText } from './field-text';
import { clausesOf, normalise } from './keywords';

/** A clause that offers a backup code as the way out, not as what the form is for. */
export const FALLBACK =
  / (?:instead|otherwise|alternatively|also|lost|lose|if you|can use|may use|dont have|do not have|istället|annars|också|tappat|om du) /;
/** The same in the other languages, for sent codes: "¿No tienes acceso? …", "Falls Sie …". */
const FALLBACK_ABROAD =
  / (?:hvis|ellers|i stedet|også|mistet|jos|muuten|sen sijaan|myös|falls|wenn|stattdessen|alternativ|auch|verloren|keinen zugriff|als je|als u|anders|in plaats|ook|kwijt|geen toegang|si vous|si tu|sinon|à la place|aussi|également|perdu|pas accès|si no|en su lugar|en lugar|también|perdiste|no tienes|no puedes|se não|se você não|em vez|também|perdeu|não tem|não consegue) /;

/**
 * The app the TOTP comes from, named in plain words: "Enter the code from your app", "one of
 * your authentication apps", "your TOTP device", "tu aplicación", "seu aplicativo". Not
 * "token": backup codes are tokens too ("static token", "backup token").
 */
export const NAMES_APP =
  / (?:apps?|applications?|appen|applikation|authenticator|authentication apps?|totp|aplicación|aplicaciones|aplicativos?|aplicação|applicatie|autenticador|authentificator|sovellu\p{L}*) /u;

/**
 * A mailbox, a text message or a phone number, where a code the site sends arrives; or the
 * address itself, shown whole or masked ("alice@example.com", "(•••) •••-••89").
 */
const SENT_BY = new RegExp(
  [
    // English, Swedish, Norwegian, Danish
    ' (?:(?:e ?mail|e post|epost|mejl)(?:en|et|adress|adressen|adresse)?|inbox|inkorg|innboks|indbakke|sms|text message|texted|tekstmelding|(?:mobile|phone) number|mobilnummer|telefonnummer)',
    // Finnish (inflected: "sähköpostiisi"), German, Dutch
    ' (?:sähköposti|tekstiviesti|puhelinnumero)\\p{L}*| (?:posteingang|handynummer|telefoonnummer|mobiele nummer)',
    // French, Spanish, Portuguese
    ' (?:courriel|boîte de réception|texto|correo|bandeja de entrada|mensaje de texto|caixa de entrada|mensagem de texto|telemóvel)',
    ' (?:número|numéro) de (?:teléfono|telefone|téléphone|móvil|movil|celular|mobile|portable)',
  ]
    .map((words) => `${words} `)
    .join('|') + '|@[\\p{L}\\d]|[•●∙]{2,}',
  'u',
);

/** Portuguese, where "o" is "the" and not Spanish's "or": "Enviamos um código para o seu e-mail". */
const PORTUGUESE =
  / (?:um|uma|seu|sua|seus|suas|você|voce|ao|não|foi|pelo|pela|teu|tua|em|para o|para a|digite|insira) /;

/**
 * That the site has sent it, not that it could ("we'll send a code to your email", "te
 * enviaremos", "wir senden", "nous enverrons"): a past participle or a past tense. Each with the
 * words of its language that offer the sent code beside another ("on your token or sent by
 * SMS"): a sentence that offers a choice does not count. Each language's own "or" only: English's
 * "of" is not Dutch's.
 */
const SENT: readonly { readonly sent: RegExp; readonly either: (sentence: string) => boolean }[] = [
  {
    // English, Swedish, Norwegian, Danish; or the code read from a mailbox ("the code from your
    // email address").
    sent: / (?:sent|texted|emailed|skickade|skickat|skickats|sendt|sendte) |code (?:from|in) (?:your )?(?:e ?mail|inbox)/,
    either: (s) => / (?:or|eller) /.test(s),
  },
  {
    sent: / (?:lähetimme|lähetetty|lähetetyn|lähetettiin|lähettämämme) /,
    either: (s) => / tai /.test(s),
  },
  {
    sent: / (?:gesendet|geschickt|zugesendet|zugeschickt|versendet|verschickt|gesandt|zugesandt) /,
    either: (s) => / oder /.test(s),
  },
  {
    sent: / (?:gestuurd|verstuurd|toegestuurd|verzonden|gemaild) /,
    either: (s) => / of /.test(s),
  },
  {
    sent: / (?:envoyé|envoyée|envoyés|envoyées|transmis|transmise) /,
    either: (s) => / ou /.test(s),
  },
  {
    // Spanish and Portuguese share the words.
    sent: / (?:enviado|enviada|enviados|enviadas|enviamos|mandamos) /,
    either: (s) => / (?:ou|u) /.test(s) || (/ o /.test(s) && !PORTUGUESE.test(s)),
  },
];

/** Sentence by sentence: a clause split at "if" or a comma would lose "If you can't, …". */
const SENTENCE = /[.!?]+\s+|\n/;

/** One sentence says the code was sent to a mailbox or a phone, and offers nothing else. */
function saysSent(sentence: string): boolean {
  if (!SENT_BY.test(sentence) || FALLBACK.test(sentence) || FALLBACK_ABROAD.test(sentence)) {
    return false;
  }
  return SENT.some(({ sent, either }) => sent.test(sentence) && !either(sentence));
}

/**
 * The form asks for a code the site sent by e-mail or text message, and no app: Steam's e-mail
 * step ("Enter the code from your email address at …") shows the same five boxes as its
 * authenticator step. A TOTP there is wrong; the code is copied instead. Only the field's own
 * form is read (a banner above it, "We sent a confirmation email", says nothing of this field),
 * given as the shown text before the field and all of it; and only a sentence that says the code
 * was sent. One that offers it as the way out ("If you can't use your device, we'll send…",
 * "Lost your phone? …") does not count, nor does a form that names an app anywhere in its shown
 * text ("the code from your authenticator app or the one we e-mailed"). A page in a language
 * these words do not know is never ruled out here.
 */
export function asksForSentCode(
  el: HTMLInputElement,
  prompt: { readonly before: string; readonly all: string },
): boolean {
  if (NAMES_APP.test(normalise(ownText(el).naming))) return false;
  return (
    prompt.before.split(SENTENCE).map(normalise).some(saysSent) &&
    !clausesOf(prompt.all)
      .map(normalise)
      .some((c) => NAMES_APP.test(c))
  );
}
