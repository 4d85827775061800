/** The text that says what a field is for: its own attributes and labels, and what surrounds it. */
import { formOf, isVisible, parentOf, squash } from './dom';
import { keepTotpAlternatives, normalise } from './keywords';

export interface OwnText {
  /** Name, id, placeholder, labels, accessible name, title, test id: what the field is called. */
  readonly naming: string;
  /** What the person is shown of that: placeholder, labels, accessible name, title. */
  readonly shown: string;
  /**
   * `naming` plus its class (styling words: Bootstrap's "card" is no payment card) and its
   * description (aria-describedby, which may mention other codes: "or use a recovery code").
   */
  readonly all: string;
}

function byIds(el: Element, attr: string): string[] {
  const root = el.getRootNode() as Document | ShadowRoot;
  if (typeof root.getElementById !== 'function') return [];
  return (el.getAttribute(attr) ?? '')
    .split(/\s+/)
    .filter((id) => id !== '')
    .map((id) => root.getElementById(id)?.textContent ?? '');
}

/** What the field's own attributes and labels say about it. */
export function ownText(el: HTMLInputElement): OwnText {
  const seen = [
    el.getAttribute('placeholder') ?? '',
    el.getAttribute('aria-label') ?? '',
    el.getAttribute('title') ?? '',
    ...Array.from(el.labels ?? [], (label) => label.textContent ?? ''),
    ...byIds(el, 'aria-labelledby'),
  ];
  const words = keepTotpAlternatives([...seen, el.getAttribute('data-testid') ?? '']);
  // Name and id are kept whole: `recovery_code` is a recovery field even under a label that
  // mentions the authenticator app ("Lost your authenticator app? Enter a recovery code").
  const naming = [el.name, el.id, ...words].join(' ').slice(0, 2000);
  const className = typeof el.className === 'string' ? el.className.slice(0, 500) : '';
  const described = byIds(el, 'aria-describedby').join(' ').slice(0, 1000);
  return {
    naming: normalise(naming),
    shown: normalise(words.slice(0, seen.length).join(' ').slice(0, 2000)),
    all: normalise(`${naming} ${className} ${described}`),
  };
}

/** The accessible name a container of split boxes may carry ("Verification code"). */
export function labelText(el: Element): string {
  return normalise(
    [el.getAttribute('aria-label') ?? '', ...byIds(el, 'aria-labelledby')].join(' '),
  );
}

/** Headings, and what names a fieldset: each titles the part of the page that follows it. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';

/**
 * The text of `el` when it is a shown heading, or a wrapper holding only one ("panel-header" divs
 * around an h2); null otherwise.
 */
function headingOf(el: Element): string | null {
  const heading = el.matches(HEADINGS) ? el : el.querySelector(HEADINGS);
  if (heading === null || !isVisible(heading)) return null;
  const text = heading.textContent ?? '';
  return heading === el || squash(el.textContent ?? '') === squash(text) ? text : null;
}

/**
 * The heading that titles the part of the page `el` is in: the nearest shown heading before it
 * among the earlier siblings of the field and of its ancestors (up to 8), or alone in one. A
 * heading inside a sibling block with more in it (a "Recovery codes" section beside the form)
 * titles that block, not the field; a hidden one ("Use a recovery code" view) titles nothing.
 */
function nearestHeading(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && node.localName !== 'body' && depth < 8; depth += 1) {
    for (
      let sibling = node.previousElementSibling;
      sibling;
      sibling = sibling.previousElementSibling
    ) {
      const title = headingOf(sibling);
      if (title !== null) return title.slice(0, 300);
    }
    node = parentOf(node);
  }
  return '';
}

/** Reads the text around fields, each container once: many inputs share a form. */
export interface ContextReader {
  /** The field's form, a few ancestors and the page title, normalised. */
  around(el: Element): string;
  /**
   * The heading of the part of the page the field is in, as written ("Two-factor authentication"
   * over the form, "Enter backup authentication code" over a recovery form; see nearestHeading).
   * Empty when there is none.
   */
  heading(el: Element): string;
  /** The title, path and main headings of the field's document, normalised: what the page is for. */
  page(doc: Document): string;
}

export function contextReader(): ContextReader {
  const texts = new Map<Node, string>();
  const textOf = (node: Node, limit: number): string => {
    let text = texts.get(node);
    if (text === undefined) {
      text = (node.textContent ?? '').slice(0, limit);
      texts.set(node, text);
    }
    return text;
  };
  const headings = new Map<Element, string>();
  const heading = (el: Element): string => {
    let found = headings.get(el);
    if (found === undefined) {
      found = nearestHeading(el);
      headings.set(el, found);
    }
    return found;
  };
  const pages = new Map<Document, string>();
  return {
    heading,
    around(el) {
      const parts = [el.ownerDocument.title];
      const form = formOf(el);
      if (form) parts.push(textOf(form, 2000));
      let node: Element | null = parentOf(el);
      for (let depth = 0; node && depth < 3; depth += 1, node = parentOf(node)) {
        if (node.localName === 'body' || node.localName === 'html') break;
        parts.push(textOf(node, 1000));
      }
      return normalise(parts.join(' '));
    },
    page(doc) {
      let text = pages.get(doc);
      if (text === undefined) {
        const headings = Array.from(doc.querySelectorAll('h1, [role="heading"][aria-level="1"]'))
          .slice(0, 5)
          .map((h) => (h.textContent ?? '').slice(0, 200));
        let path = '';
        try {
          path = doc.location?.pathname ?? '';
        } catch {
          // A document without a location (detached): no path to read.
        }
        text = normalise([doc.title, path, ...headings].join(' '));
        pages.set(doc, text);
      }
      return text;
    },
  };
}
