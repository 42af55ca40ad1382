import { describe, expect, it } from 'vitest';
import { headTags, oembedFiles, publicUrl } from '../../../scripts/oembed-plugin';
import { iframeSnippet } from '../../../src/lib/embed/snippets';
import { DEFAULT_EMBED_OPTIONS } from '../../../src/lib/embed/options';

const base = 'https://maps.example/khojaly/';

describe('sharing metadata', () => {
  it('reads PUBLIC_URL as an http(s) base ending in /, and nothing else', () => {
    expect(publicUrl('https://maps.example/khojaly')).toBe(base);
    expect(publicUrl(undefined)).toBeNull();
    expect(publicUrl('javascript:alert(1)')).toBeNull();
    expect(publicUrl('not a url')).toBeNull();
  });

  it('without a base, the head has description, Open Graph and Twitter tags and no absolute address', () => {
    const tags = headTags(null, 'index.html');
    expect(tags).toContain('<meta name="description"');
    expect(tags).toContain('<meta property="og:title"');
    expect(tags).toContain('<meta name="twitter:card" content="summary"');
    expect(tags).not.toMatch(/https?:\/\//);
    expect(tags).not.toContain('oembed');
  });

  it('with a base, every absolute address in the head uses it', () => {
    const tags = headTags(base, 'embed.html');
    const urls = [...tags.matchAll(/https?:\/\/[^"]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) expect(url.startsWith(base)).toBe(true);
    expect(tags).toContain(`<meta property="og:image" content="${base}social/map-1200x630.png"`);
    expect(tags).toContain(`href="${base}oembed.json"`);
    expect(tags).toContain(`<meta property="og:url" content="${base}embed.html"`);
  });

  it('writes one oEmbed answer per place, whose snippet shows that place', () => {
    const files = oembedFiles(base, [{ id: 'aghdam', name: 'Aghdam' }, { id: 'khojaly', name: 'Khojaly' }]);
    expect([...files.keys()]).toEqual(['oembed.json', 'oembed/aghdam.json', 'oembed/khojaly.json']);
    const aghdam = JSON.parse(files.get('oembed/aghdam.json')!);
    expect(aghdam).toMatchObject({ version: '1.0', type: 'rich', provider_url: base });
    expect(aghdam.title).toMatch(/^Aghdam — /);
    expect(aghdam.html).toBe(iframeSnippet({ base, options: DEFAULT_EMBED_OPTIONS, hash: 'place=aghdam' }));
  });
});

describe('the iframe snippet’s script', () => {
  /** Runs the snippet's one-line script against a fake host page; returns what it changed. */
  function run(messages: object[], frameTop = 0) {
    const html = iframeSnippet({ base, options: DEFAULT_EMBED_OPTIONS, hash: '' });
    const code = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const contentWindow = {};
    const iframe = { contentWindow, style: { height: '' }, getBoundingClientRect: () => ({ top: frameTop }) };
    const scrolled: number[] = [];
    let listener: ((e: object) => void) | undefined;
    const env = {
      addEventListener: (_: string, fn: (e: object) => void) => (listener = fn),
      document: { getElementById: () => iframe },
      scrollBy: (_: number, y: number) => scrolled.push(y),
      innerHeight: 800
    };
    new Function(...Object.keys(env), code)(...Object.values(env));
    for (const data of messages) listener!({ source: contentWindow, origin: 'https://maps.example', data });
    return { height: iframe.style.height, scrolled };
  }

  it('sets the height from `ready` as well as from `height`', () => {
    expect(run([{ version: 1, type: 'khojaly-map:ready', height: 612.2 }]).height).toBe('613px');
    expect(run([{ version: 1, type: 'khojaly-map:height', height: 700 }]).height).toBe('700px');
  });

  it('scrolls the host only when the element the reader acted on would leave the viewport', () => {
    expect(run([{ version: 1, type: 'khojaly-map:height', height: 700, anchor: 100, anchorHeight: 30 }], 0).scrolled).toEqual([]);
    expect(run([{ version: 1, type: 'khojaly-map:height', height: 700, anchor: 100, anchorHeight: 30 }], -300).scrolled).toEqual([-216]);
  });

  it('ignores messages of other types', () => {
    expect(run([{ version: 1, type: 'khojaly-map:state', height: 700 }]).height).toBe('');
  });
});
