/**
 * Which field (or row of boxes) takes the code: every input is screened, scored by its words,
 * its attributes and its surroundings, and the best one wins. The page's context (a device-code
 * page, a card form, a gift card) can rule out even a field that calls itself a code field.
 */
import { findBoxRows, isNarrow, MAX_BOXES, MIN_BOXES, spreadsWhole } from './box-rows';
import {
  autocompleteTokens,
  formOf,
  isOneTimeCode,
  isSearch,
  isTypable,
  isVisible,
  parentOf,
  viewOf,
} from './dom';
import { contextReader, labelText, ownText, type ContextReader, type OwnText } from './field-text';
import type { FillHow } from './fill-result';
import {
  hasAny,
  hasHardNegative,
  hasNegative,
  hasStrong,
  hasWord,
  namesOtherData,
  normalise,
  OTHER_AUTOCOMPLETE,
  WEAK,
  WEAK_WORDS,
} from './keywords';
import { namesMaskedCode } from './masked-code';
import { contextVeto, type Veto } from './page-context';

/** One field (single input) or one row of boxes that may take the code. */
export interface Candidate {
  readonly inputs: readonly HTMLInputElement[];
  readonly how: FillHow;
  /** 2: marked autocomplete="one-time-code"; 1: recognised by heuristics. */
  readonly tier: number;
  /** Heuristic score without the bonus for having focus. */
  readonly score: number;
  /** Good enough to fill even if it did not have focus. */
  readonly qualifies: boolean;
  readonly focused: boolean;
  /** The code has as many characters as the row has boxes, or as the field takes. */
  readonly fits: boolean;
  readonly order: number;
}

/** The score a single field needs without focus. */
const THRESHOLD = 4;

/** Eligible at all: typable, shown, not some other kind of field. Returns its own text. */
function screen(
  el: HTMLInputElement,
  digitsOnly: boolean,
): { own: OwnText; strong: boolean } | null {
  const otc = isOneTimeCode(el);
  if (!isTypable(el, true) || !isVisible(el)) return null;
  if (el.type === 'number' && !digitsOnly) return null;
  if (!otc && autocompleteTokens(el).some((t) => OTHER_AUTOCOMPLETE.test(t))) return null;
  if (!otc && isSearch(el)) return null;
  const own = ownText(el);
  // A masked field is a password unless what it shows says otherwise ("Authenticator code"): a
  // name attribute alone ("otp") is not enough.
  if (el.type === 'password' && !otc && !namesMaskedCode(own.shown)) return null;
  // A card's CVC, a gift card's claim code, a backup code: never a TOTP, whatever else it says.
  if (hasHardNegative(own.naming)) return null;
  const strong = hasStrong(own.all);
  if (!otc && (strong ? namesOtherData(own.naming) : hasNegative(own.all))) return null;
  return { own, strong };
}

/** What the input's type and keyboard say, whatever it is called. */
function structural(el: HTMLInputElement): number {
  let score = 0;
  const mode = (el.getAttribute('inputmode') ?? '').toLowerCase();
  if (mode === 'numeric' || mode === 'decimal') score += 2;
  if (/\\d|0-9/.test(el.getAttribute('pattern') ?? '')) score += 1;
  if (el.type === 'tel' || el.type === 'number') score += 1;
  const style = viewOf(el).getComputedStyle(el);
  // Opacity 0 is how honeypots hide; a real (overlay) field keeps some other sign.
  if (style.opacity === '0') score -= 4;
  return score;
}

/** The nearest element holding the whole row (the component's root, often labelled). */
function rowContainer(first: Element, last: Element): Element | null {
  let node = first.parentElement;
  for (let depth = 0; node && depth < 6; depth += 1, node = node.parentElement) {
    if (node.contains(last)) return node;
  }
  return null;
}

/**
 * Whether the heading over the field names a two-factor code ("Code" under "Enter your
 * authenticator code", outside its form). Counted only for a field that looks like a code
 * itself: a heading far above says nothing about a nickname or captcha field under it.
 */
function titled(el: HTMLInputElement, reader: ContextReader): boolean {
  return hasStrong(normalise(reader.heading(el)));
}

function rowCandidate(
  row: readonly HTMLInputElement[],
  length: number,
  digitsOnly: boolean,
  reader: ContextReader,
  active: Element | null,
  order: number,
): Candidate | null {
  const first = row[0];
  const last = row[row.length - 1];
  if (!first || !last) return null;
  const screened = row.map((el) => screen(el, digitsOnly));
  if (screened.some((s) => s === null)) return null;
  const container = rowContainer(first, last);
  const label = container ? labelText(container) : ' ';
  if (container && hasHardNegative(label)) return null;
  const otc = row.some(isOneTimeCode);
  const strong = screened.some((s) => s?.strong) || hasStrong(label);
  // Some sign that the row is for a code: boxes that take one character, a numeric keyboard,
  // one-time-code, or words. Same-size narrow inputs alone could be anything (a grid, a form).
  const oneChar = row.every((el) => el.maxLength === 1 || el.maxLength === 2);
  const weak = screened.some(
    (s) => s && (hasAny(s.own.all, WEAK) || hasWord(s.own.all, WEAK_WORDS)),
  );
  const signs = otc || strong || oneChar || weak || structural(first) > 0;
  const around = hasStrong(reader.around(first)) || (signs && titled(first, reader));
  if (!signs && !around) return null;
  let score = 6 + structural(first);
  if (strong) score += 3;
  if (around) score += 3;
  return {
    inputs: row,
    how: 'split',
    tier: otc ? 2 : 1,
    score,
    qualifies: true,
    focused: active !== null && row.includes(active as HTMLInputElement),
    fits: row.length === length,
    order,
  };
}

