import { AttributionControl, Map as MapLibreMap, type GeoJSONSource, NavigationControl, prewarm, ScaleControl, setWorkerUrl, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { LAYER_IDS, type LayerId, type Model, type Place } from '../data/types';
import type { View } from '../data/view';
import { fontFaces, type Theme } from './basemap';
import { geometryBounds } from '../data/geojson';
import { cameraTarget, centreBeside, defaultPadding, framePadding, reservedLeft } from './camera';
import { containsBounds, storyBounds, type Bounds } from './frames';
import { attachIcons, rasterizeIcons, type RasterIcon } from './icons';
import { buildStyle, type BasemapPart } from './style';
import { followedLayer, storySources } from './style/story';
import { shownValues } from './style/shown';
import { FeatureHighlight } from './feature-highlight';
import { attachCountryNames } from './country-names';
import { afterPaint } from './after-paint';
import { zoomIntoClusters } from './cluster-zoom';
import { isSoftwareRenderer, rendererName, screenPixelRatio } from './renderer';

setWorkerUrl(workerUrl);

/** What the map needs to start, and where it reports to. */
export interface MapControllerOptions {
  container: HTMLElement;
  model: Model;
  theme: Theme;
  visible: readonly LayerId[];
  selected: string | null;
  hover?: string | null;
  marked?: readonly string[];
  view: View | null;
  basemap?: BasemapPart;
  attribution: string[];
  interactive?: boolean;
  /** Keeps the drawing buffer so the canvas can be read back (exports, tests). */
  preserveDrawingBuffer?: boolean;
  reducedMotion: () => boolean;
  onSelect: (placeId: string) => void;
  onMove: (view: View) => void;
  /** Called with true when the WebGL context is lost, and false once it is restored and the map redrawn. */
  onContextLost?: (lost: boolean) => void;
}

const INTERACTIVE_LAYERS = [
  ...LAYER_IDS.map((id) => `story-icons-${id}`),
  'story-route-arrows',
  'story-route-corridor',
  'story-areas-fill'
];
/** Half the side of the square a tap or click hits: a 24 px touch target around each place. */
const HIT_RADIUS = 12;

/** Folds a narrow map's attribution behind its (i) button, as MapLibre does on the first drag, so it covers no place. */
function collapseAttribution(container: HTMLElement): void {
  const attribution = container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show');
  attribution?.classList.remove('maplibregl-compact-show');
  attribution?.removeAttribute('open');
}

/**
 * Starts downloading the label fonts at once, so the glyphs MapLibre asks for once its tiles are
 * parsed need not wait for them: the browser hands MapLibre's own fetch the preloaded response.
 */
function preloadFonts(): void {
  const urls = Object.values(fontFaces()).flatMap((entry) => (Array.isArray(entry) ? entry : [entry]).map((face) => (typeof face === 'string' ? face : face.url)));
  for (const href of urls) {
    if ([...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')].some((link) => link.href === href)) continue;
    const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', type: 'font/woff2', crossOrigin: 'anonymous', href });
    document.head.append(link);
  }
}

/** The one owner of the MapLibre map: views call its methods, it reports clicks and moves back. */
export class MapController {
  readonly map: MapLibreMap;
  private options: MapControllerOptions;
  private shown: readonly string[] | null = null;
  /** The place the camera is flying to (or will, once the selection's frame is painted), until the flight ends. */
  private flightTo: string | null = null;
  /** Counts the camera moves asked for: a flight put off to the next frame starts only if no move came after it. */
  private moves = 0;
  /** The highlighted places, as feature state of the story sources. */
  private readonly highlight: FeatureHighlight;

  private constructor(options: MapControllerOptions, icons: Map<string, RasterIcon>) {
    this.options = options;
    const { view } = options;
    this.map = new MapLibreMap({
      container: options.container,
      style: this.style(),
      ...(view ? { center: [view.lng, view.lat], zoom: view.zoom } : { bounds: storyBounds(options.model), fitBoundsOptions: { padding: defaultPadding(options.container.clientWidth) } }),
      interactive: options.interactive ?? true,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: options.preserveDrawingBuffer ?? false },
      // Labels appear at once: no fade frames to draw before the first `idle`.
      fadeDuration: 0,
      maxZoom: 18,
      minZoom: 2
    });
    this.capSoftwarePixelRatio();
    this.map.addControl(new AttributionControl({ customAttribution: options.attribution }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'top-left');
    if (options.interactive !== false) this.map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    this.highlight = new FeatureHighlight(this.map);
    attachIcons(this.map, icons);
    attachCountryNames(this.map);
    this.map.once('idle', () => collapseAttribution(this.map.getContainer()));
    this.map.on('style.load', () => {
      this.applyVisible();
      this.restoreHighlight();
      if (this.shown) this.applyShown();
    });
    this.map.on('moveend', () => {
      this.flightTo = null;
      options.onMove(this.currentView());
    });
    this.map.on('webglcontextlost', () => options.onContextLost?.(true));
    this.map.on('webglcontextrestored', () => {
      this.map.setStyle(this.style(), { diff: false });
      options.onContextLost?.(false);
    });
    this.map.on('click', (e) => {
      const placeId = this.placeAt(e.point.x, e.point.y);
      if (placeId) options.onSelect(placeId);
    });
    zoomIntoClusters(this.map, () => !options.reducedMotion());
    this.map.on('mouseenter', INTERACTIVE_LAYERS, () => (this.map.getCanvas().style.cursor = 'pointer'));
    this.map.on('mouseleave', INTERACTIVE_LAYERS, () => (this.map.getCanvas().style.cursor = ''));
  }

  /**
   * Creates the map once its icons are rasterised and its basemap is known, both at once, while
   * MapLibre's worker starts loading.
   */
  static async create(options: Omit<MapControllerOptions, 'basemap'> & { basemap?: BasemapPart | Promise<BasemapPart> }): Promise<MapController> {
    prewarm();
    preloadFonts();
    const [icons, basemap] = await Promise.all([rasterizeIcons(Math.max(2, Math.ceil(window.devicePixelRatio))), options.basemap]);
    return new MapController({ ...options, basemap }, icons);
  }

  /** Draws at most one canvas pixel per CSS pixel when the map's own WebGL context is a software renderer, before its first frame. */
  private capSoftwarePixelRatio(): void {
    const gl = this.map.getCanvas().getContext('webgl2');
    if (!gl || !isSoftwareRenderer(rendererName(gl))) return;
    const ratio = screenPixelRatio(window.devicePixelRatio, true);
    if (ratio !== this.map.getPixelRatio()) this.map.setPixelRatio(ratio);
  }

  /** The id of the place under a screen point (nearest within a few pixels), if any. */
  private placeAt(x: number, y: number): string | null {
    const layers = INTERACTIVE_LAYERS.filter((id) => this.map.getLayer(id));
    const hits: MapGeoJSONFeature[] = this.map.queryRenderedFeatures(
      [
        [x - HIT_RADIUS, y - HIT_RADIUS],
        [x + HIT_RADIUS, y + HIT_RADIUS]
      ],
      { layers }
    );
    const nearest = hits
      .flatMap((f) => (f.geometry.type === 'Point' ? [{ f, at: f.geometry.coordinates as [number, number] }] : []))
      .map(({ f, at }) => {
        const p = this.map.project(at);
        return { f, d: Math.hypot(p.x - x, p.y - y) };
      })
      .sort((a, b) => a.d - b.d)[0];
    const chosen = nearest?.f ?? hits[0];
    return (chosen?.properties.placeId as string | undefined) ?? null;
  }

  /** The screen style for the options: the highlighted places are feature state, kept by {@link highlight}. */
  private style(): StyleSpecification {
    return buildStyle({ ...this.options, highlight: 'feature-state' });
  }

  /** Sets the highlighted places of the options on the map's sources, all anew. */
  private restoreHighlight(): void {
    const { selected, marked = [], hover = null } = this.options;
    this.highlight.restore({ selected: selected ? [selected] : [], marked, hover: hover ? [hover] : [] });
  }

  /** Shows only the given story layers (the style's global state, which every `style.load` starts from). */
  setVisible(visible: readonly LayerId[]): void {
    this.options = { ...this.options, visible };
    try {
      this.applyVisible();
    } catch {
      // Style is not done loading: its `style.load` applies the options.
    }
  }

  /**
   * Shows the style layers drawn for the visible story layers and hides the others, and sets each
   * story layer's shown key of the global state (the labels); MapLibre skips the unchanged ones,
   * so only a changed layer's tiles are re-made.
   */
  private applyVisible(): void {
    const { visible } = this.options;
    for (const id of this.map.getLayersOrder()) {
      const follows = followedLayer(this.map.getLayer(id) ?? {});
      if (follows) this.map.setLayoutProperty(id, 'visibility', visible.includes(follows) ? 'visible' : 'none');
    }
    for (const [key, shown] of Object.entries(shownValues(visible))) this.map.setGlobalStateProperty(key, shown);
  }

  /** Highlights the selected place on the map. */
  setSelected(placeId: string | null): void {
    this.options = { ...this.options, selected: placeId };
    this.highlight.set('selected', placeId ? [placeId] : []);
  }

  /** Rings a place the reader points at in a list or a text. */
  setHover(placeId: string | null): void {
    this.options = { ...this.options, hover: placeId };
    this.highlight.set('hover', placeId ? [placeId] : []);
  }

  /** Rings the places of the selected event. */
  setMarked(placeIds: readonly string[]): void {
    this.options = { ...this.options, marked: placeIds };
    this.highlight.set('marked', placeIds);
  }

  /** Draws only these places (a period of the timeline), or every place for null; the same places again cost nothing. */
  setShownPlaces(placeIds: readonly string[] | null): void {
    if (sameIds(placeIds, this.shown)) return;
    this.shown = placeIds;
    this.applyShown();
  }

  /** Sets each story source's data to the features of the shown places (every feature names its place). */
  private applyShown(): void {
    const ids = this.shown ? new Set(this.shown) : null;
    for (const [id, spec] of Object.entries(storySources(this.options.model))) {
      const source = this.map.getSource<GeoJSONSource>(id);
      if (source && spec.type === 'geojson' && typeof spec.data === 'object') {
        const data = spec.data as { features: { properties: { placeId?: string } | null }[] };
        source.setData((ids ? { ...data, features: data.features.filter((f) => ids.has(f.properties?.placeId ?? '')) } : data) as never);
      }
    }
  }

  /**
   * Frames bounds (an event's places) after the selection's frame, without animation when the
   * reader prefers reduced motion; beside the insets unless the bounds hold the whole story (the
   * view then shows every point, and the insets stand at the top right).
   */
  frame(bounds: Bounds): void {
    this.flightTo = null;
    const reserved = containsBounds(bounds, storyBounds(this.options.model)) ? 0 : this.reserved();
    this.afterSelectionFrame(() => this.map.fitBounds(bounds, { padding: framePadding(reserved), maxZoom: 11, animate: !this.options.reducedMotion() }));
  }

  /**
   * Starts a move to a selection in the frame after the one that paints the selection: the
   * click's answer (highlight, passage) is drawn first, the flight's first frame (new tiles, labels
   * placed anew) in the next one. A move asked for in between wins. Until the move starts the map's
   * container carries `data-camera="pending"`, so whoever waits for the map to settle (a test, the
   * bench) does not read the camera too early.
   */
  private afterSelectionFrame(move: () => void): void {
    const seq = ++this.moves;
    const box = this.map.getContainer();
    box.dataset.camera = 'pending';
    void afterPaint().then(() => {
      if (seq !== this.moves) return;
      delete box.dataset.camera;
      move();
    });
  }

  /** Drops a move put off to the next frame, if any. */
  private cancelPendingMove(): void {
    this.moves++;
    delete this.map.getContainer().dataset.camera;
  }

  /**
   * Restyles the map for a theme or basemap, keeping the story layers' state: MapLibre fires
   * `style.load` for a style loaded anew and for a diff applied alike, which sets it again.
   */
  setStyle(theme: Theme, basemap?: BasemapPart): void {
    this.options = { ...this.options, theme, basemap };
    this.map.setStyle(this.style());
  }

  /** Ids of the places drawn in the current view, in reading order (top to bottom, then left to right). */
  placesInView(): string[] {
    const layers = INTERACTIVE_LAYERS.filter((id) => this.map.getLayer(id));
    const ids = new Set(this.map.queryRenderedFeatures({ layers }).map((f) => f.properties.placeId as string | undefined));
    return this.options.model.places
      .filter((p) => ids.has(p.id))
      .map((p) => ({ id: p.id, at: this.map.project(anchorOf(p)) }))
      .sort((a, b) => Math.round(a.at.y / 24) - Math.round(b.at.y / 24) || a.at.x - b.at.x)
      .map((p) => p.id);
  }

  /** Stops a camera flight towards any other place than this one: a newer selection wins. */
  keepFlightFor(placeId: string | null): void {
    if (this.flightTo !== null && this.flightTo !== placeId) {
      this.flightTo = null;
      this.cancelPendingMove();
      this.map.stop();
    }
  }

  /** The map's left edge the insets take in a view zoomed into the story, if a label could run under them (see {@link reservedLeft}). */
  private reserved(): number {
    return reservedLeft(this.map.getContainer().clientWidth);
  }

  /**
   * Moves the camera to a place after the selection's frame, without animation when the reader
   * prefers reduced motion: a point to the middle of the room the insets leave, a line framed in it.
   */
  focus(place: Place): void {
    const target = cameraTarget(place);
    const animate = !this.options.reducedMotion();
    this.flightTo = place.id;
    this.afterSelectionFrame(() => {
      const reserved = this.reserved();
      if ('bounds' in target) this.map.fitBounds(target.bounds, { padding: framePadding(reserved), maxZoom: 13, animate });
      else {
        const view = { center: centreBeside(target.center, target.zoom, reserved), zoom: target.zoom };
        if (animate) this.map.flyTo({ ...view, speed: 1.6 });
        else this.map.jumpTo(view);
      }
      if (!animate) this.flightTo = null;
    });
  }

  /** Frames the default view: the Karabakh places. */
  home(): void {
    this.flightTo = null;
    this.cancelPendingMove();
    this.map.fitBounds(storyBounds(this.options.model), { padding: defaultPadding(this.map.getContainer().clientWidth), animate: false });
  }

  /** Moves the camera to a view from the URL or the host page. */
  jumpTo(view: View): void {
    this.flightTo = null;
    this.cancelPendingMove();
    this.map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
  }

  /** The camera as a URL view. */
  currentView(): View {
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lng: c.lng };
  }

  destroy(): void {
    this.map.remove();
  }
}

/** A point to order a place by on screen: a point's position, a line's midpoint vertex. */
function anchorOf(place: Place): [number, number] {
  const g = place.geometry;
  if (g.type === 'Point') return g.coordinates as [number, number];
  if (g.type === 'LineString') return g.coordinates[Math.floor(g.coordinates.length / 2)] as [number, number];
  const [w, s, e, n] = geometryBounds(g);
  return [(w + e) / 2, (s + n) / 2];
}

/** Whether two lists of shown places are the same (null: every place). */
function sameIds(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((id, i) => id === b[i]));
}
