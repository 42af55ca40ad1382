import { beforeAll, describe, expect, it } from 'vitest';
import { Font, woff2 } from 'fonteditor-core';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { BASEMAP_SOURCE, FONT_BOLD, FONT_REGULAR, fontFaces } from '../../../src/lib/map/basemap/index.ts';
import { codePointsOf, FONT_UNICODE_RANGE } from '../../../src/lib/map/basemap/unicode.ts';
import { buildStyle } from '../../../src/lib/map/style/index.ts';
import { LABEL_FACES, labelFont } from '../../../scripts/basemap/fonts.ts';
import { shippedModel } from '../../support/model.ts';
import { fontCodePoints, readBasemap, readRepoFile } from './helpers.ts';

const FACE_OF: Record<string, (typeof LABEL_FACES)[number]> = { [FONT_REGULAR]: 'Regular', [FONT_BOLD]: 'Bold' };

/** The code points a WOFF2 font maps to glyphs. */
function woff2CodePoints(bytes: Buffer): Set<number> {
  const font = Font.create(bytes, { type: 'woff2' });
  return new Set(Object.keys(font.get().cmap).map(Number));
}

/** Every `['get', key]` of an expression. */
function keysOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...(value[0] === 'get' && typeof value[1] === 'string' ? [value[1]] : []), ...value.flatMap(keysOf)];
}

/** A label the map can draw: its text as drawn (after `text-transform`), the layer and the font. */
interface Label {
  text: string;
  layer: string;
  font: string;
}

/** Every label text of every symbol layer of the app's style (basemap and story), from the shipped data. */
function mapLabels(): Label[] {
  const style = buildStyle({ model: shippedModel(), theme: 'light' });
  const fileOf = Object.fromEntries(Object.entries(BASEMAP_SOURCE).map(([name, id]) => [id, name]));
  return style.layers.flatMap((layer: LayerSpecification): Label[] => {
    if (layer.type !== 'symbol' || !layer.layout?.['text-field']) return [];
    const source = style.sources[layer.source as string];
    const data = fileOf[layer.source as string]
      ? readBasemap(`${fileOf[layer.source as string]}.geojson`)
      : ((source as { data: FeatureCollection }).data as FeatureCollection);
    const fonts = layer.layout['text-font'] as string[];
    const upper = layer.layout['text-transform'] === 'uppercase';
    return data.features.flatMap((f) =>
      keysOf(layer.layout!['text-field'])
        .map((key) => f.properties?.[key])
        .filter((v): v is string => typeof v === 'string')
        .flatMap((text) => fonts.map((font) => ({ text: upper ? text.toUpperCase() : text, layer: layer.id, font })))
    );
  });
}

/** The characters of the labels that the label fonts (or their declared unicode-range) lack, with where they occur. */
function missing(labels: readonly Label[], fonts: Record<string, Set<number>>): string[] {
  const declared = new Set(codePointsOf(FONT_UNICODE_RANGE));
  const out = new Set<string>();
  for (const { text, layer, font } of labels) {
    for (const ch of text.replace(/\n/g, '')) {
      const cp = ch.codePointAt(0)!;
      if (!fonts[font]?.has(cp) || !declared.has(cp)) out.add(`${ch} U+${cp.toString(16).toUpperCase().padStart(4, '0')} in "${text}" (${layer}, ${font})`);
    }
  }
  return [...out];
}

describe('the map label fonts (WOFF2 subsets)', () => {
  const fonts: Record<string, Set<number>> = {};

  beforeAll(async () => {
    await woff2.init();
    for (const [name, face] of Object.entries(FACE_OF)) fonts[name] = woff2CodePoints(readRepoFile(`src/lib/map/basemap/fonts/NotoSans-${face}.woff2`));
  });

  it('cover every character of every label the map draws, basemap and story, in the font its layer uses', () => {
    const labels = mapLabels();
    expect(labels.length).toBeGreaterThan(300);
    expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Shusha', 'Şuşa', 'Mingəçevir', 'Caspian Sea', 'AZERBAIJAN', 'KARABAKH', 'Khojaly\nXocalı']));
    expect(missing(labels, fonts)).toEqual([]);
  });

  it('report a label with a character outside the subset', () => {
    const cyrillic = [{ text: 'Ходжалы', layer: 'story-labels', font: FONT_BOLD }];
    expect(missing(cyrillic, fonts)).toHaveLength(7);
    expect(missing([{ text: 'Ağdam', layer: 'story-labels', font: FONT_BOLD }], fonts)).toEqual([]);
  });

  it('hold the Azerbaijani alphabet, capitals included', () => {
    const az = 'AaBbCcÇçDdEeƏəFfGgĞğHhXxIıİiJjKkQqLlMmNnOoÖöPpRrSsŞşTtUuÜüVvYyZz';
    for (const font of Object.values(fonts)) expect([...az].filter((ch) => !font.has(ch.codePointAt(0)!))).toEqual([]);
  });

  it.each(LABEL_FACES)('NotoSans-%s.woff2 is what npm run basemap:fonts makes: the TTF cut to FONT_UNICODE_RANGE', async (face) => {
    const committed = readRepoFile(`src/lib/map/basemap/fonts/NotoSans-${face}.woff2`);
    expect(Buffer.from(await labelFont(face)).equals(committed)).toBe(true);
    const ttf = fontCodePoints(readRepoFile(`src/lib/map/basemap/fonts/NotoSans-${face}.ttf`));
    const expected = codePointsOf(FONT_UNICODE_RANGE).filter((cp) => ttf.has(cp));
    expect([...woff2CodePoints(committed)].sort((a, b) => a - b)).toEqual(expected);
    expect(committed.length).toBeLessThan(16_000);
  });

  it('are the only font files of the style: font-faces declare the WOFF2 subsets with their unicode-range', () => {
    for (const [name, entry] of Object.entries(fontFaces())) {
      const list = Array.isArray(entry) ? entry : [{ url: entry }];
      expect(list).toHaveLength(1);
      expect(list[0]).toEqual({ url: expect.stringMatching(new RegExp(`NotoSans-${FACE_OF[name]}\\.woff2$`)), 'unicode-range': [...FONT_UNICODE_RANGE] });
    }
  });
});
