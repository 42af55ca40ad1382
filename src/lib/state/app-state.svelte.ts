import { geometryBounds } from '../data/geojson';
import { DEFAULT_LAYERS, LAYER_IDS, type Citation, type LayerId, type Model, type Place } from '../data/types';
import { idSet, placesById } from '../data/lookup';
import { isLang, type Lang } from '../i18n';
import { urlStateOf, type UrlState, type View } from './url';

/** A request for the map to move to a place, a view or the default frame; `seq` makes repeated requests distinct. */
export type CameraRequest = { seq: number } & ({ placeId: string } | { view: View } | { home: true } | { bounds: [[number, number], [number, number]] });

/**
 * The app's one state: visible layers, selected place and passage, the source shown, the camera.
 * Every field is read-only from outside; views change it only through its methods, and the map
 * and the panels follow it.
 */
export class AppState {
  readonly model: Model;
  #visibleLayers = $state.raw<readonly LayerId[]>([...DEFAULT_LAYERS]);
  #placeId = $state<string | null>(null);
  #citeIndex = $state(0);
  #sourceId = $state('');
  #view = $state.raw<View | null>(null);
  #hoverId = $state<string | null>(null);
  #basemapId = $state<string | null>(null);
  #camera = $state.raw<CameraRequest | null>(null);
  #eventId = $state<string | null>(null);
  #lang = $state<Lang | null>(null);
  readonly #defaultLang: Lang = 'en';
  /** The model's places by id (the model never changes). */
  readonly #byId: ReadonlyMap<string, Place>;
  #seq = 0;

