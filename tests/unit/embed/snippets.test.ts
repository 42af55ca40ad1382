import { describe, expect, it } from 'vitest';
import { applyHostMessage, type HostControls } from '../../../src/lib/embed/apply';
import { DEFAULT_EMBED_OPTIONS } from '../../../src/lib/embed/options';
import { escapeMarkup } from '../../../src/lib/data/escape';
import { embedSrc, iframeSnippet, oembedResponse, scriptSnippet } from '../../../src/lib/embed/snippets';

const base = 'https://maps.example/khojaly/';

describe('snippets', () => {
  it('builds the embed URL from options (query) and state (hash)', () => {
    expect(embedSrc({ base, options: DEFAULT_EMBED_OPTIONS, hash: '' })).toBe(`${base}embed.html`);
    expect(embedSrc({ base, options: { ...DEFAULT_EMBED_OPTIONS, panel: false }, hash: 'place=aghdam' })).toBe(`${base}embed.html?panel=0#place=aghdam`);
  });

  it('a responsive iframe snippet carries a height listener bound to its iframe and the map’s origin', () => {
    const html = iframeSnippet({ base, options: DEFAULT_EMBED_OPTIONS, hash: 'place=aghdam&cite=1' });
    const id = /<iframe id="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`src="${base}embed.html#place=aghdam&amp;cite=1"`);
    expect(html).toContain(`getElementById("${id}")`);
    expect(html).toContain('e.origin==="https://maps.example"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
  });

  it('a fixed-height iframe snippet has no script', () => {
    const html = iframeSnippet({ base, options: { ...DEFAULT_EMBED_OPTIONS, height: 450 }, hash: '' });
    expect(html).toContain('height:450px');
    expect(html).not.toContain('<script');
  });

  it('the script snippet names the state and options and never the host', () => {
    const html = scriptSnippet({ base, options: { ...DEFAULT_EMBED_OPTIONS, theme: 'dark', host: 'https://x.example' }, hash: 'place=aghdam&cite=1' });
    expect(html).toBe(`<div data-khojaly-map="place=aghdam&amp;cite=1" data-options="theme=dark"></div>\n<script async src="${base}embed.js"></script>`);
  });

  it('escapes attribute values', () => {
    expect(escapeMarkup('"><script>&')).toBe('&quot;&gt;&lt;script&gt;&amp;');
  });

  it('the oEmbed response is a rich type with the iframe snippet and names no publisher', () => {
    const response = oembedResponse(base);
    expect(response).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'khojaly-map', provider_url: base });
    expect(response.html).toBe(iframeSnippet({ base, options: DEFAULT_EMBED_OPTIONS, hash: '' }));
    expect(response).not.toHaveProperty('author_name');
  });
});

describe('applyHostMessage', () => {
  function fake() {
    const calls: string[] = [];
    const app: HostControls = {
      select: (id, o) => calls.push(`select ${id} ${o?.cite}`),
      clearSelection: () => calls.push('clear'),
      moveTo: (v) => calls.push(`move ${v.zoom}/${v.lat}/${v.lng}`),
      setLayers: (ids) => calls.push(`layers ${ids.join(',')}`)
    };
    return { app, calls };
  }

  it('only calls state methods', () => {
    const { app, calls } = fake();
    applyHostMessage(app, { type: 'khojaly-map:select', place: 'x', cite: 2 });
    applyHostMessage(app, { type: 'khojaly-map:select', place: null });
    applyHostMessage(app, { type: 'khojaly-map:view', view: { zoom: 9, lat: 1, lng: 2 } });
    applyHostMessage(app, { type: 'khojaly-map:layers', layers: ['b', 'c'] });
    expect(calls).toEqual(['select x 2', 'clear', 'move 9/1/2', 'layers b,c']);
  });

  it('asks for a reply only to get-state', () => {
    const { app, calls } = fake();
    expect(applyHostMessage(app, { type: 'khojaly-map:get-state' })).toBe(true);
    expect(applyHostMessage(app, { type: 'khojaly-map:select', place: null })).toBe(false);
    expect(calls).toEqual(['clear']);
  });
});
