/**
 * Code points of the map's label fonts, the WOFF2 subsets in `fonts/NotoSans-*.woff2` that the
 * style's `font-faces` declare (with this list as their `unicode-range`): Basic Latin, Latin-1,
 * the Azerbaijani letters beyond it (Ğ ğ İ ı Ş ş Ə ə), the few other letters the basemap's names
 * use (Ţ ţ, Ḩ ḩ), common combining marks (the cedilla of "Naz̧arabad") and the punctuation of
 * names (– — ‘ ’ “ ” …). `npm run basemap:fonts` cuts the files from the TTFs below; a unit test
 * fails when a label of the map has a character outside this list.
 */
export const FONT_UNICODE_RANGE: readonly string[] = [
  'U+0020-007E',
  'U+00A0-00FF',
  'U+011E-011F',
  'U+0130-0131',
  'U+015E-015F',
  'U+0162-0163',
  'U+018F',
  'U+0259',
  'U+0300-030C',
  'U+0327-0328',
  'U+1E28-1E29',
  'U+2013-2014',
  'U+2018-2019',
  'U+201C-201D',
  'U+2026',
];

/**
 * Code points kept in the TTF subsets `fonts/NotoSans-*.ttf` that the exports embed (SVG, PDF)
 * and measure with: Basic Latin, Latin-1, Latin Extended A and B (Ə U+018F), ə U+0259, spacing
 * modifiers and combining marks, Cyrillic, Latin Extended Additional, general punctuation and a
 * few symbols (€, ₼, №, ™, arrows, minus). Used by the basemap build script (pyftsubset).
 */
export const EXPORT_FONT_UNICODE_RANGE: readonly string[] = [
  'U+0020-007E',
  'U+00A0-024F',
  'U+0259',
  'U+02B9-02BC',
  'U+02C6-02DD',
  'U+0300-036F',
  'U+0400-04FF',
  'U+1E00-1EFF',
  'U+2000-206F',
  'U+20AC',
  'U+20BC',
  'U+2116',
  'U+2122',
  'U+2190-2193',
  'U+2212',
];

/** The code points of a list of `unicode-range` entries (`U+20`, `U+0020-007E`). */
export function codePointsOf(ranges: readonly string[]): number[] {
  return ranges.flatMap((range) => {
    const match = /^U\+([0-9A-F]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(range);
    if (!match) throw new Error(`not a unicode range: ${range}`);
    const start = parseInt(match[1]!, 16);
    const end = match[2] ? parseInt(match[2], 16) : start;
    return Array.from({ length: end - start + 1 }, (_, i) => start + i);
  });
}
