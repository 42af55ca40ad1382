/** The zoom at which the country names repeated for orientation start (about the app's default view on a phone). */
export const LOCAL_NAMES_FROM = 7.5;
/** The zoom at which they stop. */
export const LOCAL_NAMES_UNTIL = 15;
/** The number of bands: a third of a zoom each, the last from 13.83 to {@link LOCAL_NAMES_UNTIL}. */
const BANDS = 20;

/** One band of the repeated country names: drawn from `from` up to (not including) `until`, by its own layer. */
export interface NameBand {
  band: number;
  from: number;
  until: number;
}

const start = (band: number) => Math.round((LOCAL_NAMES_FROM + band / 3) * 1000) / 1000;

/**
 * The bands of the repeated country names. MapLibre evaluates `['zoom']` in a filter at the tile's
 * integer zoom, but a layer's `minzoom`/`maxzoom` at the map's own (fractional) zoom, so each band
 * is a layer of its own and its points carry `band`. Within a band, distances grow at most 1.26×
 * (the last band, which covers zooms above 14 too, more).
 */
export const NAME_BANDS: readonly NameBand[] = Array.from({ length: BANDS }, (_, band) => ({
  band,
  from: start(band),
  until: band === BANDS - 1 ? LOCAL_NAMES_UNTIL : start(band + 1)
}));
