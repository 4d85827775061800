/**
 * What the page around a field is doing, when that rules the field out whatever it is called: a
 * device-code page (a TV or CLI asks the person to type the code it shows), a payment-card form
 * (its "security code" is the CVC), a gift-card or voucher page, a captcha's picture beside the
 * field, a recovery-code form, a step that asks for a code sent by e-mail or text message. A
 * TOTP would be wrong in each.
 */
import { autocompleteTokens, formOf, inTreeOf, isVisible, parentOf } from './dom';
import { ownText, type ContextReader } from './field-text';
import {
  BACKUP_CODE,
  CARD_AUTOCOMPLETE,
  CARD_CONTEXT,
  clausesOf,
  GIFT_CONTEXT,
  hasAny,
  hasStrong,
  namesCode,
  normalise,
  withoutBackupAlternatives,
} from './keywords';
import { showsCaptchaImage } from './captcha';
import { asksForSentCode, FALLBACK, NAMES_APP } from './sent-code';

/**
 * Paths of device-code pages: microsoft.com/devicelogin, login.microsoftonline.com/…/deviceauth,
 * github.com/login/device, google.com/device, and the /activate-your-tv family.
 */
const DEVICE_PATH =
  /(?:^|\/)(?:device|devices?[-_]?(?:login|auth|code|activation)|devicelogin|deviceauth|activate[-_]?(?:device|tv)|tv[-_]?(?:signin|login|code|activate)|link[-_]?tv)(?:[/.]|$)/i;

/** Phrases of device-code pages, in normalised text (single spaces, lower case). */
const DEVICE_PHRASES = [
  /\b(?:shown|displayed|showing|appears|appearing|visible) on (?:your|the) (?:app or )?(?:tv|television|smart tv|device|screen|console|game console|streaming device)\b/,
  /\bon your (?:tv|television|smart tv|console)\b/,
  /\b(?:device code|user code|pairing code)\b/,
  /\b(?:activate|connect|link|pair) (?:your |a |the |new )?(?:tv|device|console)\b/,
  /\bvisas på (?:din |er |)(?:tv|tv n|enhet|enheten|skärm|skärmen)\b/,
  /\benhetskod|\baktivera (?:din |en )?(?:enhet|tv)\b/,
];

/**
 * Titles of device-code pages ("Device activation", "Device login"), but not "your device" or
 * "a new device": punctuation gone, "…the authenticator app on your device. Sign in" runs
 * together into "device sign in" (Zammad's two-factor form), and "New device sign-in" asks for
 * the account's own code.
 */
const DEVICE_TITLE = /(?<!\b(?:your|the|this|a|my|new) )\bdevice (?:activation|login|sign in)\b/;
/** The same as the whole of a heading's start: a heading is the field's, however far above. */
const DEVICE_HEADING = /^ device (?:activation|login|sign in)\b/;

function isDevicePage(el: HTMLInputElement, reader: ContextReader): boolean {
  const doc = el.ownerDocument;
  let path = '';
  try {
    path = doc.location?.pathname ?? '';
  } catch {
    // No location to read: judge by the text alone.
  }
  if (DEVICE_PATH.test(path)) return true;
  // The field's heading may be far above it: only a title that is about the device counts there
  // ("Device login", not "Verify device login" over a new-sign-in check).
  if (DEVICE_HEADING.test(normalise(reader.heading(el)))) return true;
  const text = `${reader.page(doc)} ${reader.around(el)}`;
  return DEVICE_TITLE.test(text) || DEVICE_PHRASES.some((phrase) => phrase.test(text));
}

/** The field's form, or without one its nearest few ancestors. */
function scopeOf(el: HTMLInputElement): Element | null {
  let scope: Element | null = formOf(el);
  if (!scope) {
    scope = parentOf(el);
    for (let depth = 0; scope && depth < 2; depth += 1) {
      const parent = parentOf(scope);
      if (!parent || parent.localName === 'body') break;
      scope = parent;
    }
  }
  return scope;
}

/** The inputs that share the field's form (or, without one, its nearest few ancestors). */
function neighbours(el: HTMLInputElement): HTMLInputElement[] {
  const scope = scopeOf(el);
  return scope ? Array.from(scope.querySelectorAll('input')) : [];
}

/** A captcha's picture beside the field (`/verifycode.jpg`): the field wants its text. */
function besideCaptcha(el: HTMLInputElement): boolean {
  const scope = scopeOf(el);
  return scope !== null && showsCaptchaImage(scope);
}

function isCardForm(el: HTMLInputElement, reader: ContextReader): boolean {
  if (
    neighbours(el).some((other) => autocompleteTokens(other).some((t) => CARD_AUTOCOMPLETE.test(t)))
  ) {
    return true;
  }
  return hasAny(reader.around(el), CARD_CONTEXT);
}

function isGiftPage(el: HTMLInputElement, reader: ContextReader): boolean {
  return (
    hasAny(reader.around(el), GIFT_CONTEXT) || hasAny(reader.page(el.ownerDocument), GIFT_CONTEXT)
  );
}

