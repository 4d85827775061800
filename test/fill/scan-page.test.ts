// @vitest-environment happy-dom
/** Inputs through shadow roots and frames; the frame from another site that may hold the field. */
import { describe, expect, it } from 'vitest';
import { likelyFrame, scanPage } from '../../src/fill/scan-page';
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

describe('likelyFrame', () => {
  const ads = { origin: 'https://ads.example', area: 300 * 250 };
  const apple = { origin: 'https://idmsa.apple.com', area: 500 * 400 };
  const pixel = { origin: 'https://pixel.example', area: 1 };
  const sandboxed = { origin: null, area: 800 * 600 };

  it('is the largest frame big enough for a form', () => {
    expect(likelyFrame([ads, apple, pixel])).toBe(apple);
  });

  it('prefers a frame whose origin is known', () => {
    expect(likelyFrame([sandboxed, ads])).toBe(ads);
    expect(likelyFrame([sandboxed])).toBe(sandboxed);
  });

  it('is none when every frame is too small for a form', () => {
    expect(likelyFrame([pixel, { origin: 'https://button.example', area: 120 * 40 }])).toBeNull();
    expect(likelyFrame([])).toBeNull();
  });
});
