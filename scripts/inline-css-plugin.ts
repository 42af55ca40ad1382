import type { Plugin, Rollup } from 'vite';

const PAGES = /(^|\/)(index|embed)\.html$/;
const LINK = /<link rel="stylesheet"(?: crossorigin)? href="\.\/(assets\/[^"]+\.css)">/g;

/**
 * Puts the stylesheets of the app and the embed into their HTML as `<style>` elements, so the
 * prerendered text is painted without waiting for a CSS request (the CSP allows inline styles).
 * Each `<link>` stays, disabled: a lazy chunk that imports the same sheet then finds it and
 * does not load it a second time, after the page's own rules.
 */
export function inlineCss(): Plugin {
  return {
    name: 'khojaly-inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!PAGES.test(ctx.filename) || !ctx.bundle) return html;
        return html.replace(LINK, (link, file: string) => {
          const asset = ctx.bundle![file] as Rollup.OutputAsset | undefined;
          if (asset?.type !== 'asset') return link;
          // The disabled link is never fetched; it tells Vite's loader of lazy chunks that the sheet is there.
          return `<style>${String(asset.source).replaceAll('</style', '<\\/style')}</style>${link.replace('>', ' disabled>')}`;
        });
      }
    }
  };
}
