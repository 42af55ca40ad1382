import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/data/load';
import { LAYER_IDS, type LayerId } from '../../src/lib/data/types';
import { globalStateOf, readLayer } from '../../src/lib/export/style-eval';
import { readGeodata } from '../../src/lib/data/read-files';
import { FONT_BOLD, FONT_REGULAR } from '../../src/lib/map/basemap';
import { buildStyle } from '../../src/lib/map/style';
import { shownValues } from '../../src/lib/map/style/shown';
import corridors from 'virtual:route-corridors';
import { CORRIDOR_KM } from '../../src/lib/map/camera';
import { routeCorridors } from '../../src/lib/map/style/corridors';
import { storyLabels, storyPoints } from '../../src/lib/map/style/story-data';
import { followedLayer, STORY_PREFIX, storyLayers } from '../../src/lib/map/style/story';
import { HIGHLIGHT_SOURCES, PLACE_ID_PROPERTY } from '../../src/lib/map/style/highlight';
import { LAYER_SYMBOLS } from '../../src/lib/map/symbols';

const result = loadModel(readGeodata('geodata'));
if (!result.ok) throw new Error('shipped geodata is invalid');
const model = result.model;

describe.each(['light', 'dark'] as const)('the %s style', (theme) => {
  const style = buildStyle({ model, theme });

  it('validates against the MapLibre style specification', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('references only sources it defines', () => {
    const missing = style.layers.filter((l) => 'source' in l && !(l.source in style.sources)).map((l) => l.id);
    expect(missing).toEqual([]);
  });

  it('labels only with the shipped fonts', () => {
    const fonts = style.layers.flatMap((l) => ((l.layout as Record<string, unknown> | undefined)?.['text-font'] as string[] | undefined) ?? []);
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts)).toEqual(new Set(fonts.filter((f) => f === FONT_REGULAR || f === FONT_BOLD)));
    expect(Object.keys(style['font-faces'] ?? {}).sort()).toEqual([FONT_BOLD, FONT_REGULAR].sort());
  });

  it('draws every story layer above every basemap layer', () => {
    const ids = style.layers.map((l: LayerSpecification) => l.id);
    const lastBasemap = Math.max(...ids.map((id, i) => (id.startsWith(STORY_PREFIX) ? -1 : i)));
    const firstStory = ids.findIndex((id) => id.startsWith(STORY_PREFIX));
    expect(firstStory).toBeGreaterThan(lastBasemap);
  });

  it('lets no label overlap another label or a story symbol', () => {
    for (const layer of style.layers.filter((l) => l.type === 'symbol')) {
      const layout = (layer.layout ?? {}) as Record<string, unknown>;
      if (layout['text-field'] !== undefined) {
        expect([layer.id, layout['text-allow-overlap'] ?? false, layout['text-ignore-placement'] ?? false]).toEqual([layer.id, false, false]);
      }
      if (layer.id.startsWith('story-icons-')) expect([layer.id, layout['icon-ignore-placement']]).toEqual([layer.id, false]);
    }
  });

  it('gives every story layer an icon layer that uses its own symbol', () => {
    for (const symbol of Object.values(LAYER_SYMBOLS)) {
      const layer = style.layers.find((l) => l.id === `story-icons-${symbol.layer}`);
      expect(layer?.type).toBe('symbol');
    }
  });
});

