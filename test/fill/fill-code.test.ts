// @vitest-environment happy-dom
/**
 * Which field fillCode picks, for a table of markup snippets, and how it types. happy-dom has no
 * layout, so getBoundingClientRect is replaced by one that reads the inline style (120x24 unless
 * the snippet says otherwise); that is enough to test the zero-size and off-screen rules.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fillCode, type FillHow, type FillResult } from '../../src/fill/fill-code';

const CODE = '123456';

const realRect = Element.prototype.getBoundingClientRect;
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function fakeRect(this: Element): DOMRect {
    const style = (this as HTMLElement).style;
    const px = (value: string | undefined, fallback: number): number =>
      value === undefined || value === '' ? fallback : Number.parseFloat(value);
    return new DOMRect(
      px(style?.left, 10),
      px(style?.top, 10),
      px(style?.width, 120),
      px(style?.height, 24),
    );
  };
});
afterAll(() => {
  Element.prototype.getBoundingClientRect = realRect;
});
beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

/** Puts the markup on the page, focuses the `data-focus` element if any, and fills. */
function run(html: string, code: string = CODE): { result: FillResult; filled: string[] } {
  document.body.innerHTML = html;
  document.querySelector<HTMLElement>('[data-focus]')?.focus();
  const before = new Map(
    Array.from(document.querySelectorAll('input')).map((el) => [el, el.value] as const),
  );
  const result = fillCode(code);
  const filled = Array.from(document.querySelectorAll('input'))
    .filter((el) => el.value !== before.get(el))
    .map((el) => el.id || el.name);
  return { result, filled };
}

/** One-character boxes b1…bN (or the slice from..to of them). */
const boxes = (n: number, attrs = '', from = 0, to = n): string =>
  Array.from(
    { length: n },
    (_, i) => `<input id="b${i + 1}" maxlength="1" inputmode="numeric" ${attrs}>`,
  )
    .slice(from, to)
    .join('');
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `b${i + 1}`);

type Chosen = readonly [name: string, html: string, ids: readonly string[], how: FillHow];

