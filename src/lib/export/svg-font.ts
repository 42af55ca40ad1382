import { Font } from 'fonteditor-core';
import { EXPORT_FONT, EXPORT_FONT_URLS } from './fonts';

const files = new Map<string, Promise<ArrayBuffer>>();
const load = (url: string) => {
  let file = files.get(url);
  if (!file) files.set(url, (file = fetch(url).then((r) => r.arrayBuffer())));
  return file;
};

/** The characters an SVG's text content uses (entities decoded). */
export function usedCodePoints(svg: string): number[] {
  const text = [...svg.matchAll(/>([^<>]+)</g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
  return [...new Set([...text, ' '].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Subsets made, by font URL and characters: a repeated export (or its raster overlay) does not parse the font again. */
const subsets = new Map<string, Promise<string>>();

/** A WOFF of the shipped Noto Sans cut down to the given characters (fonteditor-core), as base64. */
export function subsetFont(url: string, codePoints: number[]): Promise<string> {
  const key = `${url} ${codePoints.join(',')}`;
  let subset = subsets.get(key);
  if (!subset) {
    subset = load(url).then((file) => {
      const woff = Font.create(file, { type: 'ttf', subset: codePoints, hinting: false, kerning: true }).write({ type: 'woff' }) as ArrayBuffer | Uint8Array;
      return base64(woff instanceof Uint8Array ? woff : new Uint8Array(woff));
    });
    subsets.set(key, subset);
    subset.catch(() => subsets.delete(key));
  }
  return subset;
}

/**
 * A `<style>` element with `@font-face` rules embedding the subsets of Noto Sans (regular and
 * bold) that the SVG's text uses, so the file renders the same without the font installed.
 */
export async function embeddedFontStyle(svg: string): Promise<string> {
  const points = usedCodePoints(svg);
  const [regular, bold] = await Promise.all([subsetFont(EXPORT_FONT_URLS.regular, points), subsetFont(EXPORT_FONT_URLS.bold, points)]);
  const face = (weight: number, data: string) => `@font-face{font-family:'${EXPORT_FONT}';font-weight:${weight};font-style:normal;src:url(data:font/woff;base64,${data}) format('woff')}`;
  return `<style>${face(400, regular)}${face(700, bold)}</style>`;
}
