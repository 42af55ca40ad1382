import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { geometryBounds } from '../data/geojson';
import { BASEMAP_URLS, TOWN_MINZOOM, basemapPalette, type Theme } from '../map/basemap';
import type { Measure } from './layout';
import { interpolate, linePath, placeLabel, polygonPath, type Frame, type Placement, type Project } from './svg-util';

type Collection = FeatureCollection<Geometry, Record<string, unknown>>;
/** The basemap files the style loads, fetched from the app's own origin. */
export type BasemapData = Record<'land' | 'borders' | 'lakes' | 'rivers' | 'towns' | 'labels', Collection>;

let cache: Promise<BasemapData> | null = null;

/** Fetches the committed basemap GeoJSON once (the same files the map style loads). */
export function loadBasemapData(): Promise<BasemapData> {
  cache ??= (async () => {
    const names = ['land', 'borders', 'lakes', 'rivers', 'towns', 'labels'] as const;
    const files = await Promise.all(names.map(async (n) => (await fetch(BASEMAP_URLS[n])).json() as Promise<Collection>));
    return Object.fromEntries(names.map((n, i) => [n, files[i]])) as BasemapData;
  })();
  return cache;
}

/** An rgba() colour as rgb() plus its opacity, for SVG renderers that know only opaque colours. */
export function solid(color: string): { color: string; opacity: number } {
  const m = color.match(/^rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\s*\)$/);
  return m ? { color: `rgb(${m[1]}, ${m[2]}, ${m[3]})`, opacity: Number(m[4]) } : { color, opacity: 1 };
}


/** True when the feature's projected bounding box meets the frame (Mercator keeps west/east and north/south in order). */
function meets(g: Geometry, project: Project, w: number, h: number): boolean {
  const [west, south, east, north] = geometryBounds(g);
  const [x0, y1] = project([west, south]);
  const [x1, y0] = project([east, north]);
  return x1 >= 0 && y1 >= 0 && x0 <= w && y0 <= h;
}

/** Path data of a polygonal or linear geometry. */
export function geometryPath(g: Geometry, project: Project, frame?: Frame): string {
  if (g.type === 'Polygon') return polygonPath(g.coordinates, project, frame);
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => polygonPath(p, project, frame)).join('');
  if (g.type === 'LineString') return linePath(g.coordinates, project, frame);
  if (g.type === 'MultiLineString') return g.coordinates.map((l) => linePath(l, project, frame)).join('');
  return '';
}

const rank = (f: Feature<Geometry, Record<string, unknown>>) => Number(f.properties.rank ?? 4) || 4;

/** The basemap's shapes (background to town dots) as SVG, following basemapLayers(theme). */
export function basemapShapes(data: BasemapData, theme: Theme, zoom: number, project: Project, w: number, h: number): string {
  const c = basemapPalette(theme);
  const out: string[] = [`<rect id="basemap-background" width="${w}" height="${h}" fill="${c.background}"/>`];
  const group = (id: string, fc: Collection, attrs: string, filter: (f: Feature<Geometry, Record<string, unknown>>) => boolean = () => true) => {
    const paths = fc.features
      .filter((f) => f.geometry && filter(f) && meets(f.geometry, project, w, h))
      .map((f) => geometryPath(f.geometry, project, { w, h }))
      .filter(Boolean)
      .map((d) => `<path d="${d}"/>`);
    if (paths.length > 0) out.push(`<g id="${id}" ${attrs}>${paths.join('')}</g>`);
  };
  group('basemap-land', data.land, `fill="${c.land}" fill-rule="evenodd"`);
  group('basemap-lakes', data.lakes, `fill="${c.water}" fill-rule="evenodd"`);
  const river = (stops: [number, number][]) => `fill="none" stroke="${c.river}" stroke-width="${interpolate(zoom, stops).toFixed(2)}" stroke-linecap="round" stroke-linejoin="round"`;
  if (zoom >= 6) group('basemap-rivers-minor', data.rivers, river([[6, 0.4], [10, 0.9], [13, 1.6]]), (f) => f.properties.class === 'minor');
  if (zoom >= 4) group('basemap-rivers-major', data.rivers, river([[4, 0.5], [8, 1.2], [13, 2.4]]), (f) => f.properties.class === 'major');
  const borderWidth = interpolate(zoom, [[1, 0.4], [5, 0.8], [10, 1.3], [13, 1.6]]).toFixed(2);
  group('basemap-borders', data.borders, `fill="none" stroke="${c.border}" stroke-width="${borderWidth}" stroke-linejoin="round"`);
  const dots = visibleTowns(data, zoom, project, w, h)
    .map(({ f, p }) => `<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${[3.2, 2.6, 2.1, 1.8][rank(f) - 1] ?? 1.8}"/>`)
    .join('');
  if (dots) out.push(`<g id="basemap-town-dots" fill="${c.muted}" stroke="${c.land}" stroke-width="0.8">${dots}</g>`);
  return out.join('\n');
}

