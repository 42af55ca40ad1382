import type { Feature, FeatureCollection, Point } from 'geojson';
import type { SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { EDGE_MARGIN, rasterStyle } from '../../../src/lib/export/drawing';
import { projector } from '../../../src/lib/export/mercator';
import { draw } from './fixture';

const { drawing, camera, style } = draw({ width: 794, height: 600 });
const raster = rasterStyle(style, drawing, camera);
const edge = raster.layers.find((l) => l.id === 'export-edge') as SymbolLayerSpecification;
const points = ((raster.sources['export-edge'] as { data: FeatureCollection<Point> }).data.features as Feature<Point>[]).map((f) =>
  projector(camera)(f.geometry.coordinates as [number, number])
);
const half = EDGE_MARGIN / 2;

describe('the band of obstacles around a raster export’s map', () => {
  it('is the top layer, invisible, and placed before any basemap label', () => {
    expect(raster.layers.at(-1)).toBe(edge);
    expect(edge.paint?.['icon-opacity']).toBe(0);
    expect(edge.layout?.['icon-allow-overlap']).toBe(true);
    expect(edge.layout?.['icon-ignore-placement']).toBe(false);
  });

  it('lies wholly outside the frame, in the margin drawn and cut off', () => {
    for (const [x, y] of points) {
      const outside = x < -half + 0.01 || x > camera.width + half - 0.01 || y < -half + 0.01 || y > camera.height + half - 0.01;
      expect(outside, `${x}, ${y}`).toBe(true);
      expect(x >= -half - 0.01 && x <= camera.width + half + 0.01 && y >= -half - 0.01 && y <= camera.height + half + 0.01).toBe(true);
    }
  });

  it('leaves no gap along any side: obstacles of a margin’s width stand at most half a margin apart', () => {
    const along = (on: (p: [number, number]) => boolean, coordinate: 0 | 1, to: number) => {
      const at = points.filter(on).map((p) => p[coordinate]).sort((a, b) => a - b);
      expect(at[0]).toBeLessThanOrEqual(0);
      expect(at.at(-1)).toBeGreaterThanOrEqual(to);
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeLessThanOrEqual(half + 0.01);
    };
    along((p) => Math.abs(p[1] + half) < 0.01, 0, camera.width);
    along((p) => Math.abs(p[1] - camera.height - half) < 0.01, 0, camera.width);
    along((p) => Math.abs(p[0] + half) < 0.01, 1, camera.height);
    along((p) => Math.abs(p[0] - camera.width - half) < 0.01, 1, camera.height);
  });
});

describe('the obstacles under what is drawn over a raster export’s map', () => {
  const covered = raster.layers.find((l) => l.id === 'export-covered') as SymbolLayerSpecification;
  const at = ((raster.sources['export-covered'] as { data: FeatureCollection<Point> }).data.features as Feature<Point>[]).map((f) =>
    projector(camera)(f.geometry.coordinates as [number, number])
  );

  it('is invisible and placed before any basemap label', () => {
    expect(covered.paint?.['icon-opacity']).toBe(0);
    expect(raster.layers.indexOf(covered)).toBeGreaterThan(raster.layers.findIndex((l) => l.id.startsWith('basemap-') && l.type === 'symbol'));
  });

  it('fills every inset and the scale bar, with no gap a label could fall into', () => {
    expect(drawing.insets.length).toBeGreaterThan(0);
    expect(drawing.covered.length).toBe(drawing.insets.length + 1);
    for (const [x0, y0, x1, y1] of drawing.covered) {
      for (let y = y0; y <= y1; y += 2) {
        for (let x = x0; x <= x1; x += 2) {
          const near = at.some(([px, py]) => Math.abs(px - x) <= half + 0.01 && Math.abs(py - y) <= half + 0.01);
          expect(near, `${x}, ${y}`).toBe(true);
        }
      }
    }
  });
});
