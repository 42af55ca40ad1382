/** A west-south / east-north pair of [lng, lat] corners. */
export type Bounds = [[number, number], [number, number]];

/**
 * The main frame: the Karabakh places of the story (Khojaly, the route, Aghdam, Asgaran, Aghdara,
 * Khojavand, Khankendi) with a margin for their labels. Baku is not in it: it has its own inset.
 * (Contract for the screen and the exports; the app switches its default frame to it.)
 */
export const MAIN_BOUNDS: Bounds = [
  [46.68, 39.74],
  [47.2, 40.27]
];

/** The inset: Baku and the Khatai district, where the "Mother's Cry" monument stands. */
export const BAKU_INSET = {
  bounds: [
    [49.7, 40.28],
    [50.05, 40.48]
  ] as Bounds,
  /** The place the inset selects when activated. */
  placeId: 'mothers-cry'
} as const;

/** The region a locator inset shows when the main view is zoomed in: Karabakh to the Caspian. */
export const LOCATOR_BOUNDS: Bounds = [
  [44.6, 38.4],
  [50.6, 41.9]
];
