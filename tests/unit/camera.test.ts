import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPadding } from '../../src/lib/map/camera';
import { storyBounds } from '../../src/lib/map/frames';
import { modelOf, shippedModel, withLayer } from '../support/model';

interface PointFeature {
  id: string;
  geometry: { type: string; coordinates: [number, number] };
}

/** The Karabakh points, read from the layer files: every point of the layers shown by default that lies west of 48° E (Baku lies near 50° E). */
const karabakh = readdirSync('geodata/layers')
  .filter((file) => file !== 'also-named.geojson')
  .flatMap((file) => (JSON.parse(readFileSync(`geodata/layers/${file}`, 'utf8')) as { features: PointFeature[] }).features)
  .filter((f) => f.geometry.type === 'Point' && f.geometry.coordinates[0] < 48)
  .map((f) => f.geometry.coordinates);

describe('the story’s frame', () => {
  it('is the corners of the shipped Karabakh points', () => {
    const lngs = karabakh.map(([lng]) => lng);
    const lats = karabakh.map(([, lat]) => lat);
    expect(karabakh.length).toBeGreaterThanOrEqual(6);
    expect(storyBounds(shippedModel())).toEqual([
      [Math.min(...lngs), Math.min(...lats)],
      [Math.max(...lngs), Math.max(...lats)]
    ]);
  });

  it('moves when a point of the story moves', () => {
    const [, [east]] = storyBounds(shippedModel());
    const files = withLayer('flag-raising-2023.geojson', (json) => {
      const khojavand = json.features.find((f: PointFeature) => f.id === 'khojavand');
      khojavand.geometry.coordinates = [east + 0.2, 39.6];
    });
    const [[, south], [moved]] = storyBounds(modelOf(files));
    expect(moved).toBeCloseTo(east + 0.2, 9);
    expect(south).toBe(39.6);
  });

  it('leaves out the places the Baku inset shows', () => {
    const [, [east]] = storyBounds(shippedModel());
    expect(east).toBeLessThan(48);
  });
});

describe('the default frame’s padding', () => {
  it('pads the same on every phone width, then grows to at most 24 px more on wide maps', () => {
    expect(defaultPadding(320)).toEqual(defaultPadding(300));
    const wide = defaultPadding(1600);
    const phone = defaultPadding(320);
    expect(wide.left - phone.left).toBe(18);
    expect(defaultPadding(4000)).toEqual(wide);
  });
});
