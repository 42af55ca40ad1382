/** The two colour themes of the basemap. */
export type Theme = 'light' | 'dark';

/** Colours of the basemap, for the rest of the style to stay consistent with it. */
export interface BasemapPalette {
  /** Colour of the map background: open water (seas, the Caspian) shows through it. */
  background: string;
  /** Land fill. */
  land: string;
  /** Lakes, seas and the background; same as `background`. */
  water: string;
  /** Country borders. */
  border: string;
  /** Town and country labels. */
  text: string;
  /** Halo around every label. */
  halo: string;
  /** Secondary text and town dots. */
  muted: string;
  /** River lines, a shade darker than `water`. */
  river: string;
  /** Labels of seas, lakes and rivers. */
  waterText: string;
}

const LIGHT: BasemapPalette = {
  background: '#d5e3ec',
  land: '#f4f2ee',
  water: '#d5e3ec',
  border: '#a8a5a0',
  text: '#55534f',
  halo: 'rgba(250, 249, 246, 0.9)',
  muted: '#8c8984',
  river: '#adc6d8',
  waterText: '#5f7d92',
};

const DARK: BasemapPalette = {
  background: '#17212a',
  land: '#2a2c2f',
  water: '#17212a',
  border: '#63676c',
  text: '#c9cacc',
  halo: 'rgba(24, 26, 28, 0.9)',
  muted: '#8e9296',
  river: '#34516a',
  waterText: '#7f9bb0',
};

/**
 * The basemap's colours for a theme.
 *
 * @param theme - `light` or `dark`
 * @returns a fresh object; changing it changes nothing else
 */
export function basemapPalette(theme: Theme): BasemapPalette {
  return { ...(theme === 'dark' ? DARK : LIGHT) };
}
