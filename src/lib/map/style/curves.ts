/** Whether a value is a zoom curve: an `interpolate` or `step` expression whose input is `['zoom']`. */
export function isZoomCurve(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  const input = value[0] === 'interpolate' ? value[2] : value[0] === 'step' ? value[1] : null;
  return Array.isArray(input) && input[0] === 'zoom' && input.length === 1;
}

/**
 * A zoom curve with `f` applied to each of its outputs (the stops stay), or `f(value)` for any
 * other value. MapLibre requires `zoom` to be the outermost input of a paint value, so a
 * per-feature condition on a zoom curve must go inside each output.
 */
export function mapOutputs(value: unknown, f: (output: unknown) => unknown): unknown {
  if (!isZoomCurve(value)) return f(value);
  const first = value[0] === 'interpolate' ? 4 : 2;
  return value.map((v, i) => (i >= first && (i - first) % 2 === 0 ? f(v) : v));
}
