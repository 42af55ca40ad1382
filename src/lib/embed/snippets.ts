import { DEFAULT_EMBED_OPTIONS, formatEmbedOptions, type EmbedOptions } from './options.ts';

import { MAP_TITLE } from '../title.ts';
import { escapeMarkup } from '../data/escape.ts';

export { MAP_TITLE };
/** The iframe height a snippet starts with before the embed reports its own. */
export const INITIAL_HEIGHT = 520;
/** The `sandbox` of every iframe snippet: scripts on the map's own origin, links open in new tabs. */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** What a snippet shows: where the map is published, how the embed looks, and its state hash. */
export interface SnippetInput {
  /** The published map's base URL, ending in `/` (the folder holding `embed.html` and `embed.js`). */
  base: string;
  options: EmbedOptions;
  /** The state as a URL hash of the full map, without `#` (`formatHash(app.toUrl())`). */
  hash: string;
}


/** The URL of `embed.html` with these options and this state. */
export function embedSrc({ base, options, hash }: SnippetInput): string {
  const query = formatEmbedOptions(options);
  return `${base}embed.html${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}

/** A short stable id for an iframe, so several snippets can live on one page. */
function snippetId(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return `khojaly-map-${h.toString(36)}`;
}

/**
 * An `<iframe>` snippet. With a responsive height it is followed by a one-line script that sets the
 * iframe's height from the embed's `khojaly-map:ready` and `khojaly-map:height` messages (only from
 * that iframe and origin) and, after a reader's action, keeps the element acted on in the host's view;
 * where a CMS strips scripts, the iframe keeps its initial height and scrolls.
 */
export function iframeSnippet(input: SnippetInput): string {
  const src = embedSrc(input);
  const height = input.options.height === 'auto' ? INITIAL_HEIGHT : input.options.height;
  const id = snippetId(src);
  const iframe =
    `<iframe id="${id}" src="${escapeMarkup(src)}" title="${escapeMarkup(`Map: ${MAP_TITLE}`)}" ` +
    `style="width:100%;height:${height}px;border:0" loading="lazy" allow="fullscreen" sandbox="${SANDBOX}"></iframe>`;
  if (input.options.height !== 'auto') return iframe;
  const origin = JSON.stringify(new URL(input.base).origin).replace(/</g, '\\u003c');
  const script =
    `<script>addEventListener("message",function(e){var f=document.getElementById("${id}"),d=e.data,t,b;` +
    `if(f&&e.source===f.contentWindow&&e.origin===${origin}&&d&&d.version===1&&(d.type==="khojaly-map:height"||d.type==="khojaly-map:ready")&&d.height>0&&d.height<1e5){` +
    `f.style.height=Math.ceil(d.height)+"px";if(d.anchor>=0&&d.anchor<1e5){t=f.getBoundingClientRect().top+d.anchor;b=t+(d.anchorHeight>0?d.anchorHeight:0);` +
    `if(t<0)scrollBy(0,t-16);else if(b>innerHeight)scrollBy(0,Math.min(t-16,b-innerHeight+16))}}})</script>`;
  return `${iframe}\n${script}`;
}

/** A script snippet: a `<div data-khojaly-map>` that `embed.js` turns into a responsive iframe. */
export function scriptSnippet(input: SnippetInput): string {
  const options = formatEmbedOptions({ ...input.options, host: null });
  const attrs = [`data-khojaly-map="${escapeMarkup(input.hash)}"`];
  if (options) attrs.push(`data-options="${escapeMarkup(options)}"`);
  return `<div ${attrs.join(' ')}></div>\n<script async src="${escapeMarkup(`${input.base}embed.js`)}"></script>`;
}

/** The oEmbed 1.0 response for the published map, or for one place of it: a `rich` type whose html is the iframe snippet. */
export function oembedResponse(base: string, place?: { id: string; name: string }): Record<string, string | number> {
  return {
    version: '1.0',
    type: 'rich',
    title: place ? `${place.name} — ${MAP_TITLE}` : MAP_TITLE,
    provider_name: 'khojaly-map',
    provider_url: base,
    html: iframeSnippet({ base, options: DEFAULT_EMBED_OPTIONS, hash: place ? `place=${place.id}` : '' }),
    width: 640,
    height: INITIAL_HEIGHT,
    cache_age: 86400
  };
}
