import type { Plugin } from 'vite';
import { oembedResponse } from '../src/lib/embed/snippets.ts';

/** Where the map is published when `PUBLIC_URL` is not set: the local preview server. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:4173/';

/** The published base URL, from `PUBLIC_URL`, always ending in `/`. */
export function publicUrl(value = process.env.PUBLIC_URL): string {
  const url = new URL(value || DEFAULT_PUBLIC_URL);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Writes `oembed.json` (the oEmbed response for the published map) into the build and serves it in
 * development, and sets `VITE_PUBLIC_URL` for the HTML pages' oEmbed discovery links.
 */
export function oembed(): Plugin {
  const base = publicUrl();
  process.env.VITE_PUBLIC_URL = base;
  const json = `${JSON.stringify(oembedResponse(base), null, 2)}\n`;
  return {
    name: 'khojaly-oembed',
    configureServer(server) {
      server.middlewares.use('/oembed.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(json);
      });
    },
    generateBundle() {
      if (!process.env.PUBLIC_URL) {
        this.warn(`PUBLIC_URL is not set: oembed.json and the oEmbed links point at ${DEFAULT_PUBLIC_URL}; set PUBLIC_URL to the published address`);
      }
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: json });
    }
  };
}