const CHOSEN: readonly Chosen[] = [
  [
    'autocomplete="one-time-code"',
    '<input id="a" name="x" autocomplete="one-time-code">',
    ['a'],
    'one-time-code',
  ],
  [
    'one-time-code beats an earlier field labelled "Verification code"',
    '<label for="v">Verification code</label><input id="v"><input id="a" autocomplete="one-time-code">',
    ['a'],
    'one-time-code',
  ],
  [
    'a <label for> "Verification code"',
    '<input id="n" name="nick"><label for="v">Verification code</label><input id="v">',
    ['v'],
    'heuristic',
  ],
  [
    'a wrapping <label> "Verifieringskod"',
    '<label>Verifieringskod <input id="v"></label>',
    ['v'],
    'heuristic',
  ],
  ['placeholder "Engångskod"', '<input id="v" placeholder="Engångskod">', ['v'], 'heuristic'],
  ['aria-label "Säkerhetskod"', '<input id="v" aria-label="Säkerhetskod">', ['v'], 'heuristic'],
  [
    'label "Ange koden" with numeric keyboard',
    '<label>Ange koden <input id="v" inputmode="numeric"></label>',
    ['v'],
    'heuristic',
  ],
  [
    'aria-labelledby a "Two-factor code" heading',
    '<h2 id="h">Two-factor code</h2><input id="v" aria-labelledby="h">',
    ['v'],
    'heuristic',
  ],
  ['name="otp"', '<input id="v" name="otp"><input id="w">', ['v'], 'heuristic'],
  ['id="mfaCode" (camelCase)', '<input id="mfaCode"><input id="w">', ['mfaCode'], 'heuristic'],
  ['name="totp_token"', '<input id="v" name="totp_token">', ['v'], 'heuristic'],
  ['title "Authenticator code"', '<input id="v" title="Authenticator code">', ['v'], 'heuristic'],
  [
    '"2FA" in a class name',
    '<input id="v" class="form-control input-2fa"><input id="w">',
    ['v'],
    'heuristic',
  ],
  [
    'inputmode="numeric" and maxlength="6", no words',
    '<input id="n" name="nick"><input id="v" inputmode="numeric" maxlength="6">',
    ['v'],
    'heuristic',
  ],
  [
    'type="tel" maxlength="6" (a numeric keyboard on phones)',
    '<input id="v" type="tel" maxlength="6">',
    ['v'],
    'heuristic',
  ],
  [
    'name="code", the only input of a form about an authenticator app',
    '<form><p>Open your authenticator app and enter the code.</p><input id="v" name="code"><button>Go</button></form>',
    ['v'],
    'heuristic',
  ],
  [
    'an unlabelled field, alone in a "Two-step verification" form',
    '<form><h1>Two-step verification</h1><input id="v" type="text"></form>',
    ['v'],
    'heuristic',
  ],
  [
    '"One-time password" is not a password field',
    '<label>One-time password <input id="v"></label>',
    ['v'],
    'heuristic',
  ],
  [
    '"Email verification code" is a code field, "email" notwithstanding',
    '<input id="e" type="email"><input id="v" placeholder="Email verification code">',
    ['v'],
    'heuristic',
  ],
  [
    'the real field among decoys: search, email, password, promo, postcode, honeypots',
    `<form role="search"><input id="q" name="q"></form>
     <input id="e" type="email" placeholder="Verification email"><input id="p" type="password" name="otp">
     <label>Promo code <input id="promo"></label>
     <label>Postcode <input id="pc" maxlength="6" inputmode="numeric"></label>
     <input id="h1" name="otp" hidden><input id="h2" name="otp" style="display:none">
     <input id="h3" name="otp" style="visibility:hidden"><input id="h4" name="otp" style="width:0px;height:0px">
     <input id="h5" name="otp" style="position:absolute;left:-10000px"><input id="h6" name="otp" style="opacity:0">
     <input id="h7" name="otp" disabled><input id="h8" name="otp" readonly>
     <input id="h9" name="otp" aria-hidden="true"><input id="h10" type="hidden" name="otp">
     <div style="display:none"><input id="h11" name="otp"></div>
     <label>Säkerhetskod <input id="v"></label>`,
    ['v'],
    'heuristic',
  ],
  [
    'of two code fields, the one with focus',
    '<label>Verification code <input id="a"></label><label>Verification code <input id="b" data-focus></label>',
    ['b'],
    'heuristic',
  ],
  [
    'a focused code field over a one-time-code field elsewhere',
    '<input id="a" autocomplete="one-time-code"><label>Verification code <input id="b" data-focus></label>',
    ['b'],
    'heuristic',
  ],
  [
    'not the focused search box',
    '<input id="q" type="search" data-focus><input id="v" name="otp">',
    ['v'],
    'heuristic',
  ],
  [
    'a focused numeric field with no words (the person chose it)',
    '<input id="n" name="nick"><input id="v" inputmode="numeric" data-focus>',
    ['v'],
    'heuristic',
  ],
  ['six split boxes', `<div>${boxes(6)}</div>`, ids(6), 'split'],
  [
    'six split boxes in two halves around a dash',
    `<div><div>${boxes(6, '', 0, 3)}</div><span>-</span><div>${boxes(6, '', 3, 6)}</div></div>`,
    ids(6),
    'split',
  ],
  [
    'six boxes, each in its own wrapper',
    `<div>${ids(6)
      .map((id) => `<span><input id="${id}" maxlength="1"></span>`)
      .join('')}</div>`,
    ids(6),
    'split',
  ],
  [
    'split boxes, one of them focused',
    `<label>Verification code <input id="v"></label><div>${boxes(6).replace('id="b3"', 'id="b3" data-focus')}</div>`,
    ids(6),
    'split',
  ],
  [
    'split boxes marked one-time-code beat a labelled single field',
    `<label>Verification code <input id="v"></label><div>${boxes(6).replace('id="b1"', 'id="b1" autocomplete="one-time-code"')}</div>`,
    ids(6),
    'split',
  ],
  [
    'split boxes, next to (not mixed with) a 4-box card PIN row elsewhere',
    `<div>${boxes(6)}</div><section><div>${['p1', 'p2', 'p3', 'p4'].map((id) => `<input id="${id}" maxlength="1" type="password">`).join('')}</div></section>`,
    ids(6),
    'split',
  ],
];