describe('story data', () => {
  it('draws one point per (layer, place), so Khojaly appears in two layers', () => {
    const khojaly = storyPoints(model).features.filter((f) => f.properties.placeId === 'khojaly');
    expect(khojaly.map((f) => f.properties.layer)).toEqual(['khojaly', 'flag-raising-2023']);
  });

  it('labels each place once, with the Azerbaijani name under the sources’ spelling', () => {
    const labels = storyLabels(model).features;
    expect(labels.filter((f) => f.properties.placeId === 'khojaly')).toHaveLength(1);
    expect(labels.find((f) => f.properties.placeId === 'khankendi')?.properties.label).toBe('Khankendi\nXankəndi');
  });

  it('surrounds the approximate route with an uncertainty corridor that contains its end points', () => {
    const corridor = routeCorridors(model).features;
    expect(corridors).toEqual(routeCorridors(model));
    expect(corridor).toHaveLength(1);
    const ring = (corridor[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const lons = ring.map((p) => p[0]!);
    expect(Math.min(...lons)).toBeLessThan(46.78917);
    expect(Math.max(...lons)).toBeGreaterThan(46.93056);
  });
});

describe('what a story point or label carries to the map', () => {
  /** The feature properties an expression reads with `get`. */
  const reads = (value: unknown): string[] =>
    Array.isArray(value) ? (value[0] === 'get' && typeof value[1] === 'string' ? [value[1]] : value.flatMap(reads)) : value && typeof value === 'object' ? Object.values(value).flatMap(reads) : [];
  const screen = buildStyle({ model, theme: 'light', highlight: 'feature-state' });
  const exported = buildStyle({ model, theme: 'light' });

  it.each(['story-points', 'story-labels'])('%s: only what its layers read, and the place id a click reads', (source) => {
    const read = new Set([PLACE_ID_PROPERTY, ...[screen, exported].flatMap((style) => style.layers.filter((l) => 'source' in l && l.source === source).flatMap(reads))]);
    const carried = new Set((screen.sources[source] as { data: FeatureCollection }).data.features.flatMap((f) => Object.keys(f.properties ?? {})));
    expect(carried.size).toBeGreaterThan(1);
    expect([...carried].filter((key) => !read.has(key))).toEqual([]);
  });
});

describe('the escape route', () => {
  const style = buildStyle({ model, theme: 'light' });
  const routeLayers = style.layers.filter((l) => 'source' in l && (l.source === 'story-routes' || l.source === 'story-corridors'));

  it('draws no line along a course: only the band and its edge are lines, around the corridor', () => {
    const lines = routeLayers.filter((l) => l.type === 'line');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect([line.id, (line as { source: string }).source]).toEqual([line.id, 'story-corridors']);
  });

  it('points towards Aghdam with a single arrow at the middle of the direction', () => {
    const arrows = routeLayers.filter((l) => l.type === 'symbol');
    expect(arrows.map((l) => (l.layout as Record<string, unknown>)['symbol-placement'])).toEqual(['line-center']);
  });

  it('says in its map note what is drawn and that no course is', () => {
    const route = model.places.find((p) => p.kind === 'route')!;
    expect(route.provenance.note).toContain(`What is drawn: a shaded band ${CORRIDOR_KM} km either side`);
    expect(route.provenance.note).toMatch(/No course is drawn/);
  });
});

describe('what the story layers show, held in the style’s global state', () => {
  const base = buildStyle({ model, theme: 'light' });
  const layer = (id: string) => base.layers.find((l) => l.id === id)!;
  /** The place ids a layer of `style` draws from its own source at zoom 10, with the given global state. */
  const drawnIn = (style: StyleSpecification, id: string, state: Record<string, unknown>): string[] => {
    const l = style.layers.find((x) => x.id === id)!;
    const source = style.sources[(l as { source: string }).source] as { data: FeatureCollection };
    const reader = readLayer(l, 10, { ...globalStateOf(style), ...state });
    if (!reader.shown) return [];
    return source.data.features
      .filter((f) => reader.filter({ type: f.geometry.type === 'Point' ? 1 : f.geometry.type.includes('Line') ? 2 : 3, properties: f.properties ?? {} }))
      .map((f) => String(f.properties?.placeId));
  };
  const drawn = (id: string, state: Record<string, unknown>): string[] => drawnIn(base, id, state);
  /** A story style showing only the `visible` layers. */
  const showing = (visible: LayerId[]) => buildStyle({ model, theme: 'light', visible });

  it('starts from the style input: visible layers, selection, event places, hover', () => {
    const style = buildStyle({ model, theme: 'dark', visible: ['khojaly'], selected: 'aghdam', marked: ['baku', 'mothers-cry'], hover: 'khankendi' });
    expect(globalStateOf(style)).toEqual({ ...shownValues(['khojaly']), selected: 'aghdam', marked: ['baku', 'mothers-cry'], hover: 'khankendi' });
    expect(globalStateOf(base)).toEqual({ ...shownValues(LAYER_IDS), selected: '', marked: [], hover: '' });
  });

  it('holds a key per story layer, true while it is shown', () => {
    expect(shownValues(['khojaly', 'escape-route'])).toEqual({
      'shown-also-named': false,
      'shown-khankendi': false,
      'shown-khojaly': true,
      'shown-baku-monument': false,
      'shown-escape-route': true,
      'shown-flag-raising-2023': false
    });
  });

  it('has the same layers whatever is selected, marked or pointed at, so a selection rewrites no filter and no layout', () => {
    const other = buildStyle({ model, theme: 'light', selected: 'aghdam', marked: ['baku'], hover: 'aghdam' });
    expect(other.layers).toEqual(base.layers);
  });

  it('differs with the visible layers only in the visibility of the style layers drawn for each', () => {
    const other = showing(['khojaly']);
    const withoutVisibility = (layers: LayerSpecification[]) => layers.map((l) => ({ ...l, layout: { ...l.layout, visibility: null } }));
    expect(withoutVisibility(other.layers)).toEqual(withoutVisibility(base.layers));
    const hidden = other.layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility === 'none');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((l) => followedLayer(l) !== null && followedLayer(l) !== 'khojaly')).toBe(true);
  });

  it('rings the selected place, the event’s places and the place pointed at, and nothing when they are empty', () => {
    expect(drawn('story-selected-halo', {})).toEqual([]);
    expect(drawn('story-selected-halo', { selected: 'aghdam' })).toEqual(['aghdam']);
    expect(drawn('story-route-selected', { selected: 'khojaly-aghdam-route' })).toEqual(['khojaly-aghdam-route']);
    expect(drawn('story-event-halo', { marked: ['baku', 'mothers-cry'] }).sort()).toEqual(['baku', 'mothers-cry']);
    expect(drawn('story-event-halo', {})).toEqual([]);
    expect(drawn('story-hover-halo', { hover: 'khankendi' })).toEqual(['khankendi']);
    expect(drawn('story-hover-halo', {})).toEqual([]);
  });

  it('shows a story layer only while it is visible, and a label while one of its place’s layers is', () => {
    expect(drawnIn(showing(['khojaly']), 'story-icons-khankendi', {})).toEqual([]);
    expect(drawnIn(showing(['khankendi']), 'story-icons-khankendi', {})).toEqual(['khankendi']);
    expect(drawn('story-labels', shownValues(['khojaly']))).not.toContain('khankendi');
    expect(drawn('story-labels', shownValues(['flag-raising-2023']))).toContain('khankendi');
    expect(drawn('story-labels', shownValues([]))).toEqual([]);
  });

  it('rings places from their own source, so ringing one reloads no label', () => {
    for (const id of ['story-selected-halo', 'story-event-halo', 'story-hover-halo']) expect((layer(id) as { source: string }).source).toBe('story-marks');
    expect(base.layers.filter((l) => 'source' in l && l.source === 'story-marks').every((l) => l.type === 'circle')).toBe(true);
  });
});

