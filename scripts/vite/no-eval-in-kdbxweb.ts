import type { Plugin } from 'vite';

/**
 * kdbxweb's webpack wrapper finds the global object with `new Function('return this')()` when
 * `this` is undefined. That line never runs in Otter (globalThis exists everywhere we run), but
 * Mozilla's linter flags any Function constructor as eval, and the release promises no eval.
 * Replace it with `globalThis`. The build fails if the line is not found, so a kdbxweb update
 * that changes it is noticed rather than silently shipping the constructor again.
 */
const FROM = "new Function('return this')()";
const TO = 'globalThis';

export function noEvalInKdbxweb(): Plugin {
  return {
    name: 'otter-no-eval-in-kdbxweb',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]kdbxweb[\\/]dist[\\/]kdbxweb\.js$/.test(id)) return null;
      if (!code.includes(FROM))
        this.error(`kdbxweb changed: "${FROM}" not found; check the bundle for eval by hand.`);
      return { code: code.replaceAll(FROM, TO), map: null };
    },
  };
}
