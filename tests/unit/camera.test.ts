import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { centreBeside, defaultPadding, framePadding, insetWidth, reservedLeft } from '../../src/lib/map/camera';
import { projector } from '../../src/lib/export/mercator';
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

describe('a place the camera moves to, beside the insets', () => {
  it('keeps the left edge free on a phone-wide map, where a label left of the centre would run under the insets', () => {
    const phone = reservedLeft(390);
    expect(phone).toBeGreaterThan(10 + insetWidth(390));
    expect(390 / 2 - 10 - insetWidth(390)).toBeLessThan(110);
  });

  it('keeps nothing on maps wide enough for the label', () => {
    expect([768, 840, 1280].map(reservedLeft)).toEqual([0, 0, 0]);
  });

  it('puts the point in the middle of the room right of the reserved edge', () => {
    const point: [number, number] = [46.75194, 39.81528];
    const [x, y] = projector({ center: centreBeside(point, 11, 110), zoom: 11, width: 390, height: 354 })(point);
    expect(x).toBeCloseTo(110 + (390 - 110) / 2, 6);
    expect(y).toBeCloseTo(354 / 2, 6);
  });

  it('leaves the centre on the point when nothing is reserved', () => {
    expect(centreBeside([46.75, 39.81], 11, 0)).toEqual([46.75, 39.81]);
  });

  it('frames bounds right of the reserved edge with room for a label left of the westernmost place, and with even padding when none is reserved', () => {
    expect(framePadding(0)).toEqual({ top: 60, right: 60, bottom: 60, left: 60 });
    expect(framePadding(110).left).toBe(110 + 110);
  });
});
