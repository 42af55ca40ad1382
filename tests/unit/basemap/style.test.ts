import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  COUNTRY_NAMES_SOURCE,
  FONT_BOLD,
  FONT_REGULAR,
  basemapLayers,
  basemapPalette,
  basemapSources,
  fontFaces,
  type Theme,
} from '../../../src/lib/map/basemap/index.ts';

const THEMES: Theme[] = ['light', 'dark'];

function style(theme: Theme): StyleSpecification {
  return { version: 8, sources: basemapSources(), layers: basemapLayers(theme), 'font-faces': fontFaces() };
}

/** Every string leaf of a `text-font` value (a plain array or an expression). */
function fontNames(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    const [head, ...rest] = value;
    const isOperator = typeof head === 'string' && ['literal', 'case', 'match', 'step', 'coalesce'].includes(head);
    return (isOperator ? rest : value).flatMap(fontNames);
  }
  return [];
}

describe.each(THEMES)('basemap style (%s)', (theme) => {
  const layers = basemapLayers(theme);

  it('validates against the MapLibre style spec', () => {
    expect(validateStyleMin(style(theme))).toEqual([]);
  });

  it('draws every layer from a basemap source that exists', () => {
    const sources = basemapSources();
    for (const layer of layers) {
      if (layer.type === 'background') continue;
      expect(Object.keys(sources), layer.id).toContain(layer.source);
    }
  });

  it('prefixes every layer id with basemap-', () => {
    for (const layer of layers) expect(layer.id).toMatch(/^basemap-/);
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
  });

  it('puts the background first and the label layers last', () => {
    expect(layers[0]?.type).toBe('background');
    const firstSymbol = layers.findIndex((l) => l.type === 'symbol');
    expect(firstSymbol).toBeGreaterThan(0);
    expect(layers.slice(firstSymbol).every((l) => l.type === 'symbol')).toBe(true);
  });

  it('uses only the shipped fonts in text-font', () => {
    const symbols = layers.filter((l): l is Extract<LayerSpecification, { type: 'symbol' }> => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(0);
    for (const layer of symbols) {
      const names = fontNames(layer.layout?.['text-font']);
      expect(names.length, `${layer.id} sets text-font`).toBeGreaterThan(0);
      for (const n of names) expect([FONT_REGULAR, FONT_BOLD], layer.id).toContain(n);
    }
  });

  it('keeps labels from overlapping, placing them by a sort key', () => {
    for (const layer of layers) {
      if (layer.type !== 'symbol') continue;
      expect(layer.layout?.['text-allow-overlap'], layer.id).toBe(false);
      expect(layer.layout?.['symbol-sort-key'], layer.id).toBeDefined();
      expect(layer.layout?.['text-padding'], layer.id).toBeGreaterThan(0);
    }
  });

  it('paints the background, land and lakes in the palette colours', () => {
    const p = basemapPalette(theme);
    const paint = (id: string) => (layers.find((l) => l.id === id) as { paint?: Record<string, unknown> }).paint;
    expect(paint('basemap-background')?.['background-color']).toBe(p.background);
    expect(paint('basemap-land')?.['fill-color']).toBe(p.land);
    expect(paint('basemap-lakes')?.['fill-color']).toBe(p.water);
    expect(p.water).toBe(p.background);
  });
});

describe('basemap sources and fonts', () => {
  it('prefixes every source id with basemap- and loads each from a URL, but the country names the map sets per view', () => {
    for (const [id, source] of Object.entries(basemapSources())) {
      expect(id).toMatch(/^basemap-/);
      expect(source.type).toBe('geojson');
      const data = (source as { data: unknown }).data;
      if (id === COUNTRY_NAMES_SOURCE) expect(data).toEqual({ type: 'FeatureCollection', features: [] });
      else expect(typeof data).toBe('string');
    }
  });

  it('declares both font names in font-faces, each with a file URL', () => {
    const faces = fontFaces();
    expect(Object.keys(faces).sort()).toEqual([FONT_BOLD, FONT_REGULAR].sort());
    for (const entry of Object.values(faces)) {
      const list = Array.isArray(entry) ? entry : [{ url: entry }];
      expect(list[0]?.url).toMatch(/NotoSans-(Regular|Bold)\.woff2$/);
    }
  });

  it('gives the two themes different land and text colours', () => {
    const light = basemapPalette('light');
    const dark = basemapPalette('dark');
    expect(light.land).not.toBe(dark.land);
    expect(light.text).not.toBe(dark.text);
  });
});
