import type { ExpressionSpecification, LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { basemapPalette, type Theme } from './palette.ts';
import { LOCAL_NAMES_FROM, LOCAL_NAMES_UNTIL, NAME_SIZE, NAME_SPACING } from './country-names.ts';
import { BASEMAP_SOURCE, COUNTRY_NAMES_SOURCE, FONT_BOLD, FONT_REGULAR } from './names.ts';

/** Zoom from which towns of each rank (1 capital or >1M, 2 >100k, 3 >20k, 4 smaller) appear. */
export const TOWN_MINZOOM: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 3, 2: 5, 3: 7, 4: 9 };

const rank: ExpressionSpecification = ['to-number', ['get', 'rank'], 4];

/** Towns of Azerbaijan, Armenia and Georgia have `focus`; the others appear one zoom later. */
const focus: ExpressionSpecification = ['==', ['get', 'focus'], true];

/** True when the zoom has reached the town's rank (zoom in filters is evaluated at integer zooms). */
const townVisible: ExpressionSpecification = [
  '>=',
  ['zoom'],
  [
    '+',
    ['match', rank, 1, TOWN_MINZOOM[1], 2, TOWN_MINZOOM[2], 3, TOWN_MINZOOM[3], TOWN_MINZOOM[4]],
    ['case', focus, 0, ['==', rank, 1], 0, 1],
  ],
];

/** Lower keys are placed first: by rank, then focus towns, then by population (largest first). */
const townSortKey: ExpressionSpecification = [
  '-',
  ['+', ['*', rank, 1_000_000_000], ['case', focus, 0, 500_000_000]],
  ['min', ['to-number', ['get', 'population'], 0], 99_999_999],
];

/** "English" over "Azerbaijani" (smaller) when the two differ, else just the name. */
const townLabel: ExpressionSpecification = [
  'case',
  ['!=', ['coalesce', ['get', 'nameAz'], ['get', 'name']], ['get', 'name']],
  ['format', ['get', 'name'], {}, '\n', {}, ['get', 'nameAz'], { 'font-scale': 0.86 }],
  ['get', 'name'],
];

/**
 * Land and borders of the 1:110m world outside the Caucasus box (`res` 110m): drawn by their own
 * layers, which the PMTiles basemap reads from a low-zoom source that MapLibre overzooms.
 */
const world: ExpressionSpecification = ['==', ['get', 'res'], '110m'];

const borderWidth: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 1, 0.4, 5, 0.8, 10, 1.3, 13, 1.6];

/** The layers that draw only the world outside the Caucasus box (1:110m land, borders and country names). */
export const WORLD_LAYERS: readonly string[] = ['basemap-land-world', 'basemap-borders-world', 'basemap-country-labels-world'];

/**
 * The names of the Kura, the Aras and the other rivers Natural Earth names, set along lines that
 * follow the rivers' course, simplified per zoom band (`scripts/basemap/river-names.ts`).
 */
export const RIVER_LABELS = 'basemap-river-labels';

/** The layer of the country names chosen for the view (see `src/lib/map/country-names.ts`). */
export const LOCAL_COUNTRY_LABELS = 'basemap-country-labels-local';

/**
 * The country names chosen for each view, from {@link LOCAL_NAMES_FROM}: one point per country in
 * {@link COUNTRY_NAMES_SOURCE}, set by the map (or an export) for its own frame. No wrapping: the
 * point is the centre of a box chosen for the whole name on one line.
 */
function localCountryLabels(paint: SymbolLayerSpecification['paint']): SymbolLayerSpecification {
  return {
    id: LOCAL_COUNTRY_LABELS,
    type: 'symbol',
    source: COUNTRY_NAMES_SOURCE,
    minzoom: LOCAL_NAMES_FROM,
    maxzoom: LOCAL_NAMES_UNTIL,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT_BOLD],
      'text-transform': 'uppercase',
      'text-size': NAME_SIZE,
      'text-letter-spacing': NAME_SPACING,
      'text-max-width': 40,
      'text-padding': 4,
      'text-allow-overlap': false,
      'symbol-sort-key': 1,
    },
    paint,
  };
}

/**
 * The basemap's layers, bottom to top: the background (open water), land (the world's, then the
 * Caucasus box's), lakes, rivers, borders (the world's, then the box's), town dots, then the
 * labels (rivers along their lines, towns, water, countries, then the country names chosen for the view from the default
 * view to zoom 15, and the region's name, Karabakh: higher layers are placed first, so these win
 * over small towns). Ids are prefixed `basemap-`.
 * Story layers go above these: symbols placed in higher layers win label collisions.
 *
 * @param theme - `light` or `dark`
 */
