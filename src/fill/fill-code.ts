/**
 * The function Otter injects into the active tab to type a one-time code into the page's OTP
 * field(s): `chrome.scripting.executeScript({target: {tabId}, func: fillCode, args: [code]})`.
 *
 * Chrome sends `fillCode.toString()` to the page, so the function is completely self-contained:
 * no imports, no module-level constants, no `this`; every helper is nested inside it. It gets the
 * code only (never a secret), and returns plain JSON. It never throws: any page is welcome to be
 * strange, and the worst outcome is `{filled: false, reason: 'fill_failed'}`.
 *
 * Everything outside `fillCode` in this file (types, the list of failure codes) is for the worker
 * and the UI, and is never referenced from inside the function.
 */

/** How the field was recognised. */
export type FillHow = 'one-time-code' | 'heuristic' | 'split';

/** Why nothing was filled. Each has a translated message (`error_<reason>`). */
export const FILL_FAILURES = [
  /** No field on the page looks like it wants a one-time code. */
  'no_field',
  /** No field here, but the page shows frames from another site that may hold it. */
  'field_in_frame',
  /** The field (or row of boxes) takes a different number of characters than the code has. */
  'length_mismatch',
  /** The page did not keep what was typed. */
  'field_rejected',
  /** Not a page Otter may type into (the worker uses it too when executeScript is refused). */
  'not_allowed',
  /** The code passed in is not a code (a bug in the caller). */
  'code_invalid',
  /** Something on the page threw while filling. */
  'fill_failed',
] as const;
export type FillFailure = (typeof FILL_FAILURES)[number];

export type FillResult =
  | {
      readonly filled: true;
      /** Number of inputs typed into: 1, or the number of split boxes. */
      readonly fields: number;
      readonly how: FillHow;
    }
  | { readonly filled: false; readonly reason: FillFailure };

