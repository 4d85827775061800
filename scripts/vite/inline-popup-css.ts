/**
 * Puts the popup's stylesheets inside its HTML. The popup is opened many times a day and every
 * render-blocking request delays the first code; extension pages may have inline styles (the CSP
 * restricts scripts, not styles). Other pages keep their linked stylesheets.
 */
import type { Plugin } from 'vite';

export function inlinePopupCss(htmlFile = 'popup/index.html'): Plugin {
  return {
    name: 'otter-inline-popup-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle[htmlFile];
      if (html === undefined || html.type !== 'asset' || typeof html.source !== 'string') return;
      html.source = html.source.replace(
        /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
        (tag, file: string) => {
          const css = bundle[file];
          if (css === undefined || css.type !== 'asset') return tag;
          const text =
            typeof css.source === 'string' ? css.source : new TextDecoder().decode(css.source);
          return `<style>${text}</style>`;
        },
      );
    },
  };
}
