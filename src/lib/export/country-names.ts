import type { FeatureCollection, Point } from 'geojson';
import { BASEMAP_SOURCE } from '../map/basemap';
import { LOCAL_COUNTRY_LABELS } from '../map/basemap/layers';
import { chooseCountryNames, coveredCells, LOCAL_NAMES_FROM, LOCAL_NAMES_UNTIL } from '../map/basemap/country-names';
import { countryNamesData, countryShapes, labelRoom, NAME_MARGIN, NAME_MIN_SHARE } from '../map/basemap/country-names-data';
import type { Measure } from './measure';
import { projector, unproject, type Camera } from './mercator';
import type { DrawnLayers, SourceData } from './svg-layers';
import type { Box } from './svg-util';

/** Boxes around the story's symbols, and on either side of the points of the labels placed before the names (the story's, the region's). */
function placedFirst(drawn: DrawnLayers, order: readonly string[], measure: Measure): Box[] {
  const symbols = drawn.symbols.filter((s) => s.story).map((s) => s.box);
  const labels = drawn.labels
    .filter((c) => order.indexOf(c.layerId) > order.indexOf(LOCAL_COUNTRY_LABELS))
    .map(({ at, lines, bold, spacing }): Box => {
      const width = Math.max(...lines.map((l) => measure(l.text, l.size, bold) + spacing * l.size * l.text.length));
      return labelRoom(at, width, lines[0]!.size, lines.length);
    });
  return [...symbols, ...labels];
}

/**
 * The country names of an export's frame, chosen by the same rule as on screen (from the basemap's
 * 1:10m countries, one name per country covering enough of the frame, whole inside it and clear of
 * `blocked`: the insets and the scale bar), as the data of the names' source. Empty when the style
 * does not draw them at the camera's zoom.
 */
export function exportCountryNames(style: { layers: readonly { id: string }[] }, data: SourceData, camera: Camera, drawn: DrawnLayers, blocked: readonly Box[], measure: Measure): FeatureCollection<Point, { name: string }> {
  const land = data(BASEMAP_SOURCE.land);
  const order = style.layers.map((l) => l.id);
  const shown = camera.zoom >= LOCAL_NAMES_FROM && camera.zoom < LOCAL_NAMES_UNTIL && order.includes(LOCAL_COUNTRY_LABELS);
  if (!land || !shown) return { type: 'FeatureCollection', features: [] };
  const avoid = [...placedFirst(drawn, order, measure), ...coveredCells(drawn.areas, camera.width, camera.height)];
  const placement = { width: camera.width, height: camera.height, margin: NAME_MARGIN, minShare: NAME_MIN_SHARE, blocked, avoid };
  const names = chooseCountryNames(countryShapes(land.features), projector(camera), placement, measure);
  return countryNamesData(names, (p) => unproject(camera, p));
}