export function fillCode(code: string): FillResult {
  // ---------------------------------------------------------------------------------------------
  // Everything below must stay inside this function (see the file comment).
  // ---------------------------------------------------------------------------------------------

  /** One field (single input) or one group (split boxes) that may take the code. */
  interface Candidate {
    readonly inputs: HTMLInputElement[];
    readonly how: FillHow;
    /** 2: marked autocomplete="one-time-code"; 1: recognised by heuristics. */
    readonly tier: number;
    /** Heuristic score without the bonus for having focus. */
    readonly score: number;
    /** Good enough to fill even if it did not have focus. */
    readonly qualifies: boolean;
    readonly focused: boolean;
    readonly fits: boolean;
    readonly order: number;
  }

  // Keyword lists are matched against normalised text (lower case, camelCase split, punctuation
  // turned into spaces), as substrings; WORD lists match whole words only, because short words
  // hide inside longer ones ("pin" in "shipping", "date" in "validate").
  const STRONG = [
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
    'usage unique',
    'código de seguridad',
    'código de segurança',
    'autenticación',
    'autenticação',
  ];
  const WEAK = ['code', 'kod', 'kode', 'koodi', 'código', 'codice', 'token', 'digits', 'siffror'];
  const WEAK_WORDS = ['pin'];
  const NEGATIVE = [
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
    'password',
    'passwd',
    'lösenord',
    'passwort',
    'kennwort',
    'postcode',
    'post code',
    'postal',
    'postnummer',
    'promo',
    'coupon',
    'voucher',
    'discount',
    'rabatt',
    'kampanj',
    'presentkort',
    'referral',
    'invit',
    'inbjudan',
    'captcha',
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
    'recovery',
    'backup',
    'återställ',
    'reserv',
    'comment',
    'message',
    'meddelande',
    'subject',
    'website',
    'webbplats',
  ];
  const NEGATIVE_WORDS = [
    'q',
    's',
    'tel',
    'zip',
    'name',
    'namn',
    'date',
    'datum',
    'year',
    'month',
    'city',
    'url',
    'card',
    'kort',
    'cvc',
    'cvv',
    'csc',
    'ssn',
    'amount',
    'belopp',
    'antal',
    'price',
    'pris',
    'gift',
  ];
  /** autocomplete tokens that name some other kind of data. */
  const OTHER_AUTOCOMPLETE =
    /^(?:username|email|tel|tel-.*|cc-.*|postal-code|street-address|address-.*|name|given-name|family-name|additional-name|nickname|honorific-.*|current-password|new-password|organization.*|country.*|bday.*|sex|url|photo|language|transaction-.*|impp)$/;
  const TEXT_TYPES = ['', 'text', 'tel', 'number'];
  const THRESHOLD = 4;

  /** Lower case, camelCase split, punctuation to spaces: "verificationCode" → "verification code". */
  const normalise = (text: string): string =>
    ` ${text
      .normalize('NFC')
      .replace(/['\u2019]/g, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .replace(/[\s_\-.:/[\]()#*,;"'|]+/g, ' ')
      .trim()} `;

  const hasAny = (text: string, words: readonly string[]): boolean =>
    words.some((w) => text.includes(w));
  const hasWord = (text: string, words: readonly string[]): boolean =>
    words.some((w) => text.includes(` ${w} `));
  const withoutStrong = (text: string): string =>
    STRONG.reduce((t, w) => t.split(w).join(' '), text);

  /** What the field's own attributes and labels say about it. */
  const ownText = (el: HTMLInputElement): string => {
    const parts = [
      el.name,
      el.id,
      el.getAttribute('placeholder') ?? '',
      el.getAttribute('aria-label') ?? '',
      el.getAttribute('title') ?? '',
      el.getAttribute('data-testid') ?? '',
      typeof el.className === 'string' ? el.className : '',
    ];
    for (const label of Array.from(el.labels ?? [])) parts.push(label.textContent ?? '');
    const root = el.getRootNode() as Document | ShadowRoot;
    for (const attr of ['aria-labelledby', 'aria-describedby']) {
      for (const id of (el.getAttribute(attr) ?? '').split(/\s+/)) {
        if (id !== '' && typeof root.getElementById === 'function') {
          parts.push(root.getElementById(id)?.textContent ?? '');
        }
      }
    }
    return normalise(parts.join(' ').slice(0, 2000));
  };

  /** The accessible name a container of split boxes may carry ("Verification code"). */
  const labelText = (el: Element): string => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const parts = [el.getAttribute('aria-label') ?? ''];
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
      if (id !== '' && typeof root.getElementById === 'function') {
        parts.push(root.getElementById(id)?.textContent ?? '');
      }
    }
    return normalise(parts.join(' '));
  };

  /** Text of containers, computed once: many inputs share a form. */
  const textCache = new Map<Node, string>();
  const textOf = (node: Node, limit: number): string => {
    let text = textCache.get(node);
    if (text === undefined) {
      text = (node.textContent ?? '').slice(0, limit);
      textCache.set(node, text);
    }
    return text;
  };

  /** The text around the field: its form, a few ancestors, the page title. */
  const contextText = (el: HTMLInputElement): string => {
    const parts = [el.ownerDocument.title];
    const form = el.closest('form');
    if (form) parts.push(textOf(form, 2000));
    let node: Element | null = el.parentElement;
    for (let depth = 0; node && depth < 3; depth += 1, node = node.parentElement) {
      if (node.localName === 'body' || node.localName === 'html') break;
      parts.push(textOf(node, 1000));
    }
    return normalise(parts.join(' '));
  };

  const viewOf = (el: Element): Window & typeof globalThis =>
    el.ownerDocument.defaultView ?? window;

  /** A frame's document, or null when it belongs to another origin. */
  const frameDocument = (frame: Element): Document | null => {
    try {
      // null (or a throw, in some browsers) for a frame from another origin.
      return (frame as HTMLIFrameElement).contentDocument;
    } catch {
      return null;
    }
  };

  /** Shown on screen: not hidden, not zero-size, not pushed off the page (honeypots). */
  const isVisible = (el: Element): boolean => {
    if (el.closest('[hidden]')) return false;
    if (
      typeof el.checkVisibility === 'function' &&
      !el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })
    ) {
      return false;
    }
    const view = viewOf(el);
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    if (style.visibility === 'collapse') return false;
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    if (rect.right + view.scrollX <= 0 || rect.bottom + view.scrollY <= 0) return false;
    return true;
  };

  /** An input a person could type a code into (any purpose). */
  const isTypable = (el: HTMLInputElement): boolean =>
    TEXT_TYPES.includes((el.getAttribute('type') ?? '').toLowerCase()) &&
    !el.disabled &&
    !el.readOnly &&
    el.closest('[inert]') === null &&
    el.getAttribute('aria-hidden') !== 'true' &&
    el.getAttribute('aria-disabled') !== 'true' &&
    el.getAttribute('aria-readonly') !== 'true';

  const autocompleteTokens = (el: HTMLInputElement): string[] =>
    (el.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).filter(Boolean);

  const isSearch = (el: HTMLInputElement): boolean =>
    el.getAttribute('role') === 'searchbox' ||
    el.getAttribute('role') === 'combobox' ||
    el.closest('[role="search"], search') !== null;

  const valueDescriptor = (el: HTMLInputElement): PropertyDescriptor | undefined =>
    Object.getOwnPropertyDescriptor(viewOf(el).HTMLInputElement.prototype, 'value');

  /** Reads the value underneath any wrapper a framework put on the element. */
  const getValue = (el: HTMLInputElement): string => {
    const descriptor = valueDescriptor(el);
    return descriptor?.get ? String(descriptor.get.call(el)) : el.value;
  };

  /**
   * Writes through the prototype's native setter: React's value tracker wraps the element's own
   * `value` property, and a write through that wrapper tells React nothing changed, so the next
   * input event would be ignored and the field re-rendered empty.
   */
  const setValue = (el: HTMLInputElement, value: string): void => {
    const descriptor = valueDescriptor(el);
    if (descriptor?.set) descriptor.set.call(el, value);
    else el.value = value;
  };

  const squash = (text: string): string => text.replace(/[\s\-–]+/g, '').toLowerCase();

  // ---------------------------------------------------------------------------------------------
  // Typing
  // ---------------------------------------------------------------------------------------------

  const keyEvent = (el: HTMLInputElement, type: string, ch: string): void => {
    const view = viewOf(el);
    const upper = ch.toUpperCase();
    const keyCode = upper.charCodeAt(0);
    const event = new view.KeyboardEvent(type, {
      key: ch,
      code: /\d/.test(ch) ? `Digit${ch}` : `Key${upper}`,
      bubbles: true,
      cancelable: true,
      composed: true,
      view,
    });
    // Old scripts read keyCode/which, which the constructor cannot set.
    try {
      Object.defineProperties(event, {
        keyCode: { get: () => keyCode },
        which: { get: () => keyCode },
        charCode: { get: () => (type === 'keypress' ? ch.charCodeAt(0) : 0) },
      });
    } catch {
      // A frozen event is still a usable event.
    }
    el.dispatchEvent(event);
  };

  /** Returns false when a listener cancelled the event. */
  const inputEvent = (
    el: HTMLInputElement,
    type: 'beforeinput' | 'input',
    inputType: string,
    data: string | null,
  ): boolean => {
    const view = viewOf(el);
    const init = { bubbles: true, cancelable: type === 'beforeinput', composed: true };
    const event =
      typeof view.InputEvent === 'function'
        ? new view.InputEvent(type, { ...init, inputType, data })
        : new view.Event(type, init);
    return el.dispatchEvent(event);
  };

  const changeEvent = (el: HTMLInputElement): void => {
    el.dispatchEvent(new (viewOf(el).Event)('change', { bubbles: true }));
  };

  const clear = (el: HTMLInputElement): void => {
    if (getValue(el) === '') return;
    if (!inputEvent(el, 'beforeinput', 'deleteContentBackward', null)) return;
    setValue(el, '');
    inputEvent(el, 'input', 'deleteContentBackward', null);
  };

  /** One keystroke the way a browser delivers it: keydown, keypress, beforeinput, input, keyup. */
  const typeChar = (el: HTMLInputElement, ch: string, base: string): void => {
    const before = getValue(el);
    keyEvent(el, 'keydown', ch);
    keyEvent(el, 'keypress', ch);
    // A page that handles keys itself has already inserted the character: do not insert it twice.
    if (getValue(el) === before && inputEvent(el, 'beforeinput', 'insertText', ch)) {
      if (getValue(el) === before) {
        setValue(el, base + ch);
        inputEvent(el, 'input', 'insertText', ch);
      }
    }
    keyEvent(el, 'keyup', ch);
  };

  const focus = (el: HTMLInputElement): void => {
    try {
      el.focus();
    } catch {
      // Focus is a courtesy; the events below carry the code.
    }
  };

  /**
   * Types the code into one field or across split boxes. A page that keeps its own state (React,
   * Vue, Angular) may rewrite the value during each input event; if a character did not stick,
   * the page refused it. A field left empty after the last character is taken as consumed (pages
   * that submit on the last digit and clear the field).
   */
  const type = (candidate: Candidate, text: string): boolean => {
    const { inputs } = candidate;
    const want = squash(text);
    if (inputs.length === 1) {
      const el = inputs[0];
      if (!el) return false;
      focus(el);
      clear(el);
      for (let i = 0; i < text.length; i += 1) {
        typeChar(el, text.charAt(i), getValue(el));
        if (i < text.length - 1 && squash(getValue(el)) !== want.slice(0, i + 1)) return false;
      }
      changeEvent(el);
      const got = squash(getValue(el));
      return got === want || got === '';
    }
    inputs.forEach((el, i) => {
      focus(el);
      clear(el);
      typeChar(el, text.charAt(i), '');
      changeEvent(el);
    });
    const got = squash(inputs.map(getValue).join(''));
    return got === want || got === '';
  };

  // ---------------------------------------------------------------------------------------------
  // Finding the field
  // ---------------------------------------------------------------------------------------------

  try {
    if (typeof code !== 'string') return { filled: false, reason: 'code_invalid' };
    const text = code.replace(/\s+/g, '');
    if (!/^[0-9A-Za-z]{4,10}$/.test(text)) return { filled: false, reason: 'code_invalid' };
    const digitsOnly = /^\d+$/.test(text);

    const top = document;
    if (!top.body || top.documentElement.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      return { filled: false, reason: 'not_allowed' };
    }

    // Every input, in document order, through open shadow roots and same-origin frames.
    const inputs: HTMLInputElement[] = [];
    let foreignFrames = 0;
    const walk = (root: Document | ShadowRoot, depth: number): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.localName === 'input') inputs.push(el as HTMLInputElement);
        if (el.shadowRoot) walk(el.shadowRoot, depth);
        if ((el.localName === 'iframe' || el.localName === 'frame') && depth < 4) {
          const doc = frameDocument(el);
          const shown = isVisible(el);
          if (doc?.body && shown) walk(doc, depth + 1);
          else if (!doc && shown) foreignFrames += 1;
        }
      }
    };
    walk(top, 0);

    // The element that has focus, looking into frames and shadow roots.
    let active: Element | null = top.activeElement;
    for (let hops = 0; active && hops < 10; hops += 1) {
      if (active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      else if (active.localName === 'iframe' || active.localName === 'frame') {
        const inner = frameDocument(active);
        if (!inner?.activeElement || inner.activeElement === inner.body) break;
        active = inner.activeElement;
      } else break;
    }

    const order = new Map<HTMLInputElement, number>();
    inputs.forEach((el, i) => order.set(el, i));

    /** Eligible at all: typable, shown, not some other kind of field. Returns its own text. */
    const screen = (el: HTMLInputElement): { own: string; strong: boolean } | null => {
      const tokens = autocompleteTokens(el);
      const otc = tokens.includes('one-time-code');
      if (!isTypable(el) || !isVisible(el)) return null;
      if (el.type === 'number' && !digitsOnly) return null;
      if (!otc && tokens.some((t) => OTHER_AUTOCOMPLETE.test(t))) return null;
      if (!otc && isSearch(el)) return null;
      const own = ownText(el);
      const strong = hasAny(own, STRONG);
      const rest = withoutStrong(own);
      if (!otc && !strong && (hasAny(rest, NEGATIVE) || hasWord(rest, NEGATIVE_WORDS))) {
        return null;
      }
      return { own, strong };
    };

    const structural = (el: HTMLInputElement): number => {
      let score = 0;
      const mode = (el.getAttribute('inputmode') ?? '').toLowerCase();
      if (mode === 'numeric' || mode === 'decimal') score += 2;
      if (/\\d|0-9/.test(el.getAttribute('pattern') ?? '')) score += 1;
      if (el.type === 'tel' || el.type === 'number') score += 1;
      const style = viewOf(el).getComputedStyle(el);
      // Opacity 0 is how honeypots hide; a real (overlay) field keeps some other sign.
      if (style.opacity === '0') score -= 4;
      return score;
    };

    const candidates: Candidate[] = [];

    // Split boxes: rows of 4–8 one-character inputs under a common parent (up to 3 levels up,
    // so boxes wrapped one by one, or in two halves around a dash, still form one row).
    const boxes = inputs.filter((el) => el.maxLength === 1);
    const used = new Set<HTMLInputElement>();
    for (const box of boxes) {
      if (used.has(box)) continue;
      let group: HTMLInputElement[] = [];
      let container: Element | null = box.parentElement;
      for (let depth = 0; container && depth < 3; depth += 1) {
        const inside = container;
        group = boxes.filter((b) => !used.has(b) && inside.contains(b));
        if (group.length >= 4) break;
        container = container.parentElement;
      }
      if (group.length < 4) {
        used.add(box);
        continue;
      }
      group.forEach((b) => used.add(b));
      if (group.length > 8) continue;
      const screened = group.map(screen);
      if (screened.some((s) => s === null)) continue;
      const otc = group.some((b) => autocompleteTokens(b).includes('one-time-code'));
      const first = group[0];
      if (!first) continue;
      const label = container ? labelText(container) : ' ';
      let score = 6 + structural(first);
      if (screened.some((s) => s?.strong) || hasAny(label, STRONG)) score += 3;
      if (hasAny(contextText(first), STRONG)) score += 3;
      candidates.push({
        inputs: group,
        how: 'split',
        tier: otc ? 2 : 1,
        score,
        qualifies: true,
        focused: active !== null && group.includes(active as HTMLInputElement),
        fits: group.length === text.length,
        order: order.get(first) ?? 0,
      });
    }

    // Single fields.
    for (const el of inputs) {
      if (el.maxLength >= 1 && el.maxLength <= 4) continue; // a box, a PIN, a card's CVC
      const screened = screen(el);
      if (!screened) continue;
      const otc = autocompleteTokens(el).includes('one-time-code');
      let score = structural(el);
      if (screened.strong) score += 6;
      else if (hasAny(screened.own, WEAK) || hasWord(screened.own, WEAK_WORDS)) score += 3;
      const max = el.maxLength;
      if (max === text.length) score += 3;
      else if (max >= 5 && max <= 8) score += 1;
      if (hasAny(contextText(el), STRONG)) score += 3;
      // The only thing to type into in its form: a weak sign, worth something with context.
      const scope = el.form ?? el.parentElement;
      if (
        scope &&
        Array.from(scope.querySelectorAll('input')).filter(
          (other) => other === el || (isTypable(other) && isVisible(other)),
        ).length === 1
      ) {
        score += 1;
      }
      const focused = el === active;
      const qualifies = otc || score >= THRESHOLD;
      if (!qualifies && !(focused && score >= 2)) continue;
      candidates.push({
        inputs: [el],
        how: otc ? 'one-time-code' : 'heuristic',
        tier: otc ? 2 : 1,
        score,
        qualifies,
        focused,
        fits: max < 0 || max >= text.length,
        order: order.get(el) ?? 0,
      });
    }

    // A recognised field with focus wins (the person put the cursor there); then autocomplete
    // "one-time-code"; then one the code fits; then the best score (focus counts a little);
    // then the first on the page.
    const rank = (c: Candidate): number => c.score + (c.focused ? 3 : 0);
    candidates.sort(
      (a, b) =>
        Number(b.focused && b.qualifies) - Number(a.focused && a.qualifies) ||
        b.tier - a.tier ||
        Number(b.fits) - Number(a.fits) ||
        rank(b) - rank(a) ||
        a.order - b.order,
    );
    const best = candidates[0];
    if (!best) {
      return { filled: false, reason: foreignFrames > 0 ? 'field_in_frame' : 'no_field' };
    }
    if (!best.fits) return { filled: false, reason: 'length_mismatch' };
    if (!type(best, text)) return { filled: false, reason: 'field_rejected' };
    return { filled: true, fields: best.inputs.length, how: best.how };
  } catch {
    return { filled: false, reason: 'fill_failed' };
  }
}
