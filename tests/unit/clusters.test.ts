import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { Point } from 'geojson';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/data/load';
import { readGeodata } from '../../src/lib/data/read-files';
import type { LayerId, Model } from '../../src/lib/data/types';
import { FOCUS_ZOOM } from '../../src/lib/map/camera';
import { buildStyle } from '../../src/lib/map/style';
import { readLayer } from '../../src/lib/export/style-eval';
import { CLUSTER_FROM, CLUSTER_LAYERS } from '../../src/lib/map/style/clusters';
import { shownValues } from '../../src/lib/map/style/shown';

const result = loadModel(readGeodata('geodata'));
if (!result.ok) throw new Error('shipped geodata is invalid');
const shipped = result.model;

/** The shipped model with `extra` more towns in the Khojaly layer, around Khojaly. */
function withTowns(model: Model, extra: number): Model {
  const khojaly = model.places.find((p) => p.id === 'khojaly')!;
  const [lng, lat] = (khojaly.geometry as Point).coordinates as [number, number];
  const towns = Array.from({ length: extra }, (_, i) => ({
    ...khojaly,
    id: `town-${i}`,
    name: `Town ${i}`,
    layers: ['khojaly' as const],
    geometry: { type: 'Point' as const, coordinates: [lng + (i % 50) * 0.01, lat + Math.floor(i / 50) * 0.01] }
  }));
  return {
    ...model,
    places: [...model.places, ...towns],
    layers: model.layers.map((l) => (l.id === 'khojaly' ? { ...l, placeIds: [...l.placeIds, ...towns.map((t) => t.id)] } : l))
  };
}

const source = (style: ReturnType<typeof buildStyle>, id: string) => style.sources[id] as GeoJSONSourceSpecification;

describe('the story points of a model with many points', () => {
  const many = buildStyle({ model: withTowns(shipped, CLUSTER_FROM), theme: 'light' });

  it('leaves the shipped points unclustered, with no cluster layer', () => {
    const style = buildStyle({ model: shipped, theme: 'light' });
    expect(source(style, 'story-points').cluster).toBeUndefined();
    expect(style.layers.filter((l) => l.id.includes('cluster'))).toEqual([]);
  });

  it('clusters the icons and the labels alike, so a label is drawn only for a point drawn as itself', () => {
    const [points, labels] = [source(many, 'story-points'), source(many, 'story-labels')];
    expect(points.cluster).toBe(true);
    expect([labels.cluster, labels.clusterRadius, labels.clusterMaxZoom]).toEqual([points.cluster, points.clusterRadius, points.clusterMaxZoom]);
  });

  it('clusters the rings with them, so a ring is drawn only around a point drawn as itself, and keeps their place ids for the feature state', () => {
    const [points, marks] = [source(many, 'story-points'), source(many, 'story-marks')];
    expect([marks.cluster, marks.clusterRadius, marks.clusterMaxZoom]).toEqual([points.cluster, points.clusterRadius, points.clusterMaxZoom]);
    expect(marks.promoteId).toBe('placeId');
    expect(source(buildStyle({ model: shipped, theme: 'light' }), 'story-marks').cluster).toBeUndefined();
  });

  it('splits every cluster by the zoom the camera moves to for a selected town', () => {
    expect(source(many, 'story-points').clusterMaxZoom).toBeLessThan(FOCUS_ZOOM.town);
  });

  it('draws the clusters on top, in a style MapLibre accepts', () => {
    expect(many.layers.slice(-CLUSTER_LAYERS.length).map((l) => l.id)).toEqual([...CLUSTER_LAYERS]);
    expect(validateStyleMin(many).map((e) => e.message)).toEqual([]);
  });

  it('draws a cluster with the count of its points in the visible layers, and none with no such point', () => {
    const counts = many.layers.find((l) => l.id === 'story-cluster-counts')!;
    const cluster = { type: 1 as const, properties: { cluster: true, point_count: 7, khojaly: 3, khankendi: 4 } };
    const shown = (visible: LayerId[]) => {
      const r = readLayer(counts, 8, shownValues(visible));
      return r.filter(cluster) ? String(r.layout('text-field', cluster)) : null;
    };
    expect(shown(['khojaly'])).toEqual('3');
    expect(shown(['khojaly', 'khankendi'])).toEqual('7');
    expect(shown(['baku-monument'])).toBeNull();
  });
});
