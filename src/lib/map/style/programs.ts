import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { mapOutputs } from './curves';

/** Operators whose value depends on the feature: a paint property using one is drawn from a vertex attribute. */
const PER_FEATURE = new Set(['get', 'has', 'feature-state', 'properties', 'id', 'geometry-type', 'line-progress', 'accumulated']);

/** A property no feature has: the condition of {@link perFeature}, false for every feature. */
const NO_PROPERTY = 'shared-shader-program';

/** The defaults of the paint properties a layer may leave out but {@link sharePrograms} may have to vary. */
const DEFAULTS: Record<string, unknown> = {
  'circle-radius': 5,
  'circle-color': '#000000',
  'circle-blur': 0,
  'circle-opacity': 1,
  'circle-stroke-width': 0,
  'circle-stroke-color': '#000000',
  'circle-stroke-opacity': 1,
  'line-opacity': 1,
  'line-color': '#000000',
  'line-width': 1,
  'line-gap-width': 0,
  'line-offset': 0,
  'line-blur': 0,
  'text-color': '#000000',
  'text-halo-color': 'rgba(0, 0, 0, 0)',
  'text-halo-width': 0,
  'text-halo-blur': 0,
  'text-opacity': 1,
  'icon-opacity': 1
};

/** Whether a paint value reads the feature (and so is a vertex attribute of the layer's shader program). */
function isPerFeature(value: unknown): boolean {
  if (!Array.isArray(value) || value[0] === 'literal') return false;
  return PER_FEATURE.has(value[0] as string) || value.some(isPerFeature);
}

/** How MapLibre binds a paint value: a uniform (constant, or by zoom only) or an attribute (per feature, or per feature and zoom). */
type Binding = 'constant' | 'camera' | 'source' | 'composite';

const readsZoom = (value: unknown): boolean => Array.isArray(value) && value[0] !== 'literal' && (value[0] === 'zoom' || value.some(readsZoom));

function bindingOf(value: unknown): Binding {
  if (isPerFeature(value)) return readsZoom(value) ? 'composite' : 'source';
  return readsZoom(value) ? 'camera' : 'constant';
}

/** The same value, read per feature. */
const same = (value: unknown): ExpressionSpecification => ['case', ['has', NO_PROPERTY], value, value] as ExpressionSpecification;
/** The same value, read per feature and by zoom. */
const byZoom = (value: unknown): ExpressionSpecification => ['step', ['zoom'], value, 24, value] as ExpressionSpecification;

/** The value rewritten to bind as `to` (`source` or `composite`) with the same result for every feature and zoom. */
function rebind(value: unknown, to: 'source' | 'composite'): unknown {
  const from = bindingOf(value);
  if (from === to) return value;
  if (from === 'constant') return to === 'source' ? same(value) : byZoom(same(value));
  if (from === 'source') return byZoom(value);
  return mapOutputs(value, same);
}

/** The shader program family a layer's paint properties bind into, or null for kinds left as they are. */
function family(layer: LayerSpecification, property: string): string | null {
  const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
  const layout = (layer as { layout?: Record<string, unknown> }).layout ?? {};
  if (layer.type === 'circle') return 'circle';
  if (layer.type === 'line') return paint['line-dasharray'] ? 'line-sdf' : paint['line-pattern'] || paint['line-gradient'] ? null : 'line';
  if (layer.type === 'symbol' && property.startsWith('text-') && layout['text-field']) return 'text';
  if (layer.type === 'symbol' && property.startsWith('icon-') && layout['icon-image']) return 'icon';
  return null;
}

/**
 * The layers, with their constant paint properties rewritten as per-feature ones (same values)
 * wherever another layer of the same kind reads that property per feature. MapLibre compiles one
 * shader program per kind of layer and set of per-feature paint properties, and a software WebGL
 * renderer takes about 50–80 ms per program before the first frame: layers that agree on the set
 * share one program.
 */
export function sharePrograms(layers: readonly LayerSpecification[]): LayerSpecification[] {
  const paintOf = (layer: LayerSpecification): Record<string, unknown> => (layer as { paint?: Record<string, unknown> }).paint ?? {};
  const targets = new Map<string, 'source' | 'composite'>();
  for (const layer of layers) {
    for (const [property, value] of Object.entries(paintOf(layer))) {
      const kind = family(layer, property);
      const binding = bindingOf(value);
      if (!kind || (binding !== 'source' && binding !== 'composite')) continue;
      const key = `${kind} ${property}`;
      if (targets.get(key) !== 'composite') targets.set(key, binding);
    }
  }
  for (const layer of layers) {
    for (const [property, value] of Object.entries(paintOf(layer))) {
      const key = `${family(layer, property)} ${property}`;
      if (targets.get(key) === 'source' && bindingOf(value) === 'camera') targets.set(key, 'composite');
    }
  }
  return layers.map((layer) => {
    const paint = { ...paintOf(layer) };
    let changed = false;
    for (const [key, to] of targets) {
      const [kind, property] = key.split(' ') as [string, string];
      if (family(layer, property) !== kind) continue;
      const value = property in paint ? paint[property] : DEFAULTS[property];
      if (value === undefined) continue;
      const next = rebind(value, to);
      if (next === value) continue;
      paint[property] = next;
      changed = true;
    }
    return changed ? ({ ...layer, paint } as LayerSpecification) : layer;
  });
}
