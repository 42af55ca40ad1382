import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of every page: the page's own origin only, plus `remote` (e.g.
 * `https:`) when an online basemap is configured.
 */
export function contentSecurityPolicy(remote: string): string {
  const extra = remote ? ` ${remote}` : '';
  return [
    "default-src 'self'",
    `img-src 'self' data: blob:${extra}`,
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    `connect-src 'self' data: blob:${extra}`,
    `font-src 'self' data: blob:${extra}`,
    "script-src 'self'"
  ].join('; ');
}

/** Injects the one Content-Security-Policy `<meta>` at the top of every HTML entry. */
export function cspPlugin(remote: string): Plugin {
  return {
    name: 'khojaly-csp',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(remote) }, injectTo: 'head-prepend' }]
    }
  };
}
