import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadModel } from '../src/lib/data/load.ts';
import { readGeodata } from '../src/lib/data/read-files.ts';
import { oembedResponse } from '../src/lib/embed/snippets.ts';
import { MAP_TITLE } from '../src/lib/title.ts';

/** What the pages say about the map to search engines and link previews (method, not events). */
export const DESCRIPTION = 'A source-linked map of Khojaly, February 1992 and after: places named in two source texts, each linked to the passages that mention it, quoted with their source named.';
/** The social image, made by the project's own export (see README, "Sharing"), relative to the published base. */
export const SOCIAL_IMAGE = { path: 'social/map-1200x630.png', width: 1200, height: 630 };

/** The published base URL from `PUBLIC_URL`, always ending in `/`; null when it is not set or not http(s). */
export function publicUrl(value = process.env.PUBLIC_URL): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return null;
  }
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The `<head>` tags of a page: description, Open Graph and Twitter card always; the absolute ones (image, URL, oEmbed discovery) only with a base. */
export function headTags(base: string | null, page: 'index.html' | 'embed.html'): string {
  const meta = (key: 'name' | 'property', name: string, content: string) => `<meta ${key}="${name}" content="${attr(content)}" />`;
  const tags = [
    meta('name', 'description', DESCRIPTION),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:title', MAP_TITLE),
    meta('property', 'og:description', DESCRIPTION),
    meta('name', 'twitter:card', base ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', MAP_TITLE),
    meta('name', 'twitter:description', DESCRIPTION)
  ];
  if (base) {
    const image = `${base}${SOCIAL_IMAGE.path}`;
    tags.push(
      meta('property', 'og:url', `${base}${page === 'index.html' ? '' : page}`),
      meta('property', 'og:image', image),
      meta('property', 'og:image:width', String(SOCIAL_IMAGE.width)),
      meta('property', 'og:image:height', String(SOCIAL_IMAGE.height)),
      meta('property', 'og:image:alt', `The map “${MAP_TITLE}” in its default view`),
      meta('name', 'twitter:image', image),
      `<link rel="alternate" type="application/json+oembed" href="${attr(`${base}oembed.json`)}" title="${attr(MAP_TITLE)}" data-oembed-base="${attr(base)}" />`
    );
  }
  return tags.join('\n    ');
}

/** Every oEmbed file of the build: `oembed.json` for the default view and `oembed/<place>.json` per place. */
export function oembedFiles(base: string, places: { id: string; name: string }[]): Map<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = new Map([['oembed.json', json(oembedResponse(base))]]);
  for (const place of places) files.set(`oembed/${place.id}.json`, json(oembedResponse(base, place)));
  return files;
}

/**
 * What crawlers may read: everything (the snapshot renderer says `noindex` itself). Written as
 * `robots.txt` at the site's root, so that a server that answers unknown paths with `index.html`
 * (as `vite preview` does) does not hand crawlers an HTML page as robots.txt.
 */
const ROBOTS = 'User-agent: *\nAllow: /\n';

/**
 * Adds the sharing tags to both pages' `<head>`, writes `robots.txt` and, when `PUBLIC_URL` gives the published address,
 * writes the oEmbed files. Without it the build writes no absolute address (no oEmbed files, no
 * discovery link, no og:image or og:url) and says so.
 */
export function oembed(root: string): Plugin {
  const base = publicUrl();
  let files: Map<string, string> | null = null;
  const load = () => {
    if (!base) return new Map<string, string>();
    if (files) return files;
    const result = loadModel(readGeodata(resolve(root, 'geodata')));
    return (files = oembedFiles(base, result.ok ? result.model.places : []));
  };
  return {
    name: 'khojaly-oembed',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => html.replace('<!-- sharing -->', headTags(base, ctx.path.endsWith('embed.html') ? 'embed.html' : 'index.html'))
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = load().get((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
        if (!file) return next();
        res.setHeader('content-type', 'application/json');
        res.end(file);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'robots.txt', source: ROBOTS });
      if (!base) {
        this.warn('PUBLIC_URL is not set: no oEmbed files, oEmbed link, og:image or og:url were written (they need an absolute address); set PUBLIC_URL to the published address to add them');
        return;
      }
      for (const [fileName, source] of load()) this.emitFile({ type: 'asset', fileName, source });
    }
  };
}
