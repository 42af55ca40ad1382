import { bundledModel } from '../../src/lib/data/bundled';
import { basemapChoice } from '../../src/lib/data/basemaps';
import { DEFAULT_LAYERS } from '../../src/lib/data/types';
import { STORY_ATTRIBUTION } from '../../src/lib/map/attribution';
import { resolveBasemap } from '../../src/lib/map/basemaps';
import { MapController } from '../../src/lib/map/controller';

/**
 * The app's map with nothing around it: the same controller, style, default basemap, data and
 * default frame, in a box of `?w=` × `?h=` CSS px (the app's map box), created at once (no page to
 * paint first, no hydration). Its time to `idle` is what MapLibre takes to draw this map here.
 */
const params = new URLSearchParams(window.location.search);
const container = document.getElementById('map')!;
container.style.width = `${Number(params.get('w') ?? 800)}px`;
container.style.height = `${Number(params.get('h') ?? 600)}px`;
const controller = await MapController.create({
  container,
  model: bundledModel(),
  theme: 'light',
  basemap: resolveBasemap(basemapChoice(null), 'light'),
  visible: DEFAULT_LAYERS,
  selected: null,
  view: null,
  attribution: STORY_ATTRIBUTION,
  reducedMotion: () => false,
  onSelect: () => undefined,
  onMove: () => undefined
});
(window as unknown as { __map: unknown }).__map = controller.map;
