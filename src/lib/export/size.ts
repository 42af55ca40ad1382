/** The size presets of the export dialog and the snapshot CLI. */
export const SIZE_PRESETS = {
  view: { label: 'Current view' },
  'social-wide': { label: 'Social 1200 × 675', width: 1200, height: 675 },
  'social-square': { label: 'Social 1080 × 1080', width: 1080, height: 1080 },
  'a4-portrait': { label: 'A4 portrait', paper: [210, 297] },
  'a4-landscape': { label: 'A4 landscape', paper: [297, 210] },
  'letter-portrait': { label: 'Letter portrait', paper: [215.9, 279.4] },
  'letter-landscape': { label: 'Letter landscape', paper: [279.4, 215.9] },
  custom: { label: 'Custom' }
} as const satisfies Record<string, { label: string; width?: number; height?: number; paper?: readonly [number, number] }>;

/** The id of a size preset. */
export type SizePreset = keyof typeof SIZE_PRESETS;

/** CSS pixels per inch: a DPI of 96 is scale 1. */
export const CSS_DPI = 96;
/** The DPI paper sizes default to. */
export const PAPER_DPI = 300;

/** What the reader asked for. Width and height are CSS pixels (for `view` and `custom`). */
export interface SizeRequest {
  preset: SizePreset;
  width?: number;
  height?: number;
  /** 1, 2, 3 ...: output pixels per CSS pixel. Ignored when `dpi` is given. */
  scale?: number;
  /** Dots per inch; scale = dpi / 96. Paper sizes default to 300. */
  dpi?: number;
}

/** The resolved size: the layout is in CSS pixels, the image has `pixelRatio` pixels for each. */
export interface OutputSize {
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
  pixelWidth: number;
  pixelHeight: number;
  /** Paper size in millimetres, for paper presets. */
  paperMm: readonly [number, number] | null;
}

/** Thrown for a size that cannot be made; the message says why. */
export class SizeError extends Error {}

/** Resolves a size request into CSS and pixel sizes, or throws a {@link SizeError}. */
export function resolveSize(request: SizeRequest): OutputSize {
  const preset = SIZE_PRESETS[request.preset] as { width?: number; height?: number; paper?: readonly [number, number] } | undefined;
  if (!preset) throw new SizeError(`unknown size preset "${request.preset}" (known: ${Object.keys(SIZE_PRESETS).join(', ')})`);
  const dpi = request.dpi ?? (preset.paper ? PAPER_DPI : undefined);
  const ratio = dpi !== undefined ? dpi / CSS_DPI : (request.scale ?? 1);
  if (!Number.isFinite(ratio) || ratio <= 0 || ratio > 16) throw new SizeError(`scale ${ratio} must be above 0 and at most 16 (DPI at most ${16 * CSS_DPI})`);
  if (preset.paper) {
    const [wMm, hMm] = preset.paper;
    const pixelWidth = Math.round((wMm / 25.4) * ratio * CSS_DPI);
    const pixelHeight = Math.round((hMm / 25.4) * ratio * CSS_DPI);
    return { cssWidth: pixelWidth / ratio, cssHeight: pixelHeight / ratio, pixelRatio: ratio, pixelWidth, pixelHeight, paperMm: preset.paper };
  }
  const width = preset.width ?? request.width;
  const height = preset.height ?? request.height;
  if (!width || !height || !Number.isFinite(width) || !Number.isFinite(height) || width < 120 || height < 120) {
    throw new SizeError(`width and height must be at least 120 CSS pixels (got ${width} × ${height})`);
  }
  const cssWidth = Math.round(width);
  const cssHeight = Math.round(height);
  return {
    cssWidth,
    cssHeight,
    pixelRatio: ratio,
    pixelWidth: Math.round(cssWidth * ratio),
    pixelHeight: Math.round(cssHeight * ratio),
    paperMm: null
  };
}
