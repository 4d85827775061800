/** Types for tldts's prebuilt minified ES module (see registrable-domain.ts): those of tldts. */
declare module 'tldts/dist/index.esm.min.js' {
  export * from 'tldts';
}
