import regularUrl from '../map/basemap/fonts/NotoSans-Regular.ttf?url';
import boldUrl from '../map/basemap/fonts/NotoSans-Bold.ttf?url';
import { bytesToBase64 } from './base64';
import type { Measure } from './measure';

/** The family name burned-in text uses: the shipped Noto Sans, so output is the same on every machine. */
export const EXPORT_FONT = 'Noto Sans';

/**
 * The Noto Sans TTF subsets the exports measure, embed and draw burned-in text with (wider than
 * the map's WOFF2 label fonts: Latin Extended, Cyrillic, symbols). Loaded only by an export.
 */
export const EXPORT_FONT_URLS = { regular: regularUrl, bold: boldUrl } as const;

/** The `font-family` of SVG text: the embedded Noto Sans subset, then a generic fallback. */
export const EXPORT_FONT_STACK = `'${EXPORT_FONT}', sans-serif`;

let loaded: Promise<void> | null = null;

/** Loads the shipped Noto Sans (regular and bold) into `document.fonts` once. */
export function loadExportFonts(): Promise<void> {
  loaded ??= (async () => {
    const faces = [
      new FontFace(EXPORT_FONT, `url(${EXPORT_FONT_URLS.regular})`, { weight: '400' }),
      new FontFace(EXPORT_FONT, `url(${EXPORT_FONT_URLS.bold})`, { weight: '700' })
    ];
    await Promise.all(faces.map(async (face) => document.fonts.add(await face.load())));
  })();
  return loaded;
}

/** The CSS font shorthand for burned-in text. */
export const cssFont = (size: number, bold: boolean) => `${bold ? 700 : 400} ${size}px "${EXPORT_FONT}"`;

/** Measures text with the loaded font on a 2D canvas. */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d')!;
  return (text, size, bold) => {
    context.font = cssFont(size, bold);
    return context.measureText(text).width;
  };
}

/** The shipped font files as base64, for embedding in a PDF. */
export async function fontFilesBase64(): Promise<{ regular: string; bold: string }> {
  const read = async (url: string) => {
    return bytesToBase64(new Uint8Array(await (await fetch(url)).arrayBuffer()));
  };
  const [regular, bold] = await Promise.all([read(EXPORT_FONT_URLS.regular), read(EXPORT_FONT_URLS.bold)]);
  return { regular, bold };
}
