/**
 * Focus for a view the page shows after it has loaded. Browsers honour `autofocus` once per
 * document, at load: the unlock form after Lock, the recovery code after creating a vault, or the
 * list after it left focus on <body>, and keyboard and screen-reader users lost their place. The
 * elements keep `autofocus` too: at load a view can still be hidden (the popup's app waits behind
 * its first painted rows), and the browser focuses it once it is shown.
 *
 * A ref callback, one function for the whole app: Preact calls a ref again only when it changes,
 * so this runs when the element is mounted, not at every render.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
