import type { Map as MapLibreMap } from 'maplibre-gl';
import { ICON_NAMES, ICON_SIZE, iconSvg } from './symbols';

/** A rasterised icon ready for `map.addImage`. */
export interface RasterIcon {
  data: ImageData;
  pixelRatio: number;
}

/** Rasterises every story icon from its SVG at the given pixel ratio (no network: data URLs). */
export async function rasterizeIcons(pixelRatio = 2): Promise<Map<string, RasterIcon>> {
  const entries = await Promise.all(
    ICON_NAMES.map(async (name) => [name, await rasterize(name, pixelRatio)] as const)
  );
  return new Map(entries);
}

async function rasterize(name: string, pixelRatio: number): Promise<RasterIcon> {
  const [w, h] = ICON_SIZE[name]!;
  const image = new Image(w * pixelRatio, h * pixelRatio);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(iconSvg(name))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * pixelRatio;
  canvas.height = h * pixelRatio;
  // A canvas read back stays on the CPU: a GPU canvas stalls for each readback (300 ms an icon with software WebGL).
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return { data: context.getImageData(0, 0, canvas.width, canvas.height), pixelRatio };
}

/** Lets a map draw the story icons: each is added the first time the style asks for it. */
export function attachIcons(map: MapLibreMap, icons: Map<string, RasterIcon>): void {
  map.setMissingStyleImageResolver((id) => {
    const icon = icons.get(id);
    if (icon && !map.hasImage(id)) map.addImage(id, icon.data, { pixelRatio: icon.pixelRatio });
  });
}
