// @vitest-environment happy-dom
/**
 * While a modal dialog is open (`dialog.showModal()`), everything outside the topmost one is
 * inert: shown, but no one can type into it. A 2FA dialog over a form with a code-like field of
 * its own must get the code. happy-dom opens the dialog but does not know it is modal (`:modal`
 * never matches), so `:modal` is stubbed for the dialogs the test opens with showModal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillCode } from '../../src/fill/fill-code';
import { useFakeLayout } from './dom-fixture';

useFakeLayout();

const modal = new WeakSet<Element>();
const realMatches = Element.prototype.matches;
let modalSelector: 'stub' | 'throws' = 'stub';

beforeEach(() => {
  modalSelector = 'stub';
  vi.spyOn(Element.prototype, 'matches').mockImplementation(function matches(
    this: Element,
    selector: string,
  ) {
    if (selector !== ':modal') return realMatches.call(this, selector);
    if (modalSelector === 'throws') throw new SyntaxError(`'${selector}' is not a valid selector`);
    return modal.has(this) && this.hasAttribute('open');
  });
});
afterEach(() => vi.restoreAllMocks());

function showModal(dialog: Element | null): void {
  (dialog as HTMLDialogElement).showModal();
  modal.add(dialog!);
}

const value = (id: string): string => document.querySelector<HTMLInputElement>(`#${id}`)!.value;

/** A sign-in form's own code field (marked one-time-code: it wins while it can be typed into). */
const FORM = `<form><label for="bg">Verification code</label>
  <input id="bg" name="code" inputmode="numeric" autocomplete="one-time-code"></form>`;
const DIALOG = `<dialog id="d"><h2>Two-factor authentication</h2>
  <form method="dialog"><label for="c">Authentication code</label><input id="c" inputmode="numeric"></form></dialog>`;

describe('a modal dialog', () => {
  it('makes the form behind it inert: the code goes into the dialog', async () => {
    document.body.innerHTML = FORM + DIALOG;
    showModal(document.querySelector('#d'));
    expect(await fillCode('123456')).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(value('c')).toBe('123456');
    expect(value('bg')).toBe('');
  });

  it('the topmost of two is the last in tree order', async () => {
    document.body.innerHTML = `${DIALOG}<dialog id="d2"><form method="dialog">
      <label for="c2">Authentication code</label><input id="c2" inputmode="numeric"></form></dialog>`;
    showModal(document.querySelector('#d'));
    showModal(document.querySelector('#d2'));
    expect(await fillCode('123456')).toMatchObject({ filled: true });
    expect(value('c2')).toBe('123456');
    expect(value('c')).toBe('');
  });

  it('in a web component, with the field slotted into it from the page', async () => {
    document.body.innerHTML = `${FORM}<otp-dialog id="host"><label for="c">Authentication code</label><input id="c" inputmode="numeric"></otp-dialog>`;
    const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<dialog id="d"><h2>Two-factor authentication</h2><slot></slot></dialog>';
    showModal(shadow.querySelector('#d'));
    expect(await fillCode('123456')).toMatchObject({ filled: true });
    expect(value('c')).toBe('123456');
    expect(value('bg')).toBe('');
  });

  it('leaves no code field at all when the only one is behind it', async () => {
    document.body.innerHTML = `${FORM}<dialog id="d"><p>Accept cookies?</p><button>OK</button></dialog>`;
    showModal(document.querySelector('#d'));
    expect(await fillCode('123456')).toEqual({ filled: false, reason: 'no_field' });
    expect(value('bg')).toBe('');
  });
});

describe('what does not make the page inert', () => {
  it('a dialog opened with show() (not modal)', async () => {
    document.body.innerHTML = `${FORM}<dialog id="d"><p>Tip of the day</p></dialog>`;
    (document.querySelector('#d') as HTMLDialogElement).show();
    expect(await fillCode('123456')).toMatchObject({ filled: true });
    expect(value('bg')).toBe('123456');
  });

  it('a closed modal dialog', async () => {
    document.body.innerHTML = FORM + DIALOG;
    const dialog = document.querySelector('#d') as HTMLDialogElement;
    showModal(dialog);
    dialog.close();
    expect(await fillCode('123456')).toMatchObject({ filled: true });
    expect(value('bg')).toBe('123456');
  });

  it('a browser that does not know :modal (the selector throws)', async () => {
    modalSelector = 'throws';
    document.body.innerHTML = FORM + DIALOG;
    showModal(document.querySelector('#d'));
    expect(await fillCode('123456')).toMatchObject({ filled: true });
  });
});

describe('[inert]', () => {
  it('around the web component a field is in', async () => {
    document.body.innerHTML = '<div inert><otp-field id="host"></otp-field></div>';
    const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="c" autocomplete="one-time-code">';
    expect(await fillCode('123456')).toEqual({ filled: false, reason: 'no_field' });
    expect(shadow.querySelector<HTMLInputElement>('#c')!.value).toBe('');
  });
});
