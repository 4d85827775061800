/**
 * The popup's module entry, kept to nothing on purpose: the first script (first-paint-script.ts,
 * a classic script in <head>) has already asked for the tab and the code cache and paints the
 * cached codes. The app (start.tsx and all it imports) is loaded only once they are on screen:
 * parsing and starting it sooner held the first code back by a frame or more.
 */
void (window.otterFirstPaint?.painted ?? Promise.resolve())
  .then(() => import('./start'))
  .then(({ start }) => start(window.otterFirstPaint));
