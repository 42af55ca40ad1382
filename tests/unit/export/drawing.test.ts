import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { rasterStyle, styleData } from '../../../src/lib/export/drawing';
import { basemapSourceData } from '../../../src/lib/export/svg-basemap';
import { geometryBounds } from '../../../src/lib/data/geojson';
import { boxDistance } from '../../../src/lib/export/labels';
import { COUNTRY_NAMES_SOURCE } from '../../../src/lib/map/basemap/names';
import { LOCAL_COUNTRY_LABELS } from '../../../src/lib/map/basemap/layers';
import { fitCamera, projector } from '../../../src/lib/export/mercator';
import { BAKU_INSET } from '../../../src/lib/map/frames';
import { modelOf, withLayer } from '../../support/model';
import { basemap, draw, mainCamera, model } from './fixture';

/** Whether a point lies inside a ring (even-odd rule). */
function inRing([x, y]: readonly number[], ring: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const point = (id: string) => (model.places.find((p) => p.id === id)!.geometry as unknown as { coordinates: [number, number] }).coordinates;

describe('labels in an export', () => {
  for (const [w, h] of [[790, 570], [770, 860], [360, 400]] as const) {
    for (const selected of [null, 'khojaly']) {
      const { drawing, camera } = draw({ width: w, height: h, selected });
      const symbols = drawing.symbols;
      const labelled = new Set([...drawing.placed.labels.map((l) => l.candidate.placeId), ...drawing.placed.callouts.map((c) => c.placeId)]);

      it(`labels every story symbol of a ${w} × ${h} map (selected: ${selected}) or numbers it in the key`, () => {
        expect(symbols.length).toBeGreaterThan(4);
        for (const s of symbols) expect(labelled.has(s.placeId), s.placeId!).toBe(true);
      });

      it(`puts each story label of a ${w} × ${h} map nearer its own symbol than any other, inside the frame`, () => {
        for (const l of drawing.placed.labels.filter((x) => x.candidate.story)) {
          const own = boxDistance(l.box, l.candidate.at);
          for (const s of symbols.filter((x) => x.placeId !== l.candidate.placeId)) expect(own, `${l.candidate.placeId} vs ${s.placeId}`).toBeLessThan(boxDistance(l.box, s.at));
          expect(l.box[0] >= 0 && l.box[1] >= 0 && l.box[2] <= camera.width && l.box[3] <= camera.height, l.candidate.placeId!).toBe(true);
        }
      });
    }
  }

  it('marks story symbols and labels with data-place-id', () => {
    const { drawing } = draw();
    const svg = [...drawing.layers, drawing.labels.texts].join('\n');
    expect(svg).toMatch(/<g class="story-symbol" data-place-id="aghdara"/);
    expect(svg).toMatch(/<text class="label story-label" data-layer="story-labels" data-place-id="aghdara"[^>]*><tspan[^>]*>Aghdara</);
  });

  it('turns a label with no room into a numbered callout, never dropping it', () => {
    const { drawing } = draw({ width: 140, height: 120 });
    const names = [...drawing.placed.labels.map((l) => l.candidate.placeId), ...drawing.placed.callouts.map((c) => c.placeId)];
    expect(drawing.placed.callouts.length).toBeGreaterThan(0);
    expect(drawing.placed.callouts.map((c) => c.n)).toEqual(drawing.placed.callouts.map((_, i) => i + 1));
    for (const s of drawing.symbols) expect(names).toContain(s.placeId);
    expect(drawing.labels.badges).toMatch(/<g class="callout" data-place-id="[a-z-]+">/);
  });
});

describe('clipping to the frame', () => {
  it('cuts the route, its corridor and its arrows to the frame at zoom 22', () => {
    const [lng, lat] = point('khojaly');
    const { drawing } = draw({ camera: { center: [lng + 0.0002, lat], zoom: 22, width: 1200, height: 675 } });
    const svg = drawing.layers.join('\n');
    expect((svg.match(/class="line-icon"/g) ?? []).length).toBeLessThan(20);
    const numbers = [...svg.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
    expect(Math.max(...numbers.map(Math.abs))).toBeLessThan(1300);
    expect(svg.length).toBeLessThan(200_000);
  });
});

describe('insets', () => {
  it('shows Baku in an inset at the default frame, and no locator', () => {
    const { drawing } = draw();
    expect(drawing.insets.map((i) => i.plan.id)).toEqual(['baku']);
    expect(drawing.insets[0]!.svg).toMatch(/data-place-id="mothers-cry"/);
  });

  it('adds a locator with the view rectangle when zoomed in', () => {
    const [lng, lat] = point('khojaly');
    const { drawing } = draw({ camera: { center: [lng, lat], zoom: 12, width: 800, height: 500 } });
    expect(drawing.insets.map((i) => i.plan.id).sort()).toEqual(['baku', 'locator']);
    expect(drawing.insets.find((i) => i.plan.id === 'locator')!.svg).toMatch(/class="inset-view"/);
  });

  it('adds the locator when the view leaves out a point of the story, wherever the data puts it', () => {
    const moved = modelOf(
      withLayer('flag-raising-2023.geojson', (json) => {
        json.features.find((f: { id: string }) => f.id === 'khojavand').geometry.coordinates = [47.6, 39.6];
      })
    );
    expect(draw({ camera: mainCamera() }).drawing.insets.map((i) => i.plan.id)).not.toContain('locator');
    expect(draw({ camera: mainCamera(), model: moved }).drawing.insets.map((i) => i.plan.id)).toContain('locator');
  });

  it('leaves Baku out of the insets when the view already shows it', () => {
    const b = BAKU_INSET.bounds;
    const { drawing } = draw({ camera: fitCamera([b[0][0], b[0][1], b[1][0], b[1][1]], 800, 500) });
    expect(drawing.insets.map((i) => i.plan.id)).toEqual(['locator']);
  });

  it('never covers a story symbol with an inset', () => {
    for (const [w, h] of [[790, 570], [360, 400]]) {
      const { drawing, camera } = draw({ width: w, height: h });
      const project = projector(camera);
      for (const { plan } of drawing.insets) {
        for (const s of drawing.symbols) {
          const inside = s.at[0] >= plan.rect.x && s.at[0] <= plan.rect.x + plan.rect.w && s.at[1] >= plan.rect.y && s.at[1] <= plan.rect.y + plan.rect.h;
          expect(inside, `${s.placeId} under the ${plan.id} inset`).toBe(false);
        }
      }
      expect(project(point('khojaly'))[0]).toBeGreaterThan(0);
    }
  });
});

describe('a selected timeline event', () => {
  const ringed = (layers: string[], id: string) => [...(layers.find((l) => l.startsWith(`<g data-layer="${id}">`)) ?? '').matchAll(/data-place-id="([^"]+)"/g)].map((m) => m[1]);

  it('rings each of its places at its point, as the screen does', () => {
    const { drawing, camera } = draw({ width: 900, height: 600, event: 'flag-2023' });
    const project = projector(camera);
    const rings = drawing.layers.find((l) => l.startsWith('<g data-layer="story-event-halo">')) ?? '';
    for (const id of model.events.find((e) => e.id === 'flag-2023')!.places) {
      const [x, y] = project(point(id));
      expect(rings, id).toMatch(new RegExp(`<circle data-place-id="${id}" cx="${Math.round(x * 100) / 100}" cy="${Math.round(y * 100) / 100}"`));
    }
  });

  it('marks the route it concerns', () => {
    expect(ringed(draw({ width: 900, height: 600, event: 'attack-1992' }).drawing.layers, 'story-route-marked')).toEqual(['khojaly-aghdam-route']);
  });

  it('rings nothing without an event', () => {
    const { drawing } = draw({ width: 900, height: 600 });
    expect(ringed(drawing.layers, 'story-event-halo')).toEqual([]);
    expect(ringed(drawing.layers, 'story-route-marked')).toEqual([]);
  });
});

describe('the route arrow', () => {
  /** The centres of the drawn route arrows (each is rotated about its centre). */
  const arrowPoints = (layers: string[]) =>
    [...(layers.find((l) => l.startsWith('<g data-layer="story-route-arrows">')) ?? '').matchAll(/rotate\([-\d.]+ ([-\d.]+) ([-\d.]+)\)/g)].map(
      (m) => [Number(m[1]), Number(m[2])] as const
    );

  it('sits at the middle of the route line, as MapLibre places a line-center symbol', () => {
    const { drawing, camera } = draw({ width: 900, height: 600 });
    const project = projector(camera);
    const line = (model.places.find((p) => p.id === 'khojaly-aghdam-route')!.geometry as unknown as { coordinates: [number, number][] }).coordinates.map((c) => project(c));
    const lengths = line.slice(1).map((b, i) => Math.hypot(b[0] - line[i]![0], b[1] - line[i]![1]));
    let half = lengths.reduce((a, b) => a + b, 0) / 2;
    let i = 0;
    while (half > lengths[i]!) half -= lengths[i++]!;
    const t = half / lengths[i]!;
    const middle = [line[i]![0] + (line[i + 1]![0] - line[i]![0]) * t, line[i]![1] + (line[i + 1]![1] - line[i]![1]) * t];
    const at = arrowPoints(drawing.layers);
    expect(at).toHaveLength(1);
    expect(Math.hypot(at[0]![0]! - middle[0]!, at[0]![1]! - middle[1]!)).toBeLessThan(1);
  });

  for (const [w, h] of [[790, 570], [770, 860], [360, 400]] as const) {
    it(`is never covered by a label on a ${w} × ${h} map`, () => {
      const { drawing } = draw({ width: w, height: h, selected: 'khojaly' });
      const at = arrowPoints(drawing.layers);
      expect(at.length).toBeGreaterThan(0);
      for (const l of drawing.placed.labels)
        for (const [x, y] of at) expect(x + 6 < l.box[0] || x - 6 > l.box[2] || y + 6 < l.box[1] || y - 6 > l.box[3], `${l.candidate.placeId} covers the arrow`).toBe(true);
    });
  }
});

describe('country names in an export', () => {
  const khojaly = { center: [46.79, 39.91] as [number, number], zoom: 10.5, width: 900, height: 600 };

  it('names the country of its frame once, from the same rule as the screen', () => {
    const { drawing } = draw({ camera: khojaly });
    const texts = drawing.placed.labels.filter((l) => l.candidate.layerId === LOCAL_COUNTRY_LABELS).map((l) => l.candidate.lines[0]!.text);
    expect(texts).toEqual(['AZERBAIJAN']);
  });

  it('draws every name it chose, whole inside the frame and off the insets and the scale bar, in small frames', () => {
    for (const [zoom, w, h] of [[10.5, 300, 200], [9, 390, 300], [9, 500, 300]] as const) {
      const { drawing } = draw({ camera: { ...khojaly, zoom, width: w, height: h } });
      const names = drawing.placed.labels.filter((x) => x.candidate.layerId === LOCAL_COUNTRY_LABELS);
      expect(names.length, `${w} × ${h}`).toBe(drawing.countryNames.features.length);
      for (const l of names) {
        expect(l.box[0] >= 0 && l.box[1] >= 0 && l.box[2] <= w && l.box[3] <= h, `${w} × ${h}`).toBe(true);
        for (const c of drawing.covered) expect(l.box[0] < c[2] && l.box[2] > c[0] && l.box[1] < c[3] && l.box[3] > c[1], `${w} × ${h} under ${c.join(',')}`).toBe(false);
      }
    }
  });

  it('hands a raster export the same names, in the names’ source of its style', () => {
    const { drawing, camera, style } = draw({ camera: khojaly });
    const raster = rasterStyle(style, drawing, camera);
    expect(raster.sources[COUNTRY_NAMES_SOURCE]).toEqual({ type: 'geojson', data: drawing.countryNames });
    expect(drawing.countryNames.features.map((f) => f.properties.name)).toEqual(['Azerbaijan']);
  });

  it('keeps the name off the escape route’s corridor where the country has room', () => {
    const route = model.places.find((p) => p.id === 'khojaly-aghdam-route')!;
    for (const [w, h] of [[390, 700], [900, 600]] as const) {
      const camera = fitCamera(geometryBounds(route.geometry), w, h);
      const { drawing, style } = draw({ camera, selected: route.id });
      const corridor = styleData(style, basemapSourceData(basemap))('story-corridors')!.features[0]!.geometry as Polygon;
      const project = projector(camera);
      const ring = corridor.coordinates[0]!.map((c) => project(c));
      const [name] = drawing.placed.labels.filter((l) => l.candidate.layerId === LOCAL_COUNTRY_LABELS);
      expect(name, `${w} × ${h}`).toBeDefined();
      const [x0, y0, x1, y1] = name!.box;
      for (const corner of [[x0, y0], [x1, y0], [x0, y1], [x1, y1], [(x0 + x1) / 2, (y0 + y1) / 2]] as const) {
        expect(inRing(corner, ring), `${w} × ${h}: ${corner.join(',')}`).toBe(false);
      }
    }
  });

  it('names no country below the zoom the names start at', () => {
    const { drawing } = draw({ camera: { ...khojaly, zoom: 7 } });
    expect(drawing.countryNames.features).toEqual([]);
  });
});
