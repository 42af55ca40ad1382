import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/lib/data/types';
import { geometryBounds } from '../../../src/lib/data/geojson';
import { fitCamera, type Camera } from '../../../src/lib/export/mercator';
import { LOCATOR_BOUNDS } from '../../../src/lib/map/frames';
import { basemap, draw, mainCamera, model } from './fixture';
import { LOCAL_COUNTRY_LABELS } from '../../../src/lib/map/basemap/layers';

/** The properties of the basemap feature a label names (town and country colours depend on them). */
function labelProps(svg: string, id: string): Record<string, unknown> {
  const name = svg.match(new RegExp(`data-layer="${id}"[^>]*><tspan[^>]*>([^<]+)<`))?.[1];
  const features = [...basemap.towns.features, ...basemap.labels.features];
  return features.find((f) => String(f.properties.name).toUpperCase() === name?.toUpperCase())?.properties ?? {};
}

/** A layer property as MapLibre evaluates it (the style spec's own evaluator), for a feature's properties. */
function screenValue(layer: LayerSpecification, kind: 'paint' | 'layout', name: string, zoom: number, properties: Record<string, unknown>): unknown {
  const spec = (latest as any)[`${kind}_${layer.type}`][name];
  const value = ((layer as any)[kind] ?? {})[name] ?? spec.default;
  const parsed = expression.createPropertyExpression(value, name, spec);
  if (parsed.result !== 'success') return value;
  return (parsed.value as any).evaluate({ zoom }, { type: 1, properties });
}

const rgb = (c: any) => `rgb(${[c.r, c.g, c.b].map((v: number) => Math.round((v / c.a) * 255)).join(', ')})`;
const attr = (element: string, name: string) => element.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** The first drawn element of a layer in the SVG: its shape, or its first label. */
function firstElement(svg: string, id: string): string | null {
  const group = svg.match(new RegExp(`<g data-layer="${id}">(<[^>]+>)`));
  if (group) return group[1]!;
  return svg.match(new RegExp(`<rect data-layer="${id}"[^>]*>`))?.[0] ?? svg.match(new RegExp(`<text class="label[^"]*" data-layer="${id}"[^>]*><tspan[^>]*>`))?.[0] ?? null;
}

const region = (w: number, h: number, zoomOut = 0): Camera => {
  const c = fitCamera([LOCATOR_BOUNDS[0][0], LOCATOR_BOUNDS[0][1], LOCATOR_BOUNDS[1][0], LOCATOR_BOUNDS[1][1]], w, h);
  return { ...c, zoom: c.zoom - zoomOut };
};

/** A camera framing a place's geometry. */
const around = (id: string, w: number, h: number): Camera => fitCamera(geometryBounds(model.places.find((p) => p.id === id)!.geometry), w, h);

/** The shipped model with one more event, concerning an area (no shipped event does yet). */
const withAreaEvent: Model = { ...model, events: [...model.events, { ...model.events[0]!, id: 'area-event', places: ['mexico'] }] };

describe.each(['light', 'dark'] as const)('screen/export parity (%s)', (theme) => {
  const views = [
    { camera: mainCamera(), selected: 'khojaly-aghdam-route' },
    { camera: mainCamera(), selected: 'khojaly' },
    { camera: mainCamera(), event: 'attack-1992' },
    { camera: around('mexico', 900, 600), selected: 'mexico' },
    { camera: around('mexico', 900, 600), event: 'area-event', model: withAreaEvent },
    { camera: { center: [46.8, 39.9] as [number, number], zoom: 10.5, width: 900, height: 600 } },
    { camera: region(900, 600) },
    { camera: region(900, 600, 2.5) }
  ];
  const drawn = views.map((v) => draw({ ...v, theme }));
  const screen = drawn[0]!.style.layers;

  it('draws every story and basemap layer of the screen style with its colour and width at the export zoom', () => {
    const checked = new Set<string>();
    for (const { drawing, camera, style } of drawn) {
      const svg = [...drawing.layers, drawing.labels.texts].join('\n');
      for (const layer of style.layers) {
        const el = firstElement(svg, layer.id);
        if (!el) continue;
        checked.add(layer.id);
        const z = camera.zoom;
        const props = { class: layer.id.includes('minor') ? 'minor' : 'major' };
        if (layer.type === 'background') expect(attr(el, 'fill'), layer.id).toBe(rgb(screenValue(layer, 'paint', 'background-color', z, {})));
        if (layer.type === 'fill') expect(attr(el, 'fill'), layer.id).toBe(rgb(screenValue(layer, 'paint', 'fill-color', z, {})));
        if (layer.type === 'line') {
          expect(attr(el, 'stroke'), layer.id).toBe(rgb(screenValue(layer, 'paint', 'line-color', z, props)));
          expect(Number(attr(el, 'stroke-width')), layer.id).toBeCloseTo(Number(screenValue(layer, 'paint', 'line-width', z, props)), 1);
        }
        if (layer.type === 'circle' && layer.id.startsWith('story-')) {
          expect(attr(el, 'fill'), layer.id).toBe(rgb(screenValue(layer, 'paint', 'circle-color', z, {})));
          expect(Number(attr(el, 'r')), layer.id).toBeCloseTo(Number(screenValue(layer, 'paint', 'circle-radius', z, {})), 1);
          expect(attr(el, 'stroke'), layer.id).toBe(rgb(screenValue(layer, 'paint', 'circle-stroke-color', z, {})));
          expect(Number(attr(el, 'stroke-width')), layer.id).toBeCloseTo(Number(screenValue(layer, 'paint', 'circle-stroke-width', z, {})), 1);
        }
        if (layer.type === 'symbol' && attr(el, 'fill')) {
          const feature = labelProps(svg, layer.id);
          expect(attr(el, 'fill'), layer.id).toBe(rgb(screenValue(layer, 'paint', 'text-color', z, feature)));
          const size = Number(el.match(/<tspan[^>]*font-size="([\d.]+)"/)![1]);
          expect(size, layer.id).toBeCloseTo(Number(screenValue(layer, 'layout', 'text-size', z, feature)), 0);
        }
        if (layer.type === 'symbol' && /icons/.test(layer.id)) {
          const scale = Number(el.match(/scale\(([\d.]+)\)/)![1]);
          expect(scale, layer.id).toBeCloseTo(Number(screenValue(layer, 'layout', 'icon-size', z, {})), 2);
        }
      }
    }
    // The country names chosen for the export's own frame are drawn (at zoom 10.5 over Khojaly) like the screen's.
    expect([...checked]).toContain(LOCAL_COUNTRY_LABELS);
    const never = screen.filter((l) => !checked.has(l.id)).map((l) => l.id);
    // The one layer no export draws: the ring of the place the reader points at in a list or a text, which
    // follows the pointer on screen and has no meaning in a still image.
    expect(never).toEqual(['story-hover-halo']);
  });
});
