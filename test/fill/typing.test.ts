// @vitest-environment happy-dom
/** The events typing sends, one field or one box at a time, and the paste into a row. */
import { describe, expect, it } from 'vitest';
import { focusField, pasteIntoBoxes, typeIntoBoxes, typeIntoField } from '../../src/fill/typing';
import { boxes, useFakeLayout } from './dom-fixture';

useFakeLayout();

/** Records the events of `types` reaching the document, with their key, inputType and data. */
function record(types: readonly string[]): string[] {
  const seen: string[] = [];
  for (const type of types) {
    document.addEventListener(
      type,
      (event) => {
        const detail = event instanceof InputEvent ? `:${event.inputType}:${event.data ?? ''}` : '';
        const key = event instanceof KeyboardEvent ? `:${event.key}` : '';
        const target = event.target instanceof HTMLInputElement ? `@${event.target.id}` : '';
        seen.push(`${type}${detail}${key}${target}`);
      },
      true,
    );
  }
  return seen;
}

const ALL = ['focus', 'keydown', 'keypress', 'beforeinput', 'input', 'keyup', 'change'];

describe('typeIntoField', () => {
  it('sends the events a browser sends, with InputEvent insertText, one character at a time', async () => {
    document.body.innerHTML = '<form><input id="v" value="99"></form>';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    const seen = record(ALL);
    await typeIntoField(input, '1234');
    expect(input.value).toBe('1234');
    expect(document.activeElement).toBe(input);
    expect(seen).toEqual([
      'focus@v',
      'beforeinput:deleteContentBackward:@v',
      'input:deleteContentBackward:@v',
      ...['1', '2', '3', '4'].flatMap((ch) => [
        `keydown:${ch}@v`,
        `keypress:${ch}@v`,
        `beforeinput:insertText:${ch}@v`,
        `input:insertText:${ch}@v`,
        `keyup:${ch}@v`,
      ]),
      'change@v',
    ]);
  });

  it('events bubble, so listeners on the form or document (React, Vue, Angular) see them', async () => {
    document.body.innerHTML = '<form id="f"><input id="v"></form>';
    const kinds = new Set<string>();
    const form = document.getElementById('f')!;
    for (const type of ['input', 'change', 'keydown', 'keyup', 'beforeinput']) {
      form.addEventListener(type, () => kinds.add(type));
    }
    await typeIntoField(document.querySelector('input')!, '123456');
    expect([...kinds].sort()).toEqual(['beforeinput', 'change', 'input', 'keydown', 'keyup']);
  });

  it('writes beneath a React-style value tracker, so the page state gets the code', async () => {
    document.body.innerHTML = '<input id="v">';
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
    await typeIntoField(input, '123456');
    expect(state).toBe('123456');
  });

  it('inserts nothing for a cancelled keydown or keypress, as a browser does', async () => {
    document.body.innerHTML = '<input id="v">';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    input.addEventListener('keydown', (event) => {
      if (event.key === '2') event.preventDefault();
    });
    input.addEventListener('keypress', (event) => {
      if (event.key === '3') event.preventDefault();
    });
    const seen = record(['beforeinput', 'input', 'keyup']);
    await typeIntoField(input, '123');
    expect(input.value).toBe('1');
    // It stops at the first character that did not stick: the page refuses what is typed.
    expect(seen).toEqual([
      'beforeinput:insertText:1@v',
      'input:insertText:1@v',
      'keyup:1@v',
      'keyup:2@v',
    ]);
  });

  it('keeps old scripts working: keyCode, which and charCode are set', async () => {
    document.body.innerHTML = '<input id="v">';
    const codes: number[] = [];
    document.addEventListener('keypress', (event) => codes.push(event.keyCode, event.charCode));
    await typeIntoField(document.querySelector('input')!, 'a1');
    expect(codes).toEqual([65, 97, 49, 49]);
  });
});

