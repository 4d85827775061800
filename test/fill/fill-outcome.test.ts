// @vitest-environment happy-dom
/**
 * What fillCode reports: code lengths that do not fit, fields in frames and shadow roots, and
 * what the page kept once it settled (filled, partial, rejected), including the paste fallback.
 */
import { describe, expect, it } from 'vitest';
import { fillCode } from '../../src/fill/fill-code';
import { boxes, input, run, useFakeLayout } from './dom-fixture';

const CODE = '123456';

useFakeLayout();

describe('code lengths', () => {
  it('refuses a code longer than the field takes', async () => {
    expect(await run('<label>Verification code <input maxlength="5"></label>')).toEqual({
      result: { filled: false, reason: 'length_mismatch' },
      filled: [],
    });
  });

  it('refuses a 6-digit code for four split boxes', async () => {
    expect((await run(`<div>${boxes(4)}</div>`)).result).toEqual({
      filled: false,
      reason: 'length_mismatch',
    });
  });

  it('prefers a field the code fits over one it does not', async () => {
    const { result, filled } = await run(
      '<label>Verification code <input id="short" maxlength="5"></label><label>Verification code <input id="v" maxlength="6"></label>',
    );
    expect(result).toMatchObject({ filled: true });
    expect(filled).toEqual(['v']);
  });

  it('fills a 5-character Steam code into maxlength="5" and five boxes', async () => {
    expect(
      await run('<label>Steam Guard code <input id="s" maxlength="5"></label>', 'F4K2Q'),
    ).toEqual({
      result: { filled: true, fields: 1, how: 'heuristic' },
      filled: ['s'],
    });
    expect((await run(`<div>${boxes(5, 'maxlength="1"')}</div>`, 'F4K2Q')).result).toEqual({
      filled: true,
      fields: 5,
      how: 'split',
    });
    expect(input('#b5').value).toBe('Q');
  });

  it('does not put letters into a number field', async () => {
    expect(
      (await run('<label>Steam Guard code <input type="number"></label>', 'F4K2Q')).result,
    ).toEqual({ filled: false, reason: 'no_field' });
  });

  it.each([
    ['', 'code_invalid'],
    ['12 34 56', undefined],
    ['12345!', 'code_invalid'],
    ['123', 'code_invalid'],
    ['12345678901', 'code_invalid'],
  ])('code %j', async (code, reason) => {
    const { result } = await run('<input id="v" autocomplete="one-time-code">', code);
    if (reason) expect(result).toEqual({ filled: false, reason });
    else expect(input('#v').value).toBe(code.replaceAll(' ', ''));
  });

  it('does not throw for a non-string argument', async () => {
    document.body.innerHTML = '<input autocomplete="one-time-code">';
    expect(await fillCode(123456)).toEqual({ filled: false, reason: 'code_invalid' });
  });
});

describe('frames and shadow roots', () => {
  it('fills a field in a same-origin iframe', async () => {
    document.body.innerHTML =
      '<iframe srcdoc="<label>Verification code <input id=inner></label>"></iframe>';
    const frame = document.querySelector('iframe')!;
    await new Promise((done) => setTimeout(done, 50));
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(frame.contentDocument?.querySelector<HTMLInputElement>('#inner')?.value).toBe(CODE);
  });

  it('fills a field in an open shadow root', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="s" autocomplete="one-time-code">';
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
    expect(shadow.querySelector<HTMLInputElement>('#s')?.value).toBe(CODE);
  });
});

