// @vitest-environment happy-dom
/**
 * Inputs through shadow roots and frames; a frame from another site that may hold the field,
 * named by nothing the page wrote.
 */
import { describe, expect, it } from 'vitest';
import { fillCode } from '../../src/fill/fill-code';
import { mayHoldField, scanPage } from '../../src/fill/scan-page';
import { useFakeLayout } from './dom-fixture';

useFakeLayout();

describe('scanPage', () => {
  it('lists inputs in document order, through open shadow roots', () => {
    document.body.innerHTML = '<input id="a"><div id="host"></div><input id="c">';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="b">';
    expect(scanPage(document).inputs.map((el) => el.id)).toEqual(['a', 'b', 'c']);
  });

  it('finds the focused element inside a shadow root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="b">';
    shadow.querySelector('input')!.focus();
    expect(scanPage(document).active).toBe(shadow.querySelector('input'));
  });
});

describe('mayHoldField', () => {
  const ads = { area: 300 * 250 };
  const pixel = { area: 1 };

  it('is true for a frame shown big enough for a form', () => {
    expect(mayHoldField([pixel, ads])).toBe(true);
  });

  it('is false when every frame is too small for a form', () => {
    expect(mayHoldField([pixel, { area: 120 * 40 }])).toBe(false);
    expect(mayHoldField([])).toBe(false);
  });
});

describe('a frame from another origin', () => {
  /** A frame the fill cannot look into (another origin, or sandboxed), with `attrs`. */
  function foreignFrame(attrs: string): void {
    document.body.innerHTML = `<iframe ${attrs} style="width:500px;height:400px"></iframe>`;
    Object.defineProperty(document.querySelector('iframe')!, 'contentDocument', { value: null });
  }

  // The page writes src: srcdoc overrides it, a redirect or the frame's own navigation leaves it
  // behind. The popup must not name a host the page chose.
  it.each([
    [
      'a src and a srcdoc that overrides it',
      'sandbox srcdoc="<input>" src="https://bank.example/"',
    ],
    ['a src it may have left', 'src="https://bank.example/login"'],
  ])('with %s is reported without its origin', async (_name, attrs) => {
    foreignFrame(attrs);
    expect(scanPage(document).foreignFrames).toEqual([{ area: 500 * 400 }]);
    expect(await fillCode('123456')).toEqual({ filled: false, reason: 'field_in_frame' });
  });
});
