import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { basemapLayers } from '../../src/lib/map/basemap';
import { sharePrograms } from '../../src/lib/map/style/programs';
import { storyLayers } from '../../src/lib/map/style/story';

type Spec = Record<string, { default?: unknown; expression?: { parameters?: string[] } }>;

/** A paint value as the style spec reads it for a layer's property (its default when the layer leaves it out); null when it has neither. */
function parsed(layer: LayerSpecification, name: string) {
  const spec = (latest as unknown as Record<string, Spec>)[`paint_${layer.type}`]![name]!;
  const paint = ((layer as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
  const value = name in paint ? paint[name] : spec.default;
  if (value === undefined) return null;
  return expression.normalizePropertyExpression(value as never, name, spec as never) as unknown as {
    kind: string;
    evaluate: (g: { zoom: number }, f: unknown, s?: unknown) => unknown;
  };
}

/** The kind of shader program a layer is drawn with, and how each per-feature-capable paint property binds into it (as MapLibre keys its programs). */
function programOf(layer: LayerSpecification): { kind: string; key: string } | null {
  const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
  const layout = (layer as { layout?: Record<string, unknown> }).layout ?? {};
  const kinds: Record<string, [string, string] | undefined> = {
    circle: ['circle', 'circle-'],
    line: paint['line-dasharray'] ? ['lineSDF', 'line-'] : ['line', 'line-'],
    symbol: layout['text-field'] ? ['symbolSDF', 'text-'] : layout['icon-image'] ? ['symbolIcon', 'icon-'] : undefined
  };
  const kind = kinds[layer.type];
  if (!kind) return null;
  const specs = (latest as unknown as Record<string, Spec>)[`paint_${layer.type}`]!;
  const names = Object.keys(specs).filter((n) => n.startsWith(kind[1]) && specs[n]!.expression?.parameters?.includes('feature'));
  const key = names.map((n) => `${{ constant: 'u', camera: 'u', source: 'a', composite: 'z' }[parsed(layer, n)?.kind ?? 'constant']}_${n}`).join('/');
  return { kind: kind[0], key };
}

describe.each(['light', 'dark'] as const)('the %s screen style', (theme) => {
  const raw = [...basemapLayers(theme), ...storyLayers(theme, 'feature-state')];

  it('draws every layer of a kind with the same shader program', () => {
    const keys = new Map<string, Set<string>>();
    for (const layer of sharePrograms(raw)) {
      const program = programOf(layer);
      if (program) keys.set(program.kind, (keys.get(program.kind) ?? new Set()).add(program.key));
    }
    expect(keys.get('circle')?.size).toBe(1);
    expect([...keys].filter(([, k]) => k.size > 1).map(([kind]) => kind)).toEqual([]);
  });

  it('leaves every paint value as it was, at every zoom and for every feature', () => {
    const features = [{}, { rank: 1 }, { rank: 2 }, { rank: 3 }, { rank: 4 }, { priority: 0, kind: 'country' }].map((properties) => ({ type: 1, properties }));
    const states = [{}, { selected: true, marked: true, hover: true }];
    const shared = sharePrograms(raw);
    for (const [i, layer] of raw.entries()) {
      for (const name of Object.keys((shared[i] as { paint?: object }).paint ?? {})) {
        const [before, after] = [parsed(layer, name)!, parsed(shared[i]!, name)!];
        for (const zoom of [2, 5.5, 7.5, 10.25, 14, 20]) {
          for (const feature of features)
            for (const state of states)
              expect([layer.id, name, zoom, after.evaluate({ zoom }, feature, state)]).toEqual([
                layer.id,
                name,
                zoom,
                before.evaluate({ zoom }, feature, state)
              ]);
        }
      }
    }
  });
});
