import { basename } from 'node:path';
import { createServer, type Plugin } from 'vite';

const PAGES = new Set(['index', 'embed']);
const TARGET = '<div id="app"></div>';

/**
 * Prerenders the app and the embed at build time: loads src/prerender.ts through Vite's server
 * rendering (the same plugins, with this one switched off by `PRERENDER=off`) and puts Svelte's
 * `render` output inside `<div id="app">`. Other pages are left as they are.
 */
export function prerender(root: string): Plugin {
  let prerendered: { renderPage: (page: 'index' | 'embed') => { head: string; body: string }; otherTexts: () => string } | undefined;
  return {
    name: 'khojaly-prerender',
    apply: () => process.env.PRERENDER !== 'off',
    transformIndexHtml: {
      order: 'pre',
      async handler(html, ctx) {
        const page = basename(ctx.filename).replace(/\.html$/, '');
        if (!PAGES.has(page) || !html.includes(TARGET)) return html;
        if (!prerendered) {
          process.env.PRERENDER = 'off';
          const server = await createServer({ root, configFile: `${root}/vite.config.ts`, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
          try {
            prerendered = (await server.ssrLoadModule('/src/prerender.ts')) as NonNullable<typeof prerendered>;
          } finally {
            await server.close();
            delete process.env.PRERENDER;
          }
        }
        const { head, body } = prerendered.renderPage(page as 'index' | 'embed');
        const after = page === 'index' ? prerendered.otherTexts() : '';
        return html.replace('</head>', `${head}</head>`).replace(TARGET, `<div id="app">${body}</div>${after}`);
      }
    }
  };
}