/**
 * A recovery-code form: its heading names a backup or recovery code ("Enter backup authentication
 * code", "Two-Factor Scratch Code") while the field itself may be just "Enter 10-character code".
 * A heading that offers the TOTP as well ("App or recovery code") does not count, nor does one
 * over a field that names the TOTP.
 */
function isBackupCodeForm(
  el: HTMLInputElement,
  reader: ContextReader,
  prompt: Prompt | null,
): boolean {
  // A field that names the TOTP itself is not one (a "Regenerate backup codes" step asking for
  // the authenticator's code first).
  if (hasStrong(ownText(el).naming)) return false;
  const heading = normalise(withoutBackupAlternatives(reader.heading(el)));
  if (hasAny(heading, BACKUP_CODE) && namesCode(heading)) return true;
  return prompt !== null && formAsksForBackup(prompt);
}

/** Offers of another way in (a "Use a recovery code" button), and what is not text. */
const NOT_PROMPT = 'a, button, [role="button"], [role="link"], script, style, template, select';
/** Elements whose text stands apart from the text around them. */
const BLOCK =
  /^(?:div|p|li|ul|ol|dl|dt|dd|label|form|fieldset|legend|section|header|footer|main|article|aside|h[1-6]|br|tr|td|th|table)$/;
/** The DOM's own method: a form's named inputs hide its properties (an input named "matches"). */
const matches = (el: Element, selector: string): boolean =>
  Element.prototype.matches.call(el, selector);

interface Prompt {
  /** The shown text before the field: what the form asks for. */
  readonly before: string;
  /** All of it, the field's hints after it too. */
  readonly all: string;
}

/**
 * The shown text of `root` without its buttons and links, blocks apart as sentences, up to
 * `field` and in all. Bounded: at most 300 elements and 2000 characters are read.
 */
function shownPrompt(root: Element, field: Element): Prompt {
  let text = '';
  let before: string | null = null;
  let elements = 0;
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (text.length > 2000 || elements > 300) return;
      if (child === field) before ??= text;
      if (child.nodeType === 3) {
        text += (child.textContent ?? '').slice(0, 2001 - text.length);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        elements += 1;
        if (matches(el, NOT_PROMPT) || !isVisible(el)) continue;
        walk(el);
        if (BLOCK.test(el.localName)) text += '. ';
      }
    }
  };
  walk(root);
  return { before: before ?? text, all: text };
}

/** The shown prompt of the field's form and what is around it; null where none can be read. */
function promptOf(el: HTMLInputElement): Prompt | null {
  try {
    const form = formOf(el) ?? parentOf(el);
    const scope = (form && parentOf(form)) ?? form;
    if (!scope || scope.localName === 'html') return null;
    // A field in a web component stands where its host does in the text around it.
    return shownPrompt(scope, inTreeOf(el, scope) ?? el);
  } catch {
    // A page whose named inputs hide more of its form's DOM: no veto from its text.
    return null;
  }
}

/**
 * The form around the field asks for a backup code and names no TOTP anywhere: authentik uses
 * one form for both, its field just "code", with "Enter a one-time recovery code for this user."
 * above it on the recovery step. Only the text before the field asks; a TOTP form that offers a
 * recovery code as the way out names the app, says "instead" or "if you lose", offers it in a
 * button or link, or says it under the field. Text the page hides (the other mode of Jetstream's
 * form) does not count.
 */
function formAsksForBackup(prompt: Prompt): boolean {
  // "Enter your authentication or recovery code", "(backup codes work too)": offered beside.
  const asks = clausesOf(withoutBackupAlternatives(prompt.before))
    .map(normalise)
    .some((c) => hasAny(c, BACKUP_CODE) && namesCode(c) && !FALLBACK.test(c));
  return (
    asks &&
    !clausesOf(prompt.all)
      .map(normalise)
      .some((c) => !hasAny(c, BACKUP_CODE) && (hasStrong(c) || NAMES_APP.test(c)))
  );
}

/** The shown prompt of the field's own form, or of what is around it when it has none. */
function formPromptOf(el: HTMLInputElement, around: Prompt | null): Prompt | null {
  try {
    const form = formOf(el);
    return form === null ? around : shownPrompt(form, inTreeOf(el, form) ?? el);
  } catch {
    return null;
  }
}

/** Why the page rules out a field whatever it is called. */
export type Veto = 'device' | 'card' | 'gift' | 'captcha' | 'backup' | 'sent';

/** Why the page rules this field out, or null when it does not. */
export function contextVeto(el: HTMLInputElement, reader: ContextReader): Veto | null {
  if (isDevicePage(el, reader)) return 'device';
  if (isCardForm(el, reader)) return 'card';
  if (isGiftPage(el, reader)) return 'gift';
  if (besideCaptcha(el)) return 'captcha';
  const prompt = promptOf(el);
  if (isBackupCodeForm(el, reader, prompt)) return 'backup';
  const own = formPromptOf(el, prompt);
  if (own !== null && asksForSentCode(el, own)) return 'sent';
  return null;
}