export function basemapLayers(theme: Theme): LayerSpecification[] {
  const c = basemapPalette(theme);
  const halo = { 'text-halo-color': c.halo, 'text-halo-width': 1.2, 'text-halo-blur': 0.3 };
  return [
    { id: 'basemap-background', type: 'background', paint: { 'background-color': c.background } },
    {
      id: 'basemap-land-world',
      type: 'fill',
      source: BASEMAP_SOURCE.land,
      filter: world,
      paint: { 'fill-color': c.land, 'fill-antialias': true },
    },
    {
      id: 'basemap-land',
      type: 'fill',
      source: BASEMAP_SOURCE.land,
      filter: ['!', world],
      paint: { 'fill-color': c.land, 'fill-antialias': true },
    },
    {
      id: 'basemap-lakes',
      type: 'fill',
      source: BASEMAP_SOURCE.lakes,
      paint: { 'fill-color': c.water },
    },
    {
      id: 'basemap-rivers-minor',
      type: 'line',
      source: BASEMAP_SOURCE.rivers,
      minzoom: 6,
      filter: ['==', ['get', 'class'], 'minor'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': c.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 10, 0.9, 13, 1.6] },
    },
    {
      id: 'basemap-rivers-major',
      type: 'line',
      source: BASEMAP_SOURCE.rivers,
      minzoom: 4,
      filter: ['==', ['get', 'class'], 'major'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': c.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 8, 1.2, 13, 2.4] },
    },
    {
      id: 'basemap-borders-world',
      type: 'line',
      source: BASEMAP_SOURCE.borders,
      filter: world,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': c.border, 'line-width': borderWidth },
    },
    {
      id: 'basemap-borders',
      type: 'line',
      source: BASEMAP_SOURCE.borders,
      filter: ['!', world],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': c.border, 'line-width': borderWidth },
    },
    {
      id: 'basemap-town-dots',
      type: 'circle',
      source: BASEMAP_SOURCE.towns,
      minzoom: TOWN_MINZOOM[1],
      filter: townVisible,
      paint: {
        'circle-color': c.muted,
        'circle-radius': ['match', rank, 1, 3.2, 2, 2.6, 3, 2.1, 1.8],
        'circle-stroke-color': c.land,
        'circle-stroke-width': 0.8,
      },
    },
    {
      id: RIVER_LABELS,
      type: 'symbol',
      source: BASEMAP_SOURCE.labels,
      minzoom: 6,
      filter: [
        'all',
        ['==', ['get', 'kind'], 'river'],
        ['>=', ['zoom'], ['to-number', ['get', 'minzoom'], 24]],
        ['<', ['zoom'], ['to-number', ['get', 'maxzoom'], 0]],
      ],
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 180,
        'text-field': ['get', 'name'],
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 10, 12.5],
        'text-letter-spacing': 0.12,
        'text-max-angle': 40,
        'text-padding': 6,
        'text-allow-overlap': false,
        'symbol-sort-key': ['to-number', ['get', 'level'], 4],
      },
      paint: { 'text-color': c.waterText, ...halo },
    },
    {
      id: 'basemap-town-labels',
      type: 'symbol',
      source: BASEMAP_SOURCE.towns,
      minzoom: TOWN_MINZOOM[1],
      filter: townVisible,
      layout: {
        'text-field': townLabel,
        'text-font': [FONT_REGULAR],
        'text-size': ['match', rank, 1, 13.5, 2, 12.5, 3, 11.5, 11],
        'text-line-height': 1.15,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.55,
        'text-justify': 'auto',
        'text-max-width': 10,
        'text-padding': 3,
        'text-allow-overlap': false,
        'text-optional': false,
        'symbol-sort-key': townSortKey,
      },
      paint: { 'text-color': ['match', rank, 1, c.text, 2, c.text, c.muted], ...halo },
    },
    {
      id: 'basemap-water-labels',
      type: 'symbol',
      source: BASEMAP_SOURCE.labels,
      filter: [
        'all',
        ['in', ['get', 'kind'], ['literal', ['sea', 'lake']]],
        ['>=', ['zoom'], ['match', rank, 1, 3, 2, 6, 8]],
      ],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 8, 13],
        'text-letter-spacing': 0.08,
        'text-max-width': 7,
        'text-padding': 4,
        'text-allow-overlap': false,
        'symbol-sort-key': rank,
      },
      paint: { 'text-color': c.waterText, ...halo, 'text-halo-color': c.water },
    },
    {
      id: 'basemap-country-labels-world',
      type: 'symbol',
      source: BASEMAP_SOURCE.labels,
      maxzoom: 5,
      filter: [
        'all',
        ['==', ['get', 'kind'], 'country'],
        ['==', ['get', 'scale'], 'world'],
        ['>=', ['zoom'], ['match', rank, 1, 1, 2, 3, 4]],
      ],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT_BOLD],
        'text-transform': 'uppercase',
        'text-size': ['interpolate', ['linear'], ['zoom'], 1, 9, 4, 11],
        'text-letter-spacing': 0.1,
        'text-max-width': 8,
        'text-padding': 6,
        'text-allow-overlap': false,
        'symbol-sort-key': rank,
      },
      paint: { 'text-color': c.muted, ...halo },
    },
    {
      id: 'basemap-country-labels',
      type: 'symbol',
      source: BASEMAP_SOURCE.labels,
      minzoom: 5,
      maxzoom: LOCAL_NAMES_FROM,
      filter: ['all', ['==', ['get', 'kind'], 'country'], ['==', ['get', 'scale'], 'region']],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT_BOLD],
        'text-transform': 'uppercase',
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 9, 14],
        'text-letter-spacing': 0.15,
        'text-max-width': 8,
        'text-padding': 8,
        'text-allow-overlap': false,
        'symbol-sort-key': rank,
      },
      paint: { 'text-color': c.muted, ...halo },
    },
    localCountryLabels({ 'text-color': c.muted, 'text-opacity': 0.85, ...halo }),
    {
      id: 'basemap-region-labels',
      type: 'symbol',
      source: BASEMAP_SOURCE.labels,
      minzoom: 7,
      maxzoom: 12,
      filter: ['==', ['get', 'kind'], 'region'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT_REGULAR],
        'text-transform': 'uppercase',
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 12, 11, 16],
        'text-letter-spacing': 0.3,
        'text-padding': 6,
        'text-allow-overlap': false,
        'symbol-sort-key': 0,
      },
      paint: { 'text-color': c.muted, ...halo },
    },
  ];
}
