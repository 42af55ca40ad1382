/**
 * Code points kept in the shipped Noto Sans subsets: Basic Latin, Latin-1, Latin Extended A
 * and B (Ə U+018F), ə U+0259, spacing modifiers and combining marks, Cyrillic, Latin
 * Extended Additional, general punctuation and a few symbols (€, ₼, №, ™, arrows, minus).
 * Used by the build script (pyftsubset) and by `fontFaces()` (`unicode-range`).
 */
export const FONT_UNICODE_RANGE: readonly string[] = [
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