describe('the field that is chosen', () => {
  it.each(CHOSEN)('%s', (_name, html, expected, how) => {
    const { result, filled } = run(html);
    expect(result).toEqual({ filled: true, fields: expected.length, how });
    expect(filled).toEqual(expected);
    const typed = expected.map((id) => document.querySelector<HTMLInputElement>(`#${id}`)?.value);
    expect(typed.join('')).toBe(CODE);
  });
});

const NOTHING: readonly (readonly [name: string, html: string])[] = [
  ['an empty page', ''],
  [
    'a sign-in form',
    '<input name="username" autocomplete="username"><input type="password" name="password">',
  ],
  ['a plain text field with no hints', '<input id="x"><input id="y">'],
  ['a focused plain text field with no hints', '<input id="x" data-focus><input id="y">'],
  ['name="code" with nothing around it', '<input name="code"><input name="other">'],
  ['a password field named otp', '<input type="password" name="otp">'],
  ['an email field', '<input type="email" placeholder="Verification email">'],
  ['a search field', '<input type="search" placeholder="Search codes">'],
  ['a text field in a search form', '<form role="search"><input name="code"></form>'],
  ['a searchbox', '<input role="searchbox" aria-label="Search 2FA docs">'],
  ['a phone field', '<label>Mobile phone <input type="tel" maxlength="8"></label>'],
  ['autocomplete="tel"', '<input type="tel" autocomplete="tel" inputmode="numeric" maxlength="6">'],
  ['a promo code', '<label>Promo code <input></label>'],
  ['a postcode', '<label>Postcode <input maxlength="6" inputmode="numeric"></label>'],
  ['a zip code', '<input name="zip_code" inputmode="numeric" maxlength="6">'],
  ['a rabattkod', '<label>Rabattkod <input></label>'],
  ['a postnummer', '<label>Postnummer <input inputmode="numeric"></label>'],
  ['a recovery code (the TOTP code would be wrong there)', '<label>Recovery code <input></label>'],
  ['a country code', '<label>Country code <input></label>'],
  ['a card security code (cc-csc)', '<label>Security code <input autocomplete="cc-csc"></label>'],
  ['a 4-digit PIN', '<label>PIN <input maxlength="4" inputmode="numeric"></label>'],
  ['a hidden one-time-code field', '<input autocomplete="one-time-code" hidden>'],
  [
    'a one-time-code field in a display:none parent',
    '<div style="display:none"><input autocomplete="one-time-code"></div>',
  ],
  [
    'a zero-size one-time-code field',
    '<input autocomplete="one-time-code" style="width:0px;height:0px">',
  ],
  ['a disabled one-time-code field', '<input autocomplete="one-time-code" disabled>'],
  ['a read-only one-time-code field', '<input autocomplete="one-time-code" readonly>'],
  [
    'a one-time-code field under an inert parent',
    '<div inert><input autocomplete="one-time-code"></div>',
  ],
  ['a checkbox named otp', '<input type="checkbox" name="otp">'],
  ['three one-character boxes', `<div>${boxes(3)}</div>`],
  ['nine one-character boxes', `<div>${boxes(9)}</div>`],
  ['a textarea', '<label>Verification code <textarea></textarea></label>'],
];

describe('pages where nothing is filled', () => {
  it.each(NOTHING)('%s', (_name, html) => {
    const { result, filled } = run(html);
    expect(result).toEqual({ filled: false, reason: 'no_field' });
    expect(filled).toEqual([]);
  });
});