describe('the screen style: the highlighted places as feature state', () => {
  const CIRCLE_SIZES = ['circle-radius', 'circle-stroke-width'];
  const screen = buildStyle({ model, theme: 'light', selected: 'aghdam', marked: ['baku'], hover: 'khankendi', highlight: 'feature-state' });
  const exported = buildStyle({ model, theme: 'light' });
  const layer = (id: string) => screen.layers.find((l) => l.id === id)!;
  /** A paint property of a layer as MapLibre evaluates it at zoom 10 for a feature with this feature state. */
  const paint = (l: LayerSpecification, name: string, properties: Record<string, unknown>, state: Record<string, unknown>): unknown => {
    const spec = (latest as any)[`paint_${l.type}`][name];
    const parsed = expression.createPropertyExpression((l.paint as Record<string, unknown>)[name] ?? spec.default, name, spec);
    if (parsed.result !== 'success') throw new Error(`${l.id}.${name}: ${parsed.value.map((e) => e.message).join('; ')}`);
    return (parsed.value as any).evaluate({ zoom: 10 }, { type: 1, properties }, state);
  };
  /** The place ids a layer draws visibly (some opacity above 0), each feature's state taken from `states` by its place id. */
  const drawn = (id: string, states: Record<string, Record<string, boolean>>): string[] => {
    const l = layer(id) as LayerSpecification & { source: string; paint: Record<string, unknown> };
    const opacities = Object.keys(l.paint).filter((name) => name.endsWith('opacity'));
    const features = (screen.sources[l.source] as { data: FeatureCollection }).data.features;
    return features
      .filter((f) => opacities.some((name) => Number(paint(l, name, f.properties ?? {}, states[String(f.properties?.placeId)] ?? {})) > 0))
      .map((f) => String(f.properties?.placeId));
  };

  it('validates against the MapLibre style specification', () => {
    expect(validateStyleMin(screen).map((e) => e.message)).toEqual([]);
  });

  it('keeps only the visible layers in its global state, so a selection changes no filter and re-makes no tile', () => {
    expect(Object.keys(screen.state ?? {})).toEqual(Object.keys(shownValues(LAYER_IDS)));
    expect(JSON.stringify(screen.layers)).not.toMatch(/"global-state","(selected|marked|hover)"/);
  });

  it('re-makes, when a layer is shown or hidden, the tiles of its own sources and of the labels only', () => {
    /** The sources MapLibre reloads when a global-state key changes: those of the layers whose layout or filter read it. */
    const reloaded = (key: string) =>
      screen.layers
        .filter((l) => 'source' in l && JSON.stringify([l.layout ?? {}, 'filter' in l ? l.filter : null]).includes(`["global-state","${key}"]`))
        .map((l) => (l as { source: string }).source);
    /** The sources of the style layers whose visibility follows a story layer. */
    const following = (id: LayerId) => screen.layers.filter((l) => followedLayer(l) === id).map((l) => (l as { source: string }).source);
    const sorted = (xs: string[]) => [...new Set(xs)].sort();
    expect(sorted(reloaded('shown-baku-monument'))).toEqual(['story-labels']);
    expect(sorted(following('baku-monument'))).toEqual(['story-points']);
    expect(sorted(following('escape-route'))).toEqual(['story-corridors', 'story-points', 'story-routes']);
    expect(sorted(following('also-named'))).toEqual(['story-areas', 'story-points']);
  });

  it('sets the visibility of its layers as plain values, which MapLibre re-makes tiles for once, not from the global state, which it re-makes them for twice', () => {
    expect(JSON.stringify(screen.layers.map((l) => l.layout?.visibility ?? null))).not.toContain('global-state');
  });

  it('identifies the features of the highlighted sources by place id', () => {
    for (const id of HIGHLIGHT_SOURCES) expect([id, (screen.sources[id] as { promoteId?: unknown }).promoteId]).toEqual([id, 'placeId']);
  });

  it('rings the places whose feature state names them, and nothing without it', () => {
    expect(drawn('story-selected-halo', {})).toEqual([]);
    expect(drawn('story-selected-halo', { aghdam: { selected: true } })).toEqual(['aghdam']);
    expect(drawn('story-selected-halo', { aghdam: { marked: true } })).toEqual([]);
    expect(drawn('story-route-selected', { 'khojaly-aghdam-route': { selected: true } })).toEqual(['khojaly-aghdam-route']);
    expect(drawn('story-event-halo', { baku: { marked: true }, 'mothers-cry': { marked: true } }).sort()).toEqual(['baku', 'mothers-cry']);
    expect(drawn('story-areas-marked', { mexico: { marked: true } })).toEqual(['mexico']);
    expect(drawn('story-areas-selected', {})).toEqual([]);
    expect(drawn('story-hover-halo', { khankendi: { hover: true } })).toEqual(['khankendi']);
    expect(drawn('story-hover-halo', {})).toEqual([]);
  });

  it('draws a halo at no size for a place its feature state does not name, and at the export’s size for one it names', () => {
    const halos = { 'story-selected-halo': 'selected', 'story-event-halo': 'marked', 'story-hover-halo': 'hover' } as const;
    for (const [id, key] of Object.entries(halos)) {
      const onExport = exported.layers.find((l) => l.id === id)!;
      for (const name of CIRCLE_SIZES) {
        expect([id, name, paint(layer(id), name, {}, {})]).toEqual([id, name, 0]);
        expect([id, name, paint(layer(id), name, {}, { [key]: true })]).toEqual([id, name, paint(onExport, name, {}, {})]);
      }
    }
  });

  it('differs from an export’s style only in how the highlight layers pick their places (before the layers share shader programs, which changes no value)', () => {
    const [own, theirs] = [storyLayers('light', 'feature-state'), storyLayers('light', 'global-state')];
    const strip = (l: LayerSpecification) => {
      const { filter: _filter, paint = {}, ...rest } = l as LayerSpecification & { filter?: unknown; paint?: Record<string, unknown> };
      return { ...rest, paint: Object.fromEntries(Object.entries(paint).filter(([name]) => !name.endsWith('opacity') && !CIRCLE_SIZES.includes(name))) };
    };
    const highlight = (l: LayerSpecification) => JSON.stringify(l).match(/"(global|feature)-state","(selected|marked|hover)"/) !== null;
    expect(screen.layers.map((l) => l.id)).toEqual(exported.layers.map((l) => l.id));
    expect(own.filter(highlight).map(strip)).toEqual(theirs.filter(highlight).map(strip));
    expect(own.filter((l) => !highlight(l))).toEqual(theirs.filter((l) => !highlight(l)));
  });
});
