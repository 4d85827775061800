/**
 * Shadow roots, closed ones too. A page's script cannot reach a closed root, but an extension's
 * isolated world can: Chromium gives `chrome.dom.openOrClosedShadowRoot(element)`, Firefox
 * `element.openOrClosedShadowRoot` (a property of the content script's view of the element).
 * Whichever exists is used; neither is assumed, and neither may throw out of here.
 */

type RootOf = (el: Element) => ShadowRoot | null | undefined;

/** Chromium's API, when this world has it. */
function chromeRootOf(): RootOf | null {
  try {
    const api = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: unknown } } }).chrome
      ?.dom?.openOrClosedShadowRoot;
    return typeof api === 'function' ? (api as RootOf) : null;
  } catch {
    return null;
  }
}

/**
 * Elements that may host a shadow root (attachShadow accepts only these and custom elements):
 * Chromium's API is asked about them only, not about every element of a large page.
 */
const HOSTS =
  /^(?:article|aside|blockquote|body|div|footer|h[1-6]|header|main|nav|p|section|span)$|-/;

/** The open or closed shadow root of `el`, or null. */
export function shadowRootOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open) return open;
  if (!HOSTS.test(el.localName)) return null;
  try {
    const firefox = (el as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    if (firefox) return firefox;
    const chrome = chromeRootOf();
    return chrome?.(el) ?? null;
  } catch {
    // An element the API refuses (not an HTMLElement): no root it can give.
    return null;
  }
}
