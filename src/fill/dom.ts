/**
 * DOM helpers for the fill code. Everything works on elements of any frame: the window, event
 * constructors and the value setter are always taken from the element's own document, because a
 * same-origin frame's listeners expect events from their own realm.
 */

import { isInert } from './inert';
import { shadowRootOf } from './shadow';

type PageWindow = Window & typeof globalThis;

export function viewOf(el: Element): PageWindow {
  return el.ownerDocument.defaultView ?? window;
}

/** A frame's document, or null when it belongs to another origin. */
export function frameDocument(frame: Element): Document | null {
  try {
    // null (or a throw, in some browsers) for a frame from another origin.
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** Shown on screen: not hidden, not zero-size, not pushed off the page (honeypots). */
export function isVisible(el: Element): boolean {
  if (el.closest('[hidden]')) return false;
  if (
    typeof el.checkVisibility === 'function' &&
    !el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })
  ) {
    return false;
  }
  const view = viewOf(el);
  const style = view.getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') return false;
  if (style.visibility === 'collapse') return false;
  const rect = el.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) return false;
  if (rect.right + view.scrollX <= 0 || rect.bottom + view.scrollY <= 0) return false;
  return true;
}

const TEXT_TYPES = ['text', 'tel', 'number'];

/**
 * Disabled as the browser sees it: by its own attribute, or inside a disabled fieldset (unless in
 * that fieldset's first legend), which `el.disabled` does not tell.
 */
export function isDisabled(el: HTMLInputElement): boolean {
  if (el.disabled) return true;
  for (
    let set = el.closest('fieldset[disabled]');
    set;
    set = set.parentElement?.closest('fieldset[disabled]') ?? null
  ) {
    const legend = Array.from(set.children).find((child) => child.localName === 'legend');
    if (!legend?.contains(el)) return true;
  }
  return false;
}

/**
 * An input a person could type a code into (any purpose). A password-type one only when
 * `masked` allows it: the caller then wants the field's own name to say it takes the code
 * (Magento's admin asks for its "Authenticator code" in a masked field).
 */
export function isTypable(el: HTMLInputElement, masked = false): boolean {
  // The property, not the attribute: a type the browser does not know ("numeric") is text.
  const type = el.type;
  return (
    (TEXT_TYPES.includes(type) || (masked && type === 'password')) &&
    !isDisabled(el) &&
    !el.readOnly &&
    !isInert(el) &&
    el.getAttribute('aria-hidden') !== 'true' &&
    el.getAttribute('aria-disabled') !== 'true' &&
    el.getAttribute('aria-readonly') !== 'true'
  );
}

export function autocompleteTokens(el: HTMLInputElement): string[] {
  return (el.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

export function isOneTimeCode(el: HTMLInputElement): boolean {
  return autocompleteTokens(el).includes('one-time-code');
}

export function isSearch(el: HTMLInputElement): boolean {
  return (
    el.getAttribute('role') === 'searchbox' ||
    el.getAttribute('role') === 'combobox' ||
    el.closest('[role="search"], search') !== null
  );
}

function valueDescriptor(el: HTMLInputElement): PropertyDescriptor | undefined {
  return Object.getOwnPropertyDescriptor(viewOf(el).HTMLInputElement.prototype, 'value');
}

/** Reads the value underneath any wrapper a framework put on the element. */
export function getValue(el: HTMLInputElement): string {
  const descriptor = valueDescriptor(el);
  return descriptor?.get ? String(descriptor.get.call(el)) : el.value;
}

/**
 * Writes through the prototype's native setter: React's value tracker wraps the element's own
 * `value` property, and a write through that wrapper tells React nothing changed, so the next
 * input event would be ignored and the field re-rendered empty.
 */
export function setValue(el: HTMLInputElement, value: string): void {
  const descriptor = valueDescriptor(el);
  if (descriptor?.set) descriptor.set.call(el, value);
  else el.value = value;
}

/** What a field holds, without the spaces and dashes a page may add for readability. */
export function squash(text: string): string {
  return text.replace(/[\s\-–]+/g, '').toLowerCase();
}

/** The parent of `el`, or the host of the shadow root it is the top of: the page around a component. */
export function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root !== null && 'host' in root ? (root as ShadowRoot).host : null;
}

/** `el` or the shadow host holding it that is in the same tree (document or root) as `other`. */
export function inTreeOf(el: Element, other: Node): Element | null {
  const tree = other.getRootNode();
  let node: Element | null = el;
  while (node && node.getRootNode() !== tree) {
    const root = node.getRootNode();
    node = 'host' in root ? (root as ShadowRoot).host : null;
  }
  return node;
}

/** The form of a field, also one around the web component the field is in. */
export function formOf(el: Element): HTMLFormElement | null {
  const own = (el as Partial<HTMLInputElement>).form;
  if (own) return own;
  let node: Element | null = el;
  while (node) {
    const form = node.closest('form');
    if (form) return form;
    const root = node.getRootNode();
    node = 'host' in root ? (root as ShadowRoot).host : null;
  }
  return null;
}

/** The focused element, looking into shadow roots (closed ones too) and same-origin frames. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  for (let hops = 0; active && hops < 10; hops += 1) {
    const focusedInside = shadowRootOf(active)?.activeElement;
    if (focusedInside) active = focusedInside;
    else if (active.localName === 'iframe' || active.localName === 'frame') {
      const inner = frameDocument(active);
      if (!inner?.activeElement || inner.activeElement === inner.body) break;
      active = inner.activeElement;
    } else break;
  }
  return active;
}

/** Whether `el` is the focused element of its own document or shadow root. */
export function hasFocus(el: Element): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.activeElement === el;
}

/**
 * Lets the page run its queued work: promise callbacks (Vue's nextTick, React's batched
 * renders) and one task. A message-channel task is not throttled like a nested setTimeout.
 */
export function nextTask(view: PageWindow = window): Promise<void> {
  return new Promise((done) => {
    if (typeof view.MessageChannel === 'function') {
      const channel = new view.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        done();
      };
      channel.port2.postMessage(0);
    } else {
      view.setTimeout(done, 0);
    }
  });
}

export function sleep(ms: number, view: PageWindow = window): Promise<void> {
  return new Promise((done) => view.setTimeout(done, ms));
}

/** After the next frame is drawn, or after `limit` ms in a tab that draws none (hidden). */
export function afterNextFrame(view: PageWindow = window, limit = 100): Promise<void> {
  return new Promise((done) => {
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      done();
    };
    if (typeof view.requestAnimationFrame === 'function') {
      view.requestAnimationFrame(() => view.setTimeout(finish, 0));
    }
    view.setTimeout(finish, limit);
  });
}
