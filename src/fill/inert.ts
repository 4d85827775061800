/**
 * Inert: what the browser lets no one type into. An element inside `[inert]` (also around the
 * web component or the frame it is in), and, while a modal dialog is open
 * (`dialog.showModal()`), everything outside the topmost one: a 2FA dialog over a sign-in form
 * leaves the form's fields on screen, but they take no keys.
 */
import { shadowRootOf } from './shadow';

/** Whether `dialog` is shown modal; false where the browser does not know `:modal`. */
function isModal(dialog: Element): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return false;
  }
}

/** Each document's open modal dialogs, found once per task: a page does not change mid-scan. */
let modalCache: Map<Document, readonly Element[]> | null = null;

/** The open modal dialogs of `doc`, in tree order, inside shadow roots too. */
function modalDialogs(doc: Document): readonly Element[] {
  if (modalCache === null) {
    const cache = new Map<Document, readonly Element[]>();
    modalCache = cache;
    queueMicrotask(() => {
      if (modalCache === cache) modalCache = null;
    });
  }
  let found = modalCache.get(doc);
  if (found === undefined) {
    const dialogs: Element[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.localName === 'dialog' && el.hasAttribute('open') && isModal(el)) dialogs.push(el);
        const shadow = shadowRootOf(el);
        if (shadow) walk(shadow);
      }
    };
    walk(doc);
    found = dialogs;
    modalCache.set(doc, found);
  }
  return found;
}

/**
 * The parent of `node` as the page is drawn (the flat tree): the slot it is shown in, the
 * parent, or the host at the top of a shadow root.
 */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  const parent = node.parentElement;
  if (parent) {
    // A closed root does not tell its slot through assignedSlot: ask its slots.
    const shadow = shadowRootOf(parent);
    const slot = shadow
      ? Array.from(shadow.querySelectorAll('slot')).find((s) => s.assignedElements().includes(node))
      : undefined;
    return slot ?? parent;
  }
  const root = node.parentNode;
  return root !== null && 'host' in root ? (root as ShadowRoot).host : null;
}

/** `el` and what is drawn around it, up to its document's root. */
function flatAncestors(el: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = el; node && chain.length < 1000; node = flatParent(node)) {
    chain.push(node);
  }
  return chain;
}

/** Inert in its own document: under [inert], or outside the topmost open modal dialog. */
function inertIn(el: Element): boolean {
  const chain = flatAncestors(el);
  if (chain.some((node) => node.hasAttribute('inert'))) return true;
  // The top layer's order is the order the dialogs were opened, which the DOM does not keep:
  // the last in tree order is taken for the topmost (a dialog opened from another is nested in
  // it or follows it).
  const top = modalDialogs(el.ownerDocument).at(-1);
  return top !== undefined && !chain.includes(top);
}

/** Whether no one can type into `el`: inert in its document or in any frame around it. */
export function isInert(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 10; depth += 1) {
    if (inertIn(node)) return true;
    try {
      // The frame that holds this document, when it is of the same origin (null otherwise).
      node = node.ownerDocument.defaultView?.frameElement ?? null;
    } catch {
      node = null;
    }
  }
  return false;
}