  readonly place: Place | null = $derived(this.#placeId ? (this.findPlace(this.#placeId) ?? null) : null);
  readonly citation: Citation | null = $derived(this.place?.citations[this.#citeIndex] ?? null);
  readonly visiblePlaces: Place[] = $derived.by(() =>
    this.model.places.filter((p) => p.layers.some((l) => this.#visibleLayers.includes(l)))
  );
  /** The ids of {@link visiblePlaces}, for lookups in constant time (the place list asks once per row). */
  readonly visiblePlaceIds: ReadonlySet<string> = $derived(idSet(this.visiblePlaces));
  /** The selected place while one of its layers is shown: the map rings nothing else (never a halo alone). */
  readonly shownPlaceId: string | null = $derived(this.place && this.visiblePlaceIds.has(this.place.id) ? this.place.id : null);
  /** The pointed-at place while one of its layers is shown. */
  readonly shownHoverId: string | null = $derived(this.#hoverId && this.visiblePlaceIds.has(this.#hoverId) ? this.#hoverId : null);

  /** The interface language: the one the URL chose, else the default (browser or embed option). */
  readonly language: Lang = $derived(this.#lang ?? this.#defaultLang);

  /** @param defaultLang - the interface language when the URL names none: the browser's, or the embed option's */
  constructor(model: Model, defaultLang: Lang = 'en') {
    this.model = model;
    this.#byId = placesById(model.places);
    this.#defaultLang = defaultLang;
    this.#sourceId = model.sources[0]?.id ?? '';
  }

  /** The visible story layers, in legend order. */
  get visibleLayers(): readonly LayerId[] {
    return this.#visibleLayers;
  }
  /** The selected place's id, or null. */
  get placeId(): string | null {
    return this.#placeId;
  }
  /** The index of the selected passage among the place's citations. */
  get citeIndex(): number {
    return this.#citeIndex;
  }
  /** The source text shown. */
  get sourceId(): string {
    return this.#sourceId;
  }
  /** The camera as last reported by the map (or asked for by the URL); null before either. */
  get view(): View | null {
    return this.#view;
  }
  /** A place the reader points at (hover or focus) in a list, a text or on the map; shown, not selected. */
  get hoverId(): string | null {
    return this.#hoverId;
  }
  /** The configured basemap chosen by the reader or the URL; null draws the default. */
  get basemapId(): string | null {
    return this.#basemapId;
  }
  /** The timeline's selected event; selecting a place clears it. */
  get eventId(): string | null {
    return this.#eventId;
  }
  /** The latest camera request; the map carries out each one once. */
  get camera(): CameraRequest | null {
    return this.#camera;
  }

  /** The place with this id, if the model has one. */
  findPlace(id: string): Place | undefined {
    return this.#byId.get(id);
  }

  /**
   * Selects a place and one of its passages, shows that passage's source, shows the layer that
   * passage belongs to and, unless told otherwise, asks the map to move there.
   */
  select(placeId: string, options: { cite?: number; focus?: boolean } = {}): void {
    const place = this.findPlace(placeId);
    if (!place) return;
    this.#eventId = null;
    this.#placeId = placeId;
    this.#citeIndex = clampIndex(options.cite ?? 0, place.citations.length);
    const citation = place.citations[this.#citeIndex];
    if (citation) this.#sourceId = citation.source;
    const layer = citation?.layer ?? place.layers[0]!;
    if (!this.#visibleLayers.includes(layer)) this.setLayers([...this.#visibleLayers, layer]);
    if (options.focus !== false) this.#request({ placeId });
  }

  /**
   * Selects an event: clears the place selection, shows the source of its first quotation, shows the
   * layers of its places and, unless told otherwise, frames them.
   */
  showEvent(id: string, options: { focus?: boolean } = {}): void {
    const event = this.model.events.find((e) => e.id === id);
    if (!event) return;
    this.clearSelection();
    this.#eventId = id;
    if (event.citations[0]) this.showSource(event.citations[0].source);
    const places = event.places.map((p) => this.findPlace(p)).filter((p): p is Place => p !== undefined);
    const hidden = places.filter((p) => !p.layers.some((l) => this.#visibleLayers.includes(l))).map((p) => p.layers[0]!);
    if (hidden.length > 0) this.setLayers([...this.#visibleLayers, ...hidden]);
    if (options.focus !== false && places.length > 0) this.frame(boundsOf(places));
  }

  /**
   * Selects the place a mention in a source text refers to, keeping the reader in that text: the
   * passage chosen is the one around the mention, else the place's first passage in the same text.
   */
  selectMention(placeId: string, sourceId: string, offset: number): void {
    const place = this.findPlace(placeId);
    if (!place) return;
    const inSource = place.citations.map((c, i) => ({ c, i })).filter(({ c }) => c.source === sourceId);
    const around = inSource.find(({ c }) => c.start <= offset && offset < c.end) ?? inSource[0];
    this.select(placeId, { cite: around?.i ?? 0 });
  }

  /** Moves to the next (+1) or previous (-1) passage of the selected place, wrapping around. */
  stepCitation(delta: number): void {
    const place = this.place;
    if (!place || place.citations.length === 0) return;
    const n = place.citations.length;
    this.select(place.id, { cite: (((this.#citeIndex + delta) % n) + n) % n, focus: false });
  }

  /** Clears the selection; the camera stays where it is. */
  clearSelection(): void {
    this.#eventId = null;
    this.#placeId = null;
    this.#citeIndex = 0;
  }

  /** Points at a place (null: at none) without selecting it. */
  hover(placeId: string | null): void {
    this.#hoverId = placeId !== null && this.findPlace(placeId) ? placeId : null;
  }

  /** Stops pointing at this place, if it is the one pointed at (a late `leave` never clears a newer `enter`). */
  unhover(placeId: string | null): void {
    if (this.#hoverId === placeId) this.#hoverId = null;
  }

  /** Shows exactly these layers (unknown ids are ignored), kept in legend order. */
  setLayers(ids: readonly string[]): void {
    const next = LAYER_IDS.filter((l) => ids.includes(l));
    if (next.length !== this.#visibleLayers.length || next.some((l, i) => l !== this.#visibleLayers[i])) this.#visibleLayers = next;
  }

  /** Shows a hidden layer, hides a shown one. */
  toggleLayer(id: LayerId): void {
    this.setLayers(this.#visibleLayers.includes(id) ? this.#visibleLayers.filter((l) => l !== id) : [...this.#visibleLayers, id]);
  }

  /** Chooses a configured basemap; the default one is kept out of the URL. */
  setBasemap(id: string, defaultId = ''): void {
    this.#basemapId = id === defaultId ? null : id;
  }

  /** Chooses the interface language (kept in the URL); null goes back to the default. Unknown values are ignored. */
  setLang(lang: string | null): void {
    if (lang === null || isLang(lang)) this.#lang = lang;
  }

  /** Shows a source text (an unknown id is ignored). */
  showSource(id: string): void {
    if (this.model.sources.some((s) => s.id === id)) this.#sourceId = id;
  }

  /** Asks the map to frame these bounds (an event's places). */
  frame(bounds: [[number, number], [number, number]]): void {
    this.#request({ bounds });
  }

  /** Asks the map to move to a view (from the URL or a host page). */
  moveTo(view: View): void {
    this.#view = view;
    this.#request({ view });
  }

  /** Asks the map to frame the default view. */
  goHome(): void {
    this.#view = null;
    this.#request({ home: true });
  }

  /** Records the camera after the map moved; this is a report, not a request. */
  setView(view: View): void {
    this.#view = view;
  }

  /** The state to write into the URL. */
  toUrl(): UrlState {
    return urlStateOf({
      view: this.#view,
      visibleLayers: this.#visibleLayers,
      placeId: this.#placeId,
      citeIndex: this.#citeIndex,
      basemapId: this.#basemapId,
      eventId: this.#eventId,
      lang: this.#lang
    });
  }

  /**
   * Applies a parsed URL: what it lacks (or gives malformed) takes its default, the camera
   * included: a URL with neither a view nor a place frames the default view.
   */
  applyUrl(url: UrlState): void {
    this.setLayers(url.layers ?? DEFAULT_LAYERS);
    this.#basemapId = url.basemap ?? null;
    this.setLang(url.lang ?? null);
    if (url.view) this.moveTo(url.view);
    if (url.place) this.select(url.place, { cite: url.cite ?? 0, focus: url.view === null });
    else this.clearSelection();
    if (url.event && !url.place) this.showEvent(url.event, { focus: url.view === null });
    if (!url.view && !url.place && !this.#eventId) this.goHome();
  }

  #request(target: { placeId: string } | { view: View } | { home: true } | { bounds: [[number, number], [number, number]] }): void {
    this.#camera = { ...target, seq: ++this.#seq };
  }
}

function clampIndex(index: number, length: number): number {
  return Number.isInteger(index) && index >= 0 && index < length ? index : 0;
}

/** The west-south and east-north corners around the places, for the camera. */
function boundsOf(places: Place[]): [[number, number], [number, number]] {
  const [west, south, east, north] = geometryBounds({ type: 'GeometryCollection', geometries: places.map((p) => p.geometry) });
  return [
    [west, south],
    [east, north]
  ];
}
