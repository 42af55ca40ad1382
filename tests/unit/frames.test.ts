import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAKU_INSET, LOCATOR_BOUNDS, containsBounds, frameProjection, needsBakuInset, storyBounds, viewBounds } from '../../src/lib/map/frames';
import { shippedModel } from '../support/model';
import { buildInsets } from '../../scripts/basemap/insets';

describe('viewBounds', () => {
  it('spans width / (512 · 2^zoom) of the world’s 360° of longitude', () => {
    const [[w], [e]] = viewBounds({ zoom: 10, lat: 40, lng: 47 }, 1024, 600);
    expect(e - w).toBeCloseTo((1024 / (512 * 2 ** 10)) * 360, 9);
  });

  it('is centred on the view in Web Mercator, so it reaches less far north than south in degrees (Mercator stretches the north)', () => {
    const [[, s], [, n]] = viewBounds({ zoom: 6, lat: 40, lng: 47 }, 400, 400);
    expect(n - 40).toBeLessThan(40 - s);
    expect(n - 40).toBeGreaterThan(0.9 * (40 - s));
  });
});

describe('the frames', () => {
  it('keep Baku out of the story’s frame and both inside the locator’s region', () => {
    const story = storyBounds(shippedModel());
    expect(containsBounds(story, BAKU_INSET.bounds)).toBe(false);
    expect(containsBounds(LOCATOR_BOUNDS, story)).toBe(true);
    expect(containsBounds(LOCATOR_BOUNDS, BAKU_INSET.bounds)).toBe(true);
  });

  it('project their corners onto the corners of the picture', () => {
    const { project, width, height } = frameProjection(LOCATOR_BOUNDS, 160);
    expect(project(LOCATOR_BOUNDS[0][0], LOCATOR_BOUNDS[1][1])).toEqual([0, 0]);
    const [x, y] = project(LOCATOR_BOUNDS[1][0], LOCATOR_BOUNDS[0][1]);
    expect([x, y].map((v) => Math.round(v * 1000) / 1000)).toEqual([width, Math.round(height * 1000) / 1000]);
  });
});

describe('the Baku inset', () => {
  it('is needed by the story’s frame, which leaves Baku out', () => {
    expect(needsBakuInset(storyBounds(shippedModel()))).toBe(true);
  });

  it('is not needed by a phone’s view of the monument, though that view is narrower than the inset', () => {
    const geometry = shippedModel().places.find((p) => p.id === BAKU_INSET.placeId)!.geometry;
    if (geometry.type !== 'Point') throw new Error('the monument is drawn as a point');
    const monument = geometry.coordinates as [number, number];
    const view = viewBounds({ zoom: 14, lat: monument[1], lng: monument[0] }, 390, 350);
    expect(containsBounds(view, BAKU_INSET.bounds)).toBe(false);
    expect(needsBakuInset(view)).toBe(false);
  });
});

describe('geodata/basemap/insets.json', () => {
  it('is what scripts/basemap/insets.ts makes from the committed basemap and frames', () => {
    expect(JSON.parse(readFileSync('geodata/basemap/insets.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(buildInsets())));
  });
});
