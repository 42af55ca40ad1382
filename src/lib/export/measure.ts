/** The width of a text in CSS pixels at a font size, bold or not. */
export type Measure = (text: string, size: number, bold: boolean) => number;

/**
 * How much wider than Noto Sans a fallback font may set an export's text: DejaVu Sans, which
 * librsvg falls back to (it ignores the SVG's embedded font and `textLength`), is 4–9 % wider in
 * regular and 9–17 % in bold on the frame's texts and the insets' names.
 */
export const FALLBACK_WIDTH = { regular: 1.1, bold: 1.18 } as const;

/**
 * Widths as a fallback font may set them (see {@link FALLBACK_WIDTH}): lines are broken and
 * labels placed for that width, so they keep inside their frame whichever of the two fonts draws them.
 */
export function roomy(measure: Measure): Measure {
  return (text, size, bold) => measure(text, size, bold) * (bold ? FALLBACK_WIDTH.bold : FALLBACK_WIDTH.regular);
}