describe('typeIntoBoxes', () => {
  it('focuses each box and types its character, replacing what was there', async () => {
    document.body.innerHTML = `<div>${boxes(4)}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    all[0]!.value = '9';
    const seen = record(ALL);
    await typeIntoBoxes(all, '1234');
    expect(all.map((b) => b.value)).toEqual(['1', '2', '3', '4']);
    expect(document.activeElement).toBe(all[3]);
    expect(seen.slice(0, 7)).toEqual([
      'focus@b1',
      'keydown:1@b1',
      'keypress:1@b1',
      'beforeinput:insertText:1@b1',
      'input:insertText:1@b1',
      'keyup:1@b1',
      'change@b1',
    ]);
    expect(seen.filter((e) => e.startsWith('focus'))).toEqual([
      'focus@b1',
      'focus@b2',
      'focus@b3',
      'focus@b4',
    ]);
  });

  it('does not insert twice when the page handles keydown itself', async () => {
    document.body.innerHTML = `<div>${boxes(6)}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    all.forEach((box) =>
      box.addEventListener('keydown', (event) => {
        event.preventDefault();
        box.value = event.key;
      }),
    );
    await typeIntoBoxes(all, '123456');
    expect(all.map((b) => b.value).join('')).toBe('123456');
  });

  it('does not insert twice when the page puts the key in itself without cancelling it', async () => {
    document.body.innerHTML = `<div>${boxes(6)}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    all.forEach((box) => box.addEventListener('keydown', (event) => (box.value = event.key)));
    const seen = record(['input']);
    await typeIntoBoxes(all, '123456');
    expect(all.map((b) => b.value).join('')).toBe('123456');
    expect(seen).toEqual([]);
  });

  it('still inserts the key into a box the page only emptied on keydown, over an old code', async () => {
    document.body.innerHTML = `<div>${boxes(6)}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    const digits = all.map(() => '');
    all.forEach((box, i) => {
      box.value = '9';
      box.addEventListener('keydown', (event) => {
        if (/^\d$/.test(event.key)) box.value = '';
      });
      box.addEventListener('keyup', () => (digits[i] = box.value));
    });
    await typeIntoBoxes(all, '123456');
    expect(all.map((b) => b.value).join('')).toBe('123456');
    expect(digits.join('')).toBe('123456');
  });

  it('does not focus a box again that the page already moved focus to', async () => {
    document.body.innerHTML = `<div>${boxes(4)}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    all.forEach((box, i) => box.addEventListener('input', () => all[i + 1]?.focus()));
    const seen = record(['focus']);
    await typeIntoBoxes(all, '1234');
    expect(seen).toEqual(['focus@b1', 'focus@b2', 'focus@b3', 'focus@b4']);
  });
});

describe('focusField', () => {
  it('tells the page with focus events when the browser moved focus without them', async () => {
    document.body.innerHTML = '<input id="v">';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    // Chrome moves focus without the events while the page's window is not focused (the popup
    // is open); here focus() sends none at all.
    input.focus = (): void => undefined;
    const seen: string[] = [];
    input.addEventListener('focus', () => seen.push('focus'));
    document.addEventListener('focusin', () => seen.push('focusin'));
    await focusField(input);
    expect(seen).toEqual(['focus', 'focusin']);
  });

  it('sends no extra focus event when the field already has focus', async () => {
    document.body.innerHTML = '<input id="v">';
    const input = document.querySelector<HTMLInputElement>('#v')!;
    input.focus();
    const seen = record(['focus', 'focusin']);
    await focusField(input);
    expect(seen).toEqual([]);
  });
});

describe('pasteIntoBoxes', () => {
  it('sends a paste event carrying the code to the first box', async () => {
    document.body.innerHTML = `<div id="row">${boxes(6)}</div>`;
    const all = Array.from(document.querySelectorAll('input'));
    let pasted = '';
    document.getElementById('row')!.addEventListener('paste', (event) => {
      event.preventDefault();
      pasted = `${(event.target as HTMLInputElement).id}:${event.clipboardData?.getData('text/plain') ?? ''}`;
    });
    const seen = record(['input']);
    await pasteIntoBoxes(all, '123456');
    expect(pasted).toBe('b1:123456');
    // Cancelled: the component took it, so the browser's own paste does not follow.
    expect(seen).toEqual([]);
  });

  it('follows an unhandled paste with the browser’s own: the text into the box, up to maxlength', async () => {
    document.body.innerHTML = `<div>${boxes(6)}</div><input id="wide">`;
    const all = Array.from(document.querySelectorAll<HTMLInputElement>('[id^=b]'));
    const seen = record(['beforeinput', 'input']);
    await pasteIntoBoxes(all, '123456');
    expect(all[0]!.value).toBe('1');
    expect(seen).toEqual(['beforeinput:insertFromPaste:@b1', 'input:insertFromPaste:@b1']);
    const wide = document.querySelector<HTMLInputElement>('#wide')!;
    await pasteIntoBoxes([wide], '123456');
    expect(wide.value).toBe('123456');
  });
});
