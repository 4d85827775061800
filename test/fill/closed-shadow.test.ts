// @vitest-environment happy-dom
/**
 * A field in a web component with a closed shadow root: the page's own scripts cannot see into
 * it, but the isolated world can, through Chromium's `chrome.dom.openOrClosedShadowRoot` or
 * Firefox's `element.openOrClosedShadowRoot`. Both are stubbed here (happy-dom has neither) over
 * a real closed root; before, the fill saw no field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fillCode } from '../../src/fill/fill-code';
import { useFakeLayout } from './dom-fixture';

useFakeLayout();

const roots = new WeakMap<Element, ShadowRoot>();
const global = globalThis as { chrome?: unknown };

afterEach(() => {
  delete global.chrome;
  delete (Element.prototype as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot;
});

/** A code field in a closed root of <otp-field id="host">, under a two-factor heading. */
function mount(): ShadowRoot {
  document.body.innerHTML =
    '<main><h2>Two-factor authentication</h2><form><otp-field id="host"></otp-field></form></main>';
  const host = document.querySelector('#host')!;
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = '<input id="c" inputmode="numeric" autocomplete="one-time-code">';
  roots.set(host, shadow);
  expect(host.shadowRoot).toBeNull();
  return shadow;
}

const value = (shadow: ShadowRoot): string => shadow.querySelector<HTMLInputElement>('#c')!.value;

describe('a field in a closed shadow root', () => {
  it("is found through Chromium's chrome.dom.openOrClosedShadowRoot", async () => {
    const shadow = mount();
    global.chrome = { dom: { openOrClosedShadowRoot: (el: Element) => roots.get(el) ?? null } };
    expect(await fillCode('123456')).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
    expect(value(shadow)).toBe('123456');
  });

  it("is found through Firefox's element.openOrClosedShadowRoot", async () => {
    const shadow = mount();
    Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', {
      configurable: true,
      get(this: Element) {
        return roots.get(this) ?? null;
      },
    });
    expect(await fillCode('123456')).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
    expect(value(shadow)).toBe('123456');
  });

  it('is left alone where neither API exists, and one that throws does not break the fill', async () => {
    const shadow = mount();
    expect(await fillCode('123456')).toEqual({ filled: false, reason: 'no_field' });
    global.chrome = {
      dom: {
        openOrClosedShadowRoot: () => {
          throw new TypeError('not an HTMLElement');
        },
      },
    };
    expect(await fillCode('123456')).toEqual({ filled: false, reason: 'no_field' });
    expect(value(shadow)).toBe('');
  });

  it('with focus inside is the focused field', async () => {
    // Two code fields: the one in the closed root has the cursor, so it wins over the first.
    document.body.innerHTML =
      '<main><form><input id="a" autocomplete="one-time-code"></form><form><otp-field id="host"></otp-field></form></main>';
    const host = document.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.innerHTML = '<input id="c" inputmode="numeric" autocomplete="one-time-code">';
    roots.set(host, shadow);
    global.chrome = { dom: { openOrClosedShadowRoot: (el: Element) => roots.get(el) ?? null } };
    shadow.querySelector<HTMLInputElement>('#c')!.focus();
    expect(await fillCode('123456')).toMatchObject({ filled: true });
    expect(value(shadow)).toBe('123456');
    expect(document.querySelector<HTMLInputElement>('#a')!.value).toBe('');
  });
});
