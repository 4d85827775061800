// @vitest-environment happy-dom
/**
 * What a person can type into, as the browser decides it: a field in a disabled fieldset is
 * disabled whatever its own attribute says, and a type the browser does not know is a text field.
 */
import { describe, expect, it } from 'vitest';
import { fillCode } from '../../src/fill/fill-code';
import { run, useFakeLayout } from './dom-fixture';

useFakeLayout();

describe('a field the browser makes disabled', () => {
  it('inside <fieldset disabled> (the step not reached yet) is not filled', async () => {
    const { result, filled } = await run(
      `<form><fieldset><label for="u">Username</label><input id="u" autocomplete="username"></fieldset>
       <fieldset disabled><label for="c">Authentication code</label><input id="c" name="otp" inputmode="numeric"></fieldset></form>`,
    );
    expect(filled).toEqual([]);
    expect(result).toEqual({ filled: false, reason: 'no_field' });
  });

  it('inside the first legend of a disabled fieldset stays enabled, and is filled', async () => {
    const { result, filled } = await run(
      `<form><fieldset disabled><legend><label for="c">Authentication code</label>
       <input id="c" name="otp" inputmode="numeric"></legend><input id="x" name="other"></fieldset></form>`,
    );
    expect(filled).toEqual(['c']);
    expect(result).toEqual({ filled: true, fields: 1, how: 'heuristic' });
  });
});

describe('a type the browser does not know', () => {
  it.each(['numeric', 'otp', 'integer'])(
    'type="%s" is a text field, and is filled',
    async (type) => {
      const { result, filled } = await run(
        `<form><label for="c">Authentication code</label><input id="c" type="${type}" name="otp"></form>`,
      );
      expect(filled).toEqual(['c']);
      expect(result).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    },
  );
});

describe('a page that disables the fieldset while it checks the code', () => {
  it('has moved on: the emptied field counts as filled', async () => {
    document.body.innerHTML =
      '<form><fieldset id="f"><input id="v" autocomplete="one-time-code"></fieldset></form>';
    const field = document.querySelector<HTMLInputElement>('#v')!;
    field.addEventListener('input', () => {
      if (field.value.length === 6) {
        setTimeout(() => {
          field.value = '';
          document.querySelector('#f')!.setAttribute('disabled', '');
        }, 10);
      }
    });
    expect(await fillCode('123456')).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
  });
});