function visibleTowns(data: BasemapData, zoom: number, project: Project, w: number, h: number) {
  const z = Math.floor(zoom);
  return data.towns.features
    .filter((f) => {
      const r = rank(f) as 1 | 2 | 3 | 4;
      const extra = f.properties.focus === true || r === 1 ? 0 : 1;
      return z >= (TOWN_MINZOOM[r] ?? TOWN_MINZOOM[4]) + extra;
    })
    .map((f) => ({ f, p: project((f.geometry as { coordinates: Position }).coordinates) }))
    .filter(({ p }) => p[0] >= 0 && p[1] >= 0 && p[0] <= w && p[1] <= h)
    .sort((a, b) => {
      const key = (t: typeof a) => rank(t.f) * 1e9 + (t.f.properties.focus === true ? 0 : 5e8) - Math.min(Number(t.f.properties.population ?? 0), 99_999_999);
      return key(a) - key(b);
    });
}

/** The basemap's labels (countries, water, towns, in that priority) placed after the story's. */
export function basemapLabels(data: BasemapData, theme: Theme, zoom: number, project: Project, w: number, h: number, placement: Placement, measure: Measure): { halos: string[]; texts: string[] } {
  const c = basemapPalette(theme);
  const halo = solid(c.halo).color;
  const halos: string[] = [];
  const texts: string[] = [];
  const put = (placed: { halo: string; text: string } | null) => {
    if (placed) {
      halos.push(placed.halo);
      texts.push(placed.text);
    }
  };
  const labels = data.labels.features.map((f) => ({ f, p: project((f.geometry as { coordinates: Position }).coordinates) }));
  const z = zoom;
  for (const { f, p } of labels.sort((a, b) => rank(a.f) - rank(b.f))) {
    const props = f.properties;
    const name = String(props.name ?? '');
    if (props.kind !== 'country' || !name) continue;
    const world = z < 5 && props.scale === 'world' && Math.floor(z) >= ([1, 3][rank(f) - 1] ?? 4);
    const region = z >= 5 && z < 10 && props.scale === 'region';
    if (!world && !region) continue;
    const size = world ? interpolate(z, [[1, 9], [4, 11]]) : interpolate(z, [[5, 11], [9, 14]]);
    put(placeLabel({ lines: [name.toUpperCase()], size, bold: true, color: c.muted, halo, haloWidth: 1.2, spacing: world ? 0.1 : 0.15 }, p, ['center'], 0, placement, measure, `country-${name}`));
  }
  for (const { f, p } of labels) {
    const props = f.properties;
    if (!['sea', 'lake', 'river'].includes(String(props.kind)) || Math.floor(z) < ([3, 6][rank(f) - 1] ?? 8)) continue;
    const spec = { lines: [String(props.name)], size: interpolate(z, [[3, 11], [8, 13]]), bold: false, color: c.waterText, halo: c.water, haloWidth: 1.2, spacing: 0.08 };
    put(placeLabel(spec, p, ['center'], 0, placement, measure, `water-${props.name}`));
  }
  for (const { f, p } of visibleTowns(data, zoom, project, w, h)) {
    const name = String(f.properties.name);
    const az = f.properties.nameAz ? String(f.properties.nameAz) : null;
    const lines = az && az !== name ? [name, az] : [name];
    const r = rank(f);
    const spec = { lines, size: [13.5, 12.5, 11.5, 11][r - 1] ?? 11, bold: false, color: r <= 2 ? c.text : c.muted, halo, haloWidth: 1.2, laterScale: 0.86 };
    put(placeLabel(spec, p, ['left', 'right', 'top', 'bottom'], 0.55, placement, measure, `town-${f.properties.geonameId ?? name}`));
  }
  return { halos, texts };
}
