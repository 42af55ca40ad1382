import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Pt } from './geo.ts';

/**
 * The name of the region the story is in, as both sources write it ("Karabakh"), at a point
 * chosen by hand among the story's places (between Aghdam and Tartar), away from their labels.
 * It names the region; it draws no boundary.
 */
export const REGION_LABEL = { name: 'Karabakh', at: [47.06, 40.12] as Pt };

/** The regional name label (`kind: region`). */
export function regionLabel(): Feature<Point> {
  return { type: 'Feature', properties: { kind: 'region', name: REGION_LABEL.name, rank: 1 }, geometry: { type: 'Point', coordinates: REGION_LABEL.at } };
}

/**
 * Drops the country names once repeated on a grid (`scale: local`) from
 * geodata/basemap/labels.geojson, leaving every other label as it is
 * (`npx tsx scripts/basemap/local-labels.ts`; no tools needed). The map now chooses one name per
 * country for each view (src/lib/map/country-names.ts).
 */
function dropLocalLabels(dir: string): void {
  const labels = (JSON.parse(readFileSync(join(dir, 'labels.geojson'), 'utf8')) as FeatureCollection).features;
  const features = labels.filter((f) => f.properties?.scale !== 'local');
  writeFileSync(join(dir, 'labels.geojson'), `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  dropLocalLabels(resolve(dirname(fileURLToPath(import.meta.url)), '../../geodata/basemap'));
}
