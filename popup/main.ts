/**
 * The popup's module entry, kept to nothing on purpose. In a build the first script
 * (first-paint-script.ts, a classic script in <head>) imports it once the cached codes are on
 * screen (the page has no module script: scripts/vite/classic-script.ts); in a development
 * build the page loads it, and the wait below keeps the same order. The app (start.tsx and all
 * it imports) is loaded only once the codes are on screen: parsing and starting it sooner held
 * the first code back by a frame or more.
 */
void (window.otterFirstPaint?.painted ?? Promise.resolve())
  .then(() => import('./start'))
  .then(({ start }) => start(window.otterFirstPaint));