describe('a field ruled out', () => {
  it('as asking for a code the site sent says so, not that there was no field', async () => {
    // Steam's e-mail step: the same five boxes as its authenticator step.
    const page = (text: string): string =>
      `<form><p>${text}</p><label>Verification code <input id="c" inputmode="numeric"></label></form>`;
    expect(await run(page('We sent a code to alice@example.com.'))).toEqual({
      result: { filled: false, reason: 'field_wants_sent_code' },
      filled: [],
    });
    expect(await run(page('Hemos enviado un código a tu correo.'))).toEqual({
      result: { filled: false, reason: 'field_wants_sent_code' },
      filled: [],
    });
  });

  it('as something else (a card form) is still no field', async () => {
    expect(
      (
        await run(
          '<form><input autocomplete="cc-number"><label>Security code <input id="c" inputmode="numeric"></label></form>',
        )
      ).result,
    ).toEqual({ filled: false, reason: 'no_field' });
  });
});

describe('what the page kept, once it settled', () => {
  it('a field the page submits and empties after the last digit counts as filled', async () => {
    document.body.innerHTML =
      '<form id="f"><input id="v" autocomplete="one-time-code"><button>Verify</button></form>';
    const field = input('#v');
    const form = document.querySelector<HTMLFormElement>('#f')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      setTimeout(() => (field.value = ''), 10);
    });
    field.addEventListener('input', () => {
      if (field.value.length === 6) form.requestSubmit();
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });

  it('a field the page empties as it submits, before the typing is over, counts as filled', async () => {
    document.body.innerHTML =
      '<form id="f"><input id="v" autocomplete="one-time-code"><button>Verify</button></form>';
    const field = input('#v');
    const form = document.querySelector<HTMLFormElement>('#f')!;
    let received = '';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      received = field.value;
      field.value = '';
    });
    field.addEventListener('input', () => {
      if (field.value.length === 6) form.requestSubmit();
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
    expect(received).toBe(CODE);
  });

  it('a field that is emptied and disabled while the page checks the code counts as filled', async () => {
    document.body.innerHTML = '<input id="v" autocomplete="one-time-code">';
    const field = input('#v');
    field.addEventListener('input', () => {
      if (field.value.length === 6) {
        setTimeout(() => {
          field.value = '';
          field.disabled = true;
        }, 10);
      }
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });

  it('a page that shows its next step in place of the field (new address) counts as filled', async () => {
    document.body.innerHTML = '<main><input id="v" autocomplete="one-time-code"></main>';
    const field = input('#v');
    field.addEventListener('input', () => {
      if (field.value.length !== 6) return;
      setTimeout(() => {
        history.pushState(null, '', '/welcome');
        document.querySelector('main')!.innerHTML = '<h1>Welcome back</h1>';
      }, 10);
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });

  it('a field replaced by its next step, with no code field left, counts as filled', async () => {
    document.body.innerHTML = '<main><input id="v" autocomplete="one-time-code"></main>';
    const field = input('#v');
    field.addEventListener('input', () => {
      if (field.value.length !== 6) return;
      setTimeout(() => {
        document.querySelector('main')!.innerHTML = '<h1>Signed in</h1>';
      }, 10);
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });

  it('a field the page empties again with no sign of moving on is not filled', async () => {
    document.body.innerHTML = '<input id="v" autocomplete="one-time-code">';
    const field = input('#v');
    field.addEventListener('input', () => {
      if (field.value.length === 6) setTimeout(() => (field.value = ''), 10);
    });
    expect(await fillCode(CODE)).toEqual({ filled: false, reason: 'field_rejected' });
  });

  it('a field the page re-mounts empty is not filled', async () => {
    document.body.innerHTML = '<main><input id="v" autocomplete="one-time-code"></main>';
    const field = input('#v');
    field.addEventListener('input', () => {
      if (field.value.length !== 6) return;
      setTimeout(() => {
        document.querySelector('main')!.innerHTML = '<input id="w" autocomplete="one-time-code">';
      }, 10);
    });
    expect(await fillCode(CODE)).toEqual({ filled: false, reason: 'field_rejected' });
  });

  it('a field that never held the code and is empty is rejected', async () => {
    document.body.innerHTML = '<label>Verification code <input id="v"></label>';
    const field = input('#v');
    field.addEventListener('input', () => (field.value = ''));
    expect(await fillCode(CODE)).toEqual({ filled: false, reason: 'field_rejected' });
  });

  it('reports a page that turns what was typed into something else as rejected', async () => {
    document.body.innerHTML = '<label>Verification code <input id="v"></label>';
    const field = input('#v');
    field.addEventListener('input', () => {
      field.value = field.value.slice(0, 1) === '1' ? 'x' : field.value;
    });
    expect(await fillCode(CODE)).toEqual({ filled: false, reason: 'field_rejected' });
  });

  it('a Vue-style re-render after typing that keeps one digit is partial, not filled', async () => {
    document.body.innerHTML = '<label>Verification code <input id="v"></label>';
    const field = input('#v');
    let model = '';
    field.addEventListener('input', () => {
      model = field.value;
      // The component's watcher re-renders later, from a model that keeps one character.
      setTimeout(() => (field.value = model.slice(0, 1)), 20);
    });
    expect(await fillCode(CODE)).toEqual({ filled: false, reason: 'field_partial' });
    expect(field.value).toBe('1');
  });

  it('boxes where a re-render keeps only the first digit are partial', async () => {
    document.body.innerHTML = `<div>${boxes(6)}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    all.forEach((box, i) =>
      box.addEventListener('input', () => {
        if (i > 0) setTimeout(() => (box.value = ''), 20);
      }),
    );
    expect(await fillCode(CODE)).toEqual({ filled: false, reason: 'field_partial' });
    expect(all.map((b) => b.value).join('')).toBe('1');
  });

  it('keeps spaces a page adds for readability ("123 456")', async () => {
    document.body.innerHTML = '<input id="v" autocomplete="one-time-code">';
    const field = input('#v');
    field.addEventListener('input', () => {
      const digits = field.value.replace(/\D/g, '');
      field.value = digits.length > 3 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
    });
    expect(await fillCode(CODE)).toMatchObject({ filled: true });
    expect(field.value).toBe('123 456');
  });

  it('pastes into the first box when the row ignores typed keys but takes a paste', async () => {
    document.body.innerHTML = `<div id="row">${boxes(6)}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    all.forEach((box) => box.addEventListener('keydown', (event) => event.preventDefault()));
    document.getElementById('row')!.addEventListener('paste', (event) => {
      event.preventDefault();
      const text = event.clipboardData?.getData('text/plain') ?? '';
      all.forEach((box, i) => (box.value = text.charAt(i)));
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 6, how: 'split' });
    expect(all.map((b) => b.value).join('')).toBe(CODE);
  });

  it('replaces a full row’s old code through the paste when keys are refused (PrimeReact)', async () => {
    document.body.innerHTML = `<div id="row">${boxes(6, 'aria-label="OTP"')}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    all.forEach((box, i) => (box.value = '987654'.charAt(i)));
    const full = (): boolean => all.every((b) => b.value !== '');
    all.forEach((box) =>
      box.addEventListener('keydown', (event) => {
        if (full()) event.preventDefault();
      }),
    );
    // Not cancelled: the component sets the boxes, and the browser's own paste follows.
    document.getElementById('row')!.addEventListener('paste', (event) => {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      setTimeout(() => all.forEach((box, i) => (box.value = text.charAt(i))), 0);
    });
    expect(await fillCode(CODE)).toEqual({ filled: true, fields: 6, how: 'split' });
    expect(all.map((b) => b.value).join('')).toBe(CODE);
  });
});

describe('never throws', () => {
  it('returns fill_failed when the page breaks the DOM underneath it', async () => {
    document.body.innerHTML = '<input autocomplete="one-time-code">';
    Object.defineProperty(document, 'activeElement', {
      configurable: true,
      get() {
        throw new Error('page broke it');
      },
    });
    try {
      expect(await fillCode(CODE)).toEqual({ filled: false, reason: 'fill_failed' });
    } finally {
      Reflect.deleteProperty(document, 'activeElement');
    }
    expect(document.activeElement).toBe(document.body);
  });
});
