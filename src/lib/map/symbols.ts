import type { LayerId } from '../data/types';

/** The look of one story layer: the single definition the map, the legend and exports all draw from. */
export interface LayerSymbol {
  layer: LayerId;
  /** Main colour. */
  color: string;
  /** Name of the map image drawn at each point, or null for the route's line. */
  icon: string | null;
  /** Where the icon is pinned to its coordinate. */
  anchor: 'center' | 'bottom-left';
}

/** Story colours: strong against the quiet basemap in both themes. */
export const STORY_COLORS = {
  event: '#c0281d',
  town: '#2f4b7c',
  monument: '#7a3fa8',
  flag: '#0e7c66',
  also: '#6a5a3c',
  routeHalo: '#ffffff'
} as const;

/** Symbols per layer, in legend order. */
export const LAYER_SYMBOLS: Record<LayerId, LayerSymbol> = {
  khojaly: { layer: 'khojaly', color: STORY_COLORS.event, icon: 'story-event', anchor: 'center' },
  'escape-route': { layer: 'escape-route', color: STORY_COLORS.event, icon: 'story-endpoint', anchor: 'center' },
  khankendi: { layer: 'khankendi', color: STORY_COLORS.town, icon: 'story-town', anchor: 'center' },
  'baku-monument': { layer: 'baku-monument', color: STORY_COLORS.monument, icon: 'story-monument', anchor: 'center' },
  'flag-raising-2023': { layer: 'flag-raising-2023', color: STORY_COLORS.flag, icon: 'story-flag', anchor: 'bottom-left' },
  'also-named': { layer: 'also-named', color: STORY_COLORS.also, icon: 'story-also', anchor: 'center' }
};

/** Size in CSS pixels of each icon's SVG canvas. */
export const ICON_SIZE: Record<string, [number, number]> = {
  'story-event': [22, 22],
  'story-endpoint': [16, 16],
  'story-town': [18, 18],
  'story-monument': [20, 24],
  'story-flag': [18, 22],
  'story-arrow': [14, 14],
  'story-direction': [30, 30],
  'story-also': [16, 16]
};

/** Outline of the monument icon in its 20 × 24 canvas (also drawn by the Baku inset). */
export const MONUMENT_PATH = 'M10 2 L15 9 L13 22 L7 22 L5 9 Z';

/** SVG markup of each map icon (constant, written here, never taken from data). */
export function iconSvg(name: string): string {
  const [w, h] = ICON_SIZE[name] ?? [16, 16];
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`;
  const c = STORY_COLORS;
  switch (name) {
    case 'story-event':
      return `${open}<circle cx="11" cy="11" r="8.5" fill="${c.event}" stroke="#fff" stroke-width="2.5"/><circle cx="11" cy="11" r="3" fill="#fff"/></svg>`;
    case 'story-endpoint':
      return `${open}<circle cx="8" cy="8" r="5.5" fill="#fff" stroke="${c.event}" stroke-width="3"/></svg>`;
    case 'story-town':
      return `${open}<circle cx="9" cy="9" r="6.5" fill="${c.town}" stroke="#fff" stroke-width="2.5"/></svg>`;
    case 'story-monument':
      return `${open}<path d="${MONUMENT_PATH}" fill="${c.monument}" stroke="#fff" stroke-width="2" stroke-linejoin="round"/></svg>`;
    case 'story-flag':
      return `${open}<path d="M2.5 21 V2.5" stroke="#fff" stroke-width="4" stroke-linecap="round"/><path d="M2.5 21 V2.5" stroke="${c.flag}" stroke-width="2" stroke-linecap="round"/><path d="M3.5 3 H16 L13 7 L16 11 H3.5 Z" fill="${c.flag}" stroke="#fff" stroke-width="1.5" stroke-linejoin="round"/></svg>`;
    case 'story-arrow':
      return `${open}<path d="M3 2 L11 7 L3 12" fill="none" stroke="${c.event}" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
    case 'story-direction':
      return `${open}<path d="M4 15 H22 M15 7 L24 15 L15 23" fill="none" stroke="#fff" stroke-width="6.5" stroke-linecap="round" stroke-linejoin="round"/><path d="M4 15 H22 M15 7 L24 15 L15 23" fill="none" stroke="${c.event}" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
    case 'story-also':
      return `${open}<circle cx="8" cy="8" r="5.5" fill="#fff" stroke="${c.also}" stroke-width="2.5"/><circle cx="8" cy="8" r="2" fill="${c.also}"/></svg>`;
    default:
      return `${open}</svg>`;
  }
}

/** Every icon the story layers use. */
export const ICON_NAMES = Object.keys(ICON_SIZE);

/** SVG markup of a layer's legend swatch, the same shapes the map draws. */
export function legendSvg(layer: LayerId): string {
  if (layer === 'escape-route') {
    const c = STORY_COLORS.event;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="18" viewBox="0 0 28 18"><rect x="1" y="3" width="26" height="12" rx="6" fill="${c}" fill-opacity="0.18" stroke="${c}" stroke-opacity="0.5" stroke-dasharray="1 2"/><path d="M8 9 H19 M15 5.5 L20 9 L15 12.5" fill="none" stroke="${c}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  }
  if (layer === 'also-named') {
    const c = STORY_COLORS.also;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="18" viewBox="0 0 28 18"><rect x="1" y="2" width="18" height="14" rx="2" fill="${c}" fill-opacity="0.15" stroke="${c}" stroke-width="1.5"/><circle cx="21" cy="9" r="5" fill="#fff" stroke="${c}" stroke-width="2.5"/><circle cx="21" cy="9" r="1.8" fill="${c}"/></svg>`;
  }
  return iconSvg(LAYER_SYMBOLS[layer].icon!);
}