describe('code lengths', () => {
  it('refuses a code longer than the field takes', () => {
    expect(run('<label>Verification code <input maxlength="5"></label>')).toEqual({
      result: { filled: false, reason: 'length_mismatch' },
      filled: [],
    });
  });

  it('refuses a 6-digit code for four split boxes', () => {
    expect(run(`<div>${boxes(4)}</div>`).result).toEqual({
      filled: false,
      reason: 'length_mismatch',
    });
  });

  it('prefers a field the code fits over one it does not', () => {
    const { result, filled } = run(
      '<label>Verification code <input id="short" maxlength="5"></label><label>Verification code <input id="v" maxlength="6"></label>',
    );
    expect(result).toMatchObject({ filled: true });
    expect(filled).toEqual(['v']);
  });

  it('fills a 5-character Steam code into maxlength="5" and five boxes', () => {
    expect(run('<label>Steam Guard code <input id="s" maxlength="5"></label>', 'F4K2Q')).toEqual({
      result: { filled: true, fields: 1, how: 'heuristic' },
      filled: ['s'],
    });
    expect(
      run(`<div>${boxes(5, '', 0, 5).replaceAll(' inputmode="numeric"', '')}</div>`, 'F4K2Q')
        .result,
    ).toEqual({
      filled: true,
      fields: 5,
      how: 'split',
    });
    expect(document.querySelector<HTMLInputElement>('#b5')?.value).toBe('Q');
  });

  it('does not put letters into a number field', () => {
    expect(run('<label>Steam Guard code <input type="number"></label>', 'F4K2Q').result).toEqual({
      filled: false,
      reason: 'no_field',
    });
  });

  it.each([
    ['', 'code_invalid'],
    ['12 34 56', undefined],
    ['12345!', 'code_invalid'],
    ['123', 'code_invalid'],
    ['12345678901', 'code_invalid'],
  ])('code %j', (code, reason) => {
    const { result } = run('<input id="v" autocomplete="one-time-code">', code);
    if (reason) expect(result).toEqual({ filled: false, reason });
    else
      expect(document.querySelector<HTMLInputElement>('#v')?.value).toBe(code.replaceAll(' ', ''));
  });

  it('does not throw for a non-string argument', () => {
    document.body.innerHTML = '<input autocomplete="one-time-code">';
    expect(fillCode(123456 as unknown as string)).toEqual({
      filled: false,
      reason: 'code_invalid',
    });
  });
});

