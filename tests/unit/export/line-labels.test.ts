import { describe, expect, it } from 'vitest';
import { lineSpots, turnedBox } from '../../../src/lib/export/line-labels';
import { RIVER_LABELS } from '../../../src/lib/map/basemap/layers';
import { draw } from './fixture';

const FRAME = [0, 0, 1000, 1000] as [number, number, number, number];

describe('spots for a label along a line', () => {
  it('lie on a straight line, level, with a box as wide as the label', () => {
    const spots = lineSpots([[0, 100], [400, 100]], 60, 14, 20, FRAME);
    expect(spots.length).toBeGreaterThan(10);
    for (const s of spots) {
      expect(s.angle).toBeCloseTo(0, 6);
      expect(s.center[1]).toBeCloseTo(100, 6);
      expect(s.box[2] - s.box[0]).toBeCloseTo(60, 6);
    }
  });

  it('keep text upright on a line drawn from right to left', () => {
    const [spot] = lineSpots([[400, 100], [0, 140]], 60, 14, 20, FRAME);
    expect(Math.abs(spot!.angle)).toBeLessThan(90);
    expect(spot!.angle).toBeCloseTo((Math.atan2(-40, 400) * 180) / Math.PI, 6);
  });

  it('are not found on a line that zigzags more than a few pixels under the label', () => {
    const zigzag = Array.from({ length: 41 }, (_, i) => [i * 10, i % 2 === 0 ? 100 : 112] as [number, number]);
    expect(lineSpots(zigzag, 60, 14, 5, FRAME)).toEqual([]);
  });

  it('are only those centred in the given box', () => {
    const spots = lineSpots([[0, 100], [2000, 100]], 60, 14, 20, [0, 0, 500, 500]);
    expect(spots.every((s) => s.center[0] <= 500)).toBe(true);
    expect(spots.length).toBeGreaterThan(10);
  });

  it('have the box of the turned label', () => {
    const box = turnedBox([0, 0], 60, 10, 90);
    expect(box.map((v) => Math.round(v))).toEqual([-5, -30, 5, 30]);
  });
});

describe('river names in an export of the region', () => {
  const camera = { center: [47.5, 40.2] as [number, number], zoom: 7, width: 900, height: 700 };
  const { drawing } = draw({ camera });
  const rivers = drawing.placed.labels.filter((l) => l.candidate.layerId === RIVER_LABELS);

  it('names the Kura and the Aras, along their lines (turned text)', () => {
    expect(new Set(rivers.map((l) => l.candidate.lines[0]!.text))).toEqual(new Set(['Kura', 'Aras']));
    expect(rivers.some((l) => Math.abs(l.angle ?? 0) > 5)).toBe(true);
    expect(drawing.labels.texts).toMatch(/data-layer="basemap-river-labels"[^>]*transform="rotate\(/);
  });

  it('repeats a name no closer than the style’s symbol spacing, inside the frame, over no other label', () => {
    for (const a of rivers) {
      expect(a.box[0] >= 0 && a.box[1] >= 0 && a.box[2] <= camera.width && a.box[3] <= camera.height).toBe(true);
      const twins = rivers.filter((b) => b !== a && b.candidate.lines[0]!.text === a.candidate.lines[0]!.text);
      for (const b of twins) expect(Math.hypot(a.center[0] - b.center[0], a.center[1] - b.center[1])).toBeGreaterThanOrEqual(a.candidate.along!.spacing);
      for (const other of drawing.placed.labels.filter((l) => l !== a)) {
        const overlap = a.box[0] < other.box[2] && a.box[2] > other.box[0] && a.box[1] < other.box[3] && a.box[3] > other.box[1];
        expect(overlap, `${a.candidate.lines[0]!.text} over ${other.candidate.lines[0]!.text}`).toBe(false);
      }
    }
  });
});
