import { describe, expect, it } from 'vitest';
import { cameraBounds, fitCamera, metresPerPixel, projector, unproject } from '../../../src/lib/export/mercator';

describe('Web Mercator projection', () => {
  it('puts the centre in the middle of the frame and the antimeridian at the world edge at zoom 0', () => {
    const project = projector({ center: [0, 0], zoom: 0, width: 512, height: 512 });
    expect(project([0, 0])).toEqual([256, 256]);
    expect(project([180, 0])[0]).toBeCloseTo(512, 9);
    const corner = project([-180, 85.051129]);
    expect(corner[0]).toBeCloseTo(0, 6);
    expect(corner[1]).toBeCloseTo(0, 3);
  });

  it('doubles distances per zoom level (512-pixel tiles, as MapLibre)', () => {
    const project = projector({ center: [0, 0], zoom: 1, width: 512, height: 512 });
    expect(project([90, 0])[0]).toBeCloseTo(512, 9);
  });

  it('unprojects what it projects', () => {
    const camera = { center: [46.8, 39.9] as [number, number], zoom: 9.3, width: 800, height: 600 };
    const p = projector(camera)([46.75194, 39.81528]);
    const back = unproject(camera, p);
    expect(back[0]).toBeCloseTo(46.75194, 9);
    expect(back[1]).toBeCloseTo(39.81528, 9);
  });

  it('keeps a geographic extent at any frame size', () => {
    const bounds: [number, number, number, number] = [46.45, 39.55, 50.45, 40.75];
    for (const [w, h] of [[1200, 675], [1080, 1080], [794, 900]]) {
      const [west, south, east, north] = cameraBounds(fitCamera(bounds, w!, h!));
      expect(west).toBeLessThanOrEqual(46.45 + 1e-9);
      expect(east).toBeGreaterThanOrEqual(50.45 - 1e-9);
      expect(south).toBeLessThanOrEqual(39.55 + 1e-9);
      expect(north).toBeGreaterThanOrEqual(40.75 - 1e-9);
      const tight = Math.min(Math.abs(west - 46.45) + Math.abs(east - 50.45), Math.abs(south - 39.55) + Math.abs(north - 40.75));
      expect(tight).toBeLessThan(1e-6);
    }
  });

  it('gives about 78 km per pixel at zoom 0 on the equator (512-pixel tiles), half at 60°', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.5, 0);
    expect(metresPerPixel(60, 0)).toBeCloseTo(78271.5 / 2, 0);
  });
});

describe('vector paths', () => {
  it('clip polygons and lines to the frame (plus a small margin)', async () => {
    const { polygonPath, linePath } = await import('../../../src/lib/export/svg-util');
    const identity = (c: readonly number[]) => [c[0]!, c[1]!] as [number, number];
    const square = polygonPath([[[-100, -100], [300, -100], [300, 300], [-100, 300], [-100, -100]]], identity, { w: 100, h: 100 });
    const xs = [...square.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
    expect(Math.min(...xs)).toBe(-8);
    expect(Math.max(...xs)).toBe(108);
    expect(linePath([[-500, 50], [-400, 50], [50, 50]], identity, { w: 100, h: 100 })).toBe('M-8 50L50 50');
  });
});

describe('fitting an extent with padding', () => {
  const bounds: [number, number, number, number] = [46.75, 39.79, 47.11, 40.22];
  const padding = { top: 50, right: 30, bottom: 60, left: 110 };

  it('keeps the extent inside the padded box, touching it on the tighter axis, as map.fitBounds does', () => {
    for (const [w, h] of [[1200, 675], [390, 700], [800, 800]]) {
      const project = projector(fitCamera(bounds, w!, h!, padding));
      const [x0, y0] = project([bounds[0], bounds[3]]);
      const [x1, y1] = project([bounds[2], bounds[1]]);
      expect(x0).toBeGreaterThanOrEqual(110 - 1e-6);
      expect(y0).toBeGreaterThanOrEqual(50 - 1e-6);
      expect(x1).toBeLessThanOrEqual(w! - 30 + 1e-6);
      expect(y1).toBeLessThanOrEqual(h! - 60 + 1e-6);
      const slack = Math.min(x0 - 110 + (w! - 30 - x1), y0 - 50 + (h! - 60 - y1));
      expect(slack).toBeCloseTo(0, 6);
      expect((x0 + x1) / 2 - 110).toBeCloseTo(w! - 30 - (x0 + x1) / 2, 6);
    }
  });

  it('shrinks a padding that would leave less than half the frame to leave half', () => {
    const project = projector(fitCamera(bounds, 160, 600, padding));
    const [x0] = project([bounds[0], bounds[3]]);
    const [x1] = project([bounds[2], bounds[1]]);
    expect(x1 - x0).toBeCloseTo(80, 6);
  });
});
