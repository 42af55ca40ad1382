import { legendSvg } from '../map/symbols';
import { cssFont } from './fonts';
import type { Op } from './layout';

/** Thrown when an export cannot be made as asked; the message names the reason and any limit. */
export class ExportError extends Error {}

/** Chromium's 2D canvas limits: a side and an area. */
export const CANVAS_MAX_SIDE = 32767;
export const CANVAS_MAX_AREA = 268_435_456;

/** Refuses sizes the browser cannot draw whole, naming the limit, instead of cropping. */
export function checkRasterSize(pixelWidth: number, pixelHeight: number, mapPixels: [number, number], glLimit: number): void {
  if (pixelWidth > CANVAS_MAX_SIDE || pixelHeight > CANVAS_MAX_SIDE || pixelWidth * pixelHeight > CANVAS_MAX_AREA) {
    throw new ExportError(
      `${pixelWidth} × ${pixelHeight} px is beyond the browser's canvas limit (${CANVAS_MAX_SIDE} px a side, ${CANVAS_MAX_AREA} px in all); choose a smaller size or scale`
    );
  }
  if (mapPixels[0] > glLimit || mapPixels[1] > glLimit) {
    throw new ExportError(
      `the map would be ${mapPixels[0]} × ${mapPixels[1]} px, beyond this GPU's limit of ${glLimit} px a side (WebGL MAX_TEXTURE_SIZE/MAX_RENDERBUFFER_SIZE); choose a smaller size or scale`
    );
  }
}

const swatchCache = new Map<string, Promise<HTMLImageElement>>();

function svgImage(svg: string): Promise<HTMLImageElement> {
  let image = swatchCache.get(svg);
  if (!image) {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    image = img.decode().then(() => img);
    swatchCache.set(svg, image);
  }
  return image;
}

/** A standalone SVG of overlay markup, with the Noto Sans subset it uses embedded (an image cannot use the page's fonts). */
async function overlaySvg(markup: string, w: number, h: number, pixelRatio: number): Promise<string> {
  const { embeddedFontStyle } = await import('./svg-font');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(w * pixelRatio)}" height="${Math.round(h * pixelRatio)}" viewBox="0 0 ${w} ${h}">${markup}</svg>`;
  return svg.replace('>', `>${await embeddedFontStyle(svg)}`);
}

/** Encodes a canvas as PNG or JPEG. */
export function encodeCanvas(canvas: HTMLCanvasElement, mime: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, mime, quality));
}

/**
 * Draws the layout's operations, with the map image in its rectangle, onto a new canvas. The canvas
 * lives in memory (`willReadFrequently`): a GPU-backed one (Chromium's default, also on its software
 * GPU) is read back pixel by pixel inside `toBlob`, which took four times as long in the bench.
 */
export async function composeRaster(ops: Op[], mapImage: CanvasImageSource, pixelWidth: number, pixelHeight: number, pixelRatio: number): Promise<HTMLCanvasElement> {
  const canvas = document.createElement('canvas');
  canvas.width = pixelWidth;
  canvas.height = pixelHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new ExportError(`the browser could not make a ${pixelWidth} × ${pixelHeight} px canvas`);
  ctx.scale(pixelRatio, pixelRatio);
  for (const op of ops) {
    ctx.globalAlpha = 1;
    if (op.kind === 'rect') {
      ctx.globalAlpha = op.opacity ?? 1;
      if (op.fill !== 'none') {
        ctx.fillStyle = op.fill;
        ctx.fillRect(op.x, op.y, op.w, op.h);
      }
      if (op.stroke) {
        ctx.strokeStyle = op.stroke;
        ctx.lineWidth = 1;
        ctx.strokeRect(op.x, op.y, op.w, op.h);
      }
    } else if (op.kind === 'line') {
      ctx.strokeStyle = op.color;
      ctx.lineWidth = op.width;
      ctx.beginPath();
      ctx.moveTo(op.x1, op.y1);
      ctx.lineTo(op.x2, op.y2);
      ctx.stroke();
    } else if (op.kind === 'text') {
      ctx.font = cssFont(op.size, op.bold);
      ctx.fillStyle = op.color;
      ctx.textAlign = op.anchor === 'end' ? 'right' : 'left';
      ctx.fillText(op.text, op.x, op.y);
    } else if (op.kind === 'swatch') {
      const img = await svgImage(legendSvg(op.layer));
      const s = Math.min(op.w / img.width, op.h / img.height);
      ctx.drawImage(img, op.x + (op.w - img.width * s) / 2, op.y + (op.h - img.height * s) / 2, img.width * s, img.height * s);
    } else if (op.kind === 'map') {
      ctx.drawImage(mapImage, op.x, op.y, op.w, op.h);
    } else if (op.kind === 'overlay') {
      const img = await svgImage(await overlaySvg(op.svg, op.w, op.h, pixelRatio));
      ctx.drawImage(img, op.x, op.y, op.w, op.h);
    }
  }
  return canvas;
}
