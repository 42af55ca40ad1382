import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Font, woff2 } from 'fonteditor-core';
import { codePointsOf, FONT_UNICODE_RANGE } from '../../src/lib/map/basemap/unicode.ts';

const FONTS = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'src/lib/map/basemap/fonts');

/** The two faces the map's labels use. */
export const LABEL_FACES = ['Regular', 'Bold'] as const;

/**
 * The map's label font of one face: the committed Noto Sans TTF cut to {@link FONT_UNICODE_RANGE}
 * (fonteditor-core, no hinting, no layout tables: MapLibre draws one grapheme cluster at a time),
 * as WOFF2. Same TTF in, same bytes out.
 *
 * @param face - `Regular` or `Bold`
 */
export async function labelFont(face: (typeof LABEL_FACES)[number]): Promise<Uint8Array> {
  await woff2.init();
  const ttf = readFileSync(join(FONTS, `NotoSans-${face}.ttf`));
  const font = Font.create(ttf, { type: 'ttf', subset: codePointsOf(FONT_UNICODE_RANGE), hinting: false, kerning: false });
  const out = font.write({ type: 'woff2', hinting: false, kerning: false }) as ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const face of LABEL_FACES) {
    const bytes = await labelFont(face);
    writeFileSync(join(FONTS, `NotoSans-${face}.woff2`), bytes);
    console.log(`src/lib/map/basemap/fonts/NotoSans-${face}.woff2: ${bytes.length} bytes (gzip -9: ${gzipSync(bytes, { level: 9 }).length})`);
  }
}
