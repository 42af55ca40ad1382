import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, formatEmbedOptions, parseEmbedOptions, parseOrigin } from '../../../src/lib/embed/options';

describe('embed options', () => {
  it('defaults to a responsive, interactive embed with the panel, following the system theme', () => {
    expect(parseEmbedOptions('')).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(formatEmbedOptions(DEFAULT_EMBED_OPTIONS)).toBe('');
  });

  it('round-trips every option', () => {
    const options = { height: 450, panel: false, static: true, theme: 'dark' as const, host: 'https://news.example' };
    const query = formatEmbedOptions(options);
    expect(query).toBe('height=450&panel=0&static=1&theme=dark&host=https%3A%2F%2Fnews.example');
    expect(parseEmbedOptions(`?${query}`)).toEqual(options);
  });

  it('keeps the default for malformed values', () => {
    expect(parseEmbedOptions('height=12&theme=pink&static=yes&panel=no')).toEqual({ ...DEFAULT_EMBED_OPTIONS, panel: true });
    expect(parseEmbedOptions('height=99999').height).toBe('auto');
    expect(parseEmbedOptions('height=-300').height).toBe('auto');
    expect(parseEmbedOptions('height=300px').height).toBe('auto');
  });

  it('accepts only exact http(s) origins as the host', () => {
    expect(parseOrigin('http://127.0.0.1:4174')).toBe('http://127.0.0.1:4174');
    for (const bad of ['null', '*', 'javascript:alert(1)', 'https://news.example/path', 'https://news.example/', 'file:///x', '', null]) {
      expect(parseOrigin(bad)).toBeNull();
    }
  });
});

describe('the timeline option', () => {
  it('is off unless timeline=1, and round-trips', () => {
    expect(parseEmbedOptions('timeline=yes').timeline).toBeUndefined();
    expect(parseEmbedOptions('timeline=1').timeline).toBe(true);
    expect(formatEmbedOptions(parseEmbedOptions('timeline=1'))).toBe('timeline=1');
  });
});

describe('the embed option lang', () => {
  it('takes a language the interface has', () => {
    expect(parseEmbedOptions('?lang=az').lang).toBe('az');
  });

  it('ignores any other value', () => {
    expect(parseEmbedOptions('?lang=fr').lang).toBeUndefined();
  });

  it('round-trips through the query string', () => {
    expect(parseEmbedOptions(`?${formatEmbedOptions({ ...parseEmbedOptions(''), lang: 'az' })}`).lang).toBe('az');
  });
});
