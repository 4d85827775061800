// @vitest-environment happy-dom
/**
 * A field inside a web component (an open shadow root) is read in the page around its host as a
 * field in plain markup is: the heading over the component titles it, the form text around it
 * describes it. Each case failed before: the reading stopped at the shadow root.
 */
import { describe, expect, it } from 'vitest';
import { fillCode } from '../../src/fill/fill-code';
import { useFakeLayout } from './dom-fixture';

useFakeLayout();

/** `outer` on the page, with `inner` in the shadow root of its element #host. */
function mount(outer: string, inner: string): ShadowRoot {
  document.body.innerHTML = outer;
  const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
  shadow.innerHTML = inner;
  return shadow;
}

describe('a field in a web component', () => {
  it('is titled by the heading over its host (as in plain markup)', async () => {
    const plain =
      '<main><h2>Two-factor authentication</h2><div><input id="c" inputmode="numeric"></div></main>';
    document.body.innerHTML = plain;
    expect(await fillCode('123456')).toMatchObject({ filled: true });

    const shadow = mount(
      '<main><h2>Two-factor authentication</h2><otp-field id="host"></otp-field></main>',
      '<div><input id="c" inputmode="numeric"></div>',
    );
    expect(await fillCode('123456')).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(shadow.querySelector<HTMLInputElement>('#c')!.value).toBe('123456');
  });

  it('is described by the text around its host', async () => {
    const shadow = mount(
      '<form><p>Enter the code from your authenticator app.</p><text-field id="host"></text-field></form>',
      '<input id="c" type="text">',
    );
    expect(await fillCode('123456')).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(shadow.querySelector<HTMLInputElement>('#c')!.value).toBe('123456');
  });

  it("in a card form around its host is the card's security code", async () => {
    const shadow = mount(
      `<form><label for="n">Card number</label><input id="n" name="number" inputmode="numeric">
       <label for="e">Expiry date</label><input id="e" name="expiry"><security-code id="host"></security-code></form>`,
      '<label for="c">Security code</label><input id="c" inputmode="numeric" maxlength="6">',
    );
    expect(await fillCode('123456')).toMatchObject({ filled: false });
    expect(shadow.querySelector<HTMLInputElement>('#c')!.value).toBe('');
  });
});
