import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { polygonsOf } from '../data/geojson';
import { COUNTRY_NAMES_SOURCE } from './basemap/names';
import { chooseCountryNames, coveredCells, estimateWidth, LOCAL_NAMES_FROM, LOCAL_NAMES_UNTIL, type Box } from './basemap/country-names';
import { countryNamesData, countryShapes, labelRoom, NAME_MARGIN, NAME_MIN_SHARE, SYMBOL_HALF } from './basemap/country-names-data';
import { LOCAL_COUNTRY_LABELS } from './basemap/layers';

/** The basemap layer that draws the countries' land (with `name` and `res` on its features). */
const LAND_LAYER = 'basemap-land';
/** Elements drawn over the map that no name may lie under. */
const OVERLAYS = '.maplibregl-ctrl, [data-testid="inset"], [data-testid="locator"]';
/** Size of the text of the labels placed before the names, for the room kept around them, px (the story's are 12 to 14, the region's up to 16). */
const LABEL_TEXT = 15;

/** Boxes of what is drawn over the map (controls, insets), relative to its canvas. */
function overlayBoxes(map: MapLibreMap): Box[] {
  const canvas = map.getCanvas().getBoundingClientRect();
  const scope = map.getContainer().parentElement ?? map.getContainer();
  return [...scope.querySelectorAll(OVERLAYS)]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r): Box => [r.left - canvas.left, r.top - canvas.top, r.right - canvas.left, r.bottom - canvas.top]);
}

/** The story's areas drawn on the map (the route's corridor, areas), as the grid cells they cover. */
function storyAreas(map: MapLibreMap, width: number, height: number): Box[] {
  const fills = map.getLayersOrder().filter((id) => id.startsWith('story-') && map.getLayer(id)?.type === 'fill');
  const project = (p: number[]): [number, number] => {
    const { x, y } = map.project([p[0]!, p[1]!]);
    return [x, y];
  };
  const polygons = map.queryRenderedFeatures({ layers: fills }).flatMap((f) => polygonsOf(f.geometry).map((rings) => rings.map((ring) => ring.map(project))));
  return coveredCells(polygons, width, height);
}

/**
 * Boxes around what is placed before the names (the story's symbols and labels, the region's
 * name: the layers above them), a label's box reaching its width to either side of its point.
 */
function placedFirst(map: MapLibreMap): Box[] {
  const order = map.getLayersOrder();
  const above = order.slice(order.indexOf(LOCAL_COUNTRY_LABELS) + 1).filter((id) => ['symbol', 'circle'].includes(map.getLayer(id)?.type ?? ''));
  const labelled = new Set(above.filter((id) => map.getLayer(id)?.type === 'symbol' && map.getLayoutProperty(id, 'text-field') !== undefined));
  return map.queryRenderedFeatures({ layers: above }).flatMap((f): Box[] => {
    if (f.geometry.type !== 'Point') return [];
    const { x, y } = map.project(f.geometry.coordinates as [number, number]);
    if (!labelled.has(f.layer.id)) return [[x - SYMBOL_HALF, y - SYMBOL_HALF, x + SYMBOL_HALF, y + SYMBOL_HALF]];
    return [labelRoom([x, y], estimateWidth(String(f.properties.label ?? f.properties.name ?? '').toUpperCase(), LABEL_TEXT, true), LABEL_TEXT)];
  });
}

/** The names for the map's current view, as the data of its names' source (none outside the zooms they are drawn at). */
function namesInView(map: MapLibreMap): FeatureCollection<Point, { name: string }> {
  const zoom = map.getZoom();
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const project = (p: [number, number]): [number, number] => {
    const { x, y } = map.project(p);
    return [x, y];
  };
  const names =
    zoom >= LOCAL_NAMES_FROM && zoom < LOCAL_NAMES_UNTIL
      ? chooseCountryNames(countryShapes(map.queryRenderedFeatures({ layers: [LAND_LAYER] })), project, {
          width,
          height,
          margin: NAME_MARGIN,
          minShare: NAME_MIN_SHARE,
          blocked: overlayBoxes(map),
          avoid: [...placedFirst(map), ...storyAreas(map, width, height)]
        })
      : [];
  return countryNamesData(names, (p) => map.unproject(p).toArray() as [number, number]);
}

/**
 * Names the countries in view on the map, one name each, chosen anew just after the first `idle`
 * after each move, resize or new style (when the tiles of the view are there to read the countries from).
 * The source is set only when the names changed. While the map zooms there are none (a pan keeps
 * them, moving with the land they name).
 */
export function attachCountryNames(map: MapLibreMap): void {
  let stale = true;
  let last = '';
  const mark = () => {
    stale = true;
  };
  map.on('moveend', mark);
  // A zoom changes the names' room and size: the old names go at once, not after the move.
  map.on('zoomstart', () => {
    const empty: FeatureCollection<Point, { name: string }> = { type: 'FeatureCollection', features: [] };
    const json = JSON.stringify(empty);
    if (last === json || last === '') return;
    last = json;
    map.getSource<GeoJSONSource>(COUNTRY_NAMES_SOURCE)?.setData(empty);
  });
  map.on('resize', mark);
  map.on('style.load', () => {
    stale = true;
    last = '';
  });
  const update = () => {
    const source = map.getSource<GeoJSONSource>(COUNTRY_NAMES_SOURCE);
    if (!stale || !source || !map.getLayer(LAND_LAYER) || map.isMoving()) return;
    stale = false;
    const data = namesInView(map);
    const json = JSON.stringify(data);
    if (json === last) return;
    last = json;
    source.setData(data);
  };
  // In a task of its own: the map's `idle` (the view drawn) is not held up by the choice.
  map.on('idle', () => void setTimeout(update, 0));
}
