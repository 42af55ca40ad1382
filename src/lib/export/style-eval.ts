import { expression, featureFilter, latest, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';

/** A GeoJSON feature as the style-spec evaluates it: 1 point, 2 line, 3 polygon. */
export interface EvalFeature {
  type: 1 | 2 | 3;
  properties: Record<string, unknown>;
}

/** A property of a layer, evaluated at a zoom for a feature. */
export type Evaluate = (name: string, feature?: EvalFeature) => unknown;

/** One style layer read at one zoom: its filter, paint and layout properties, with defaults from the style spec. */
export interface LayerReader {
  layer: LayerSpecification;
  /** True when the layer is shown at this zoom (visibility, minzoom, maxzoom). */
  shown: boolean;
  filter: (feature: EvalFeature) => boolean;
  paint: Evaluate;
  layout: Evaluate;
}

const NO_FEATURE: EvalFeature = { type: 1, properties: {} };

type Spec = Record<string, { default?: unknown } & Record<string, unknown>>;

/** The values of a style's global state, by key: each key's `default` in the style's root `state`. */
export type GlobalState = Record<string, unknown>;

/** The global state a style starts with: the defaults of its root `state`. */
export function globalStateOf(style: { state?: Record<string, { default?: unknown }> }): GlobalState {
  return Object.fromEntries(Object.entries(style.state ?? {}).map(([key, value]) => [key, value.default]));
}

function evaluator(kind: 'paint' | 'layout', layer: LayerSpecification, zoom: number, globalState: GlobalState): Evaluate {
  const specs = (latest as unknown as Record<string, Spec>)[`${kind}_${layer.type}`] ?? {};
  const values = ((layer as unknown as Record<string, Record<string, unknown> | undefined>)[kind] ?? {}) as Record<string, unknown>;
  const cache = new Map<string, (f: EvalFeature) => unknown>();
  const compile = (name: string): ((f: EvalFeature) => unknown) => {
    const spec = specs[name];
    if (!spec) throw new Error(`${layer.id}: "${name}" is not a ${kind} property of a ${layer.type} layer`);
    const value = name in values ? values[name] : spec.default;
    if (value === undefined) return () => undefined;
    const parsed = expression.createPropertyExpression(value, `${layer.id}.${name}`, spec as never, globalState);
    if (parsed.result !== 'success') return () => value;
    const compiled = parsed.value as { evaluate: (g: { zoom: number }, f: EvalFeature) => unknown };
    return (f) => compiled.evaluate({ zoom }, f);
  };
  return (name, feature = NO_FEATURE) => {
    let fn = cache.get(name);
    if (!fn) cache.set(name, (fn = compile(name)));
    return fn(feature);
  };
}

/**
 * Reads a style layer at a zoom with the style spec's own expression evaluator, as MapLibre does,
 * `['global-state', key]` reading `globalState`.
 */
export function readLayer(layer: LayerSpecification, zoom: number, globalState: GlobalState = {}): LayerReader {
  const layout = evaluator('layout', layer, zoom, globalState);
  const visible = layer.type === 'background' || (layout('visibility') ?? 'visible') === 'visible';
  const inZoom = zoom >= (layer.minzoom ?? 0) && zoom < (layer.maxzoom ?? 24);
  const filterSpec = 'filter' in layer ? (layer.filter as FilterSpecification | undefined) : undefined;
  const compiled = featureFilter(filterSpec, `${layer.id}.filter`, globalState);
  return {
    layer,
    shown: visible && inZoom,
    filter: (f) => compiled.filter({ zoom: Math.floor(zoom) } as never, f as never),
    paint: evaluator('paint', layer, zoom, globalState),
    layout
  };
}

/** A colour value of the style spec (a `Color`) as CSS `rgb()` and its opacity, for SVG. */
export function cssColor(value: unknown): { color: string; opacity: number } {
  if (typeof value === 'string') return { color: value, opacity: 1 };
  const c = value as { r: number; g: number; b: number; a: number } | undefined;
  if (!c || typeof c.r !== 'number') return { color: 'none', opacity: 0 };
  const un = (v: number) => Math.round(c.a > 0 ? (v / c.a) * 255 : 0);
  return { color: `rgb(${un(c.r)}, ${un(c.g)}, ${un(c.b)})`, opacity: Math.round(c.a * 1000) / 1000 };
}

/** The plain text of a `text-field` value (a string or a `Formatted`), with each line's scale. */
export function textLines(value: unknown): { text: string; scale: number }[] {
  if (value === null || value === undefined) return [];
  const sections = typeof value === 'object' && 'sections' in (value as object)
    ? (value as { sections: { text: string; scale: number | null }[] }).sections
    : [{ text: String(value), scale: null }];
  const lines: { text: string; scale: number }[] = [{ text: '', scale: 1 }];
  for (const s of sections) {
    s.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push({ text: '', scale: 1 });
      const line = lines[lines.length - 1]!;
      if (part) {
        if (!line.text) line.scale = s.scale ?? 1;
        line.text += part;
      }
    });
  }
  return lines.filter((l) => l.text.trim() !== '');
}