describe('frames and shadow roots', () => {
  it('fills a field in a same-origin iframe', async () => {
    document.body.innerHTML =
      '<iframe srcdoc="<label>Verification code <input id=inner></label>"></iframe>';
    const frame = document.querySelector('iframe')!;
    await new Promise((done) => setTimeout(done, 50));
    expect(fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(frame.contentDocument?.querySelector<HTMLInputElement>('#inner')?.value).toBe(CODE);
  });

  it('fills a field in an open shadow root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="s" autocomplete="one-time-code">';
    expect(fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
    expect(shadow.querySelector<HTMLInputElement>('#s')?.value).toBe(CODE);
  });
});

describe('typing', () => {
  it('sends the events a browser sends, with InputEvent insertText, one character at a time', () => {
    document.body.innerHTML = '<form><input id="v" autocomplete="one-time-code" value="99"></form>';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    const seen: string[] = [];
    for (const type of [
      'focus',
      'keydown',
      'keypress',
      'beforeinput',
      'input',
      'keyup',
      'change',
    ]) {
      document.addEventListener(
        type,
        (event) => {
          const detail =
            event instanceof InputEvent ? `:${event.inputType}:${event.data ?? ''}` : '';
          const key = event instanceof KeyboardEvent ? `:${event.key}` : '';
          seen.push(`${type}${detail}${key}`);
        },
        true,
      );
    }
    expect(fillCode('1234')).toMatchObject({ filled: true });
    expect(input.value).toBe('1234');
    expect(document.activeElement).toBe(input);
    expect(seen).toEqual([
      'focus',
      'beforeinput:deleteContentBackward:',
      'input:deleteContentBackward:',
      ...['1', '2', '3', '4'].flatMap((ch) => [
        `keydown:${ch}`,
        `keypress:${ch}`,
        `beforeinput:insertText:${ch}`,
        `input:insertText:${ch}`,
        `keyup:${ch}`,
      ]),
      'change',
    ]);
  });

  it('events bubble, so listeners on the form or document (React, Vue, Angular) see them', () => {
    document.body.innerHTML = '<form id="f"><input autocomplete="one-time-code"></form>';
    const kinds = new Set<string>();
    const form = document.getElementById('f')!;
    for (const type of ['input', 'change', 'keydown', 'keyup']) {
      form.addEventListener(type, () => kinds.add(type));
    }
    fillCode(CODE);
    expect([...kinds].sort()).toEqual(['change', 'input', 'keydown', 'keyup']);
  });

  it('writes beneath a React-style value tracker, so the page state gets the code', () => {
    document.body.innerHTML = '<label>Verification code <input id="v"></label>';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    let tracked = '';
    let state = '';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get(this: HTMLInputElement) {
        return native.get!.call(this) as string;
      },
      set(this: HTMLInputElement, v: string) {
        tracked = v;
        native.set!.call(this, v);
      },
    });
    document.addEventListener('input', () => {
      const actual = native.get!.call(input) as string;
      if (actual !== tracked) state = tracked = actual;
      if (actual !== state) input.value = state; // restore the controlled value
    });
    expect(fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(state).toBe(CODE);
  });

  it('does not insert twice when the page handles keydown itself', () => {
    document.body.innerHTML = '<div id="row"></div>';
    document.getElementById('row')!.innerHTML = boxes(6);
    const all = Array.from(document.querySelectorAll('input'));
    all.forEach((box) =>
      box.addEventListener('keydown', (event) => {
        event.preventDefault();
        box.value = event.key;
      }),
    );
    expect(fillCode(CODE)).toEqual({ filled: true, fields: 6, how: 'split' });
    expect(all.map((b) => b.value).join('')).toBe(CODE);
  });

  it('reports a page that drops what was typed', () => {
    document.body.innerHTML = '<label>Verification code <input id="v"></label>';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    input.addEventListener('input', () => {
      input.value = input.value.slice(0, 1) === '1' ? 'x' : input.value;
    });
    expect(fillCode(CODE)).toEqual({ filled: false, reason: 'field_rejected' });
  });

  it('accepts a field the page empties after the last digit (it submitted)', () => {
    document.body.innerHTML = '<input id="v" autocomplete="one-time-code">';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    input.addEventListener('input', () => {
      if (input.value.length === 6) input.value = '';
    });
    expect(fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });

  it('keeps spaces a page adds for readability ("123 456")', () => {
    document.body.innerHTML = '<input id="v" autocomplete="one-time-code">';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    input.addEventListener('input', () => {
      const digits = input.value.replace(/\D/g, '');
      input.value = digits.length > 3 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
    });
    expect(fillCode(CODE)).toMatchObject({ filled: true });
    expect(input.value).toBe('123 456');
  });
});

describe('never throws', () => {
  it('returns fill_failed when the page breaks the DOM underneath it', () => {
    document.body.innerHTML = '<input autocomplete="one-time-code">';
    Object.defineProperty(document, 'activeElement', {
      configurable: true,
      get() {
        throw new Error('page broke it');
      },
    });
    try {
      expect(fillCode(CODE)).toEqual({ filled: false, reason: 'fill_failed' });
    } finally {
      Reflect.deleteProperty(document, 'activeElement');
    }
    expect(document.activeElement).toBe(document.body);
  });
});

describe('self-contained', () => {
  it('works when rebuilt from its source text alone, as Chrome does', () => {
    const source = fillCode.toString();
    expect(source).not.toMatch(/\bimport\b|require\(|__vite/);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- exactly what Chrome does
    const build = new Function(`return (${source});`) as () => typeof fillCode;
    const rebuilt = build();
    document.body.innerHTML = '<label>Verification code <input id="v"></label>';
    expect(rebuilt(CODE)).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(document.querySelector<HTMLInputElement>('#v')?.value).toBe(CODE);
  });
});