function singleCandidate(
  el: HTMLInputElement,
  length: number,
  digitsOnly: boolean,
  reader: ContextReader,
  active: Element | null,
  order: number,
): Candidate | null {
  if (el.maxLength >= 1 && el.maxLength <= 4) return null; // a box, a PIN, a card's CVC
  // A masked box is one of a row of masked boxes (react-otp-input's inputType "password"): never
  // a field of its own, which would take the whole code.
  if (el.type === 'password' && isNarrow(el.getBoundingClientRect())) return null;
  const screened = screen(el, digitsOnly);
  if (!screened) return null;
  const otc = isOneTimeCode(el);
  let score = structural(el);
  const weak = hasAny(screened.own.all, WEAK) || hasWord(screened.own.all, WEAK_WORDS);
  if (screened.strong) score += 6;
  else if (weak) score += 3;
  const max = el.maxLength;
  if (max === length) score += 3;
  else if (max >= 5 && max <= 8) score += 1;
  const signs = screened.strong || weak || structural(el) > 0 || max === length;
  if (hasStrong(reader.around(el)) || (signs && titled(el, reader))) score += 3;
  // The only thing to type into in its form: a weak sign, worth something with context.
  // (A field in a web component counts its host's form: not in it as far as querySelectorAll goes.)
  const scope = formOf(el) ?? parentOf(el);
  if (
    scope &&
    !Array.from(scope.querySelectorAll('input')).some(
      (other) => other !== el && isTypable(other) && isVisible(other),
    )
  ) {
    score += 1;
  }
  const focused = el === active;
  const qualifies = otc || score >= THRESHOLD;
  if (!qualifies && !(focused && score >= 2)) return null;
  return {
    inputs: [el],
    how: otc ? 'one-time-code' : 'heuristic',
    tier: otc ? 2 : 1,
    score,
    qualifies,
    focused,
    fits: max < 0 || max >= length,
    order,
  };
}

/**
 * A recognised field with focus wins (the person put the cursor there); then autocomplete
 * "one-time-code"; then one the code fits; then the best score (focus counts a little); then
 * the first on the page.
 */
function compare(a: Candidate, b: Candidate): number {
  const rank = (c: Candidate): number => c.score + (c.focused ? 3 : 0);
  return (
    Number(b.focused && b.qualifies) - Number(a.focused && a.qualifies) ||
    b.tier - a.tier ||
    Number(b.fits) - Number(a.fits) ||
    rank(b) - rank(a) ||
    a.order - b.order
  );
}

/**
 * The field (or row) the code of `length` characters goes into, or null when there is none.
 * `vetoes`, when given, gets why the page ruled out each field that would have won before it.
 */
export function chooseCandidate(
  inputs: readonly HTMLInputElement[],
  active: Element | null,
  length: number,
  digitsOnly: boolean,
  vetoes?: Veto[],
): Candidate | null {
  const reader = contextReader();
  const order = new Map<HTMLInputElement, number>();
  inputs.forEach((el, i) => order.set(el, i));
  const candidates: Candidate[] = [];

  const inRows = new Set<HTMLInputElement>();
  for (const row of findBoxRows(inputs)) {
    const els = row.map((box) => box.el);
    if (!spreadsWhole(els)) {
      // Whole-code fields alike side by side stay fields; their one-character neighbours not.
      els.filter((el) => el.maxLength <= 2).forEach((el) => inRows.add(el));
      continue;
    }
    els.forEach((el) => inRows.add(el));
    if (els.length < MIN_BOXES || els.length > MAX_BOXES) continue;
    const first = els[0];
    const candidate =
      first && rowCandidate(els, length, digitsOnly, reader, active, order.get(first) ?? 0);
    if (candidate) candidates.push(candidate);
  }
  for (const el of inputs) {
    if (inRows.has(el)) continue;
    const candidate = singleCandidate(el, length, digitsOnly, reader, active, order.get(el) ?? 0);
    if (candidate) candidates.push(candidate);
  }

  candidates.sort(compare);
  // The page's context is read last, and only for the fields that would win: it reads more text.
  for (const candidate of candidates) {
    const first = candidate.inputs[0];
    const veto = first ? contextVeto(first, reader) : null;
    if (first && veto === null) return candidate;
    if (veto !== null) vetoes?.push(veto);
  }
  return null;
}
