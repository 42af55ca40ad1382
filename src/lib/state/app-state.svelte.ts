import { DEFAULT_LAYERS, LAYER_IDS, type Citation, type LayerId, type Model, type Place } from '../data/types';
import { geometryBounds } from '../data/geojson';
import { urlStateOf, type UrlState, type View } from './url';

/** A request for the map to move to a place, a view or the default frame; `seq` makes repeated requests distinct. */
export type CameraRequest = { seq: number } & ({ placeId: string } | { view: View } | { home: true } | { bounds: [[number, number], [number, number]] });

/**
 * The app's one state: visible layers, selected place and passage, the source shown, the camera.
 * Views only call its methods; the map and the panels follow it.
 */
export class AppState {
  readonly model: Model;
  visibleLayers = $state<LayerId[]>([...DEFAULT_LAYERS]);
  placeId = $state<string | null>(null);
  citeIndex = $state(0);
  sourceId = $state<string>('');
  view = $state<View | null>(null);
  /** A place the reader points at (hover or focus) in a list or a text; shown on the map, not selected. */
  hoverId = $state<string | null>(null);
  /** The configured basemap chosen by the reader or the URL; null draws the default. */
  basemapId = $state<string | null>(null);
  camera = $state<CameraRequest | null>(null);
  /** The timeline's selected event; selecting a place clears it. */
  eventId = $state<string | null>(null);

  readonly place: Place | null = $derived(this.placeId ? (this.findPlace(this.placeId) ?? null) : null);
  readonly citation: Citation | null = $derived(this.place?.citations[this.citeIndex] ?? null);
  readonly visiblePlaces: Place[] = $derived.by(() =>
    this.model.places.filter((p) => p.layers.some((l) => this.visibleLayers.includes(l)))
  );

  constructor(model: Model) {
    this.model = model;
    this.sourceId = model.sources[0]?.id ?? '';
  }

  /** The place with this id, if the model has one. */
  findPlace(id: string): Place | undefined {
    return this.model.places.find((p) => p.id === id);
  }

  /**
   * Selects a place and one of its passages, shows that passage's source, shows the layer that
   * passage belongs to and, unless told otherwise, asks the map to move there.
   */
  select(placeId: string, options: { cite?: number; focus?: boolean } = {}): void {
    const place = this.findPlace(placeId);
    if (!place) return;
    this.eventId = null;
    this.placeId = placeId;
    this.citeIndex = clampIndex(options.cite ?? 0, place.citations.length);
    const citation = place.citations[this.citeIndex];
    if (citation) this.sourceId = citation.source;
    const layer = citation?.layer ?? place.layers[0]!;
    if (!this.visibleLayers.includes(layer)) this.setLayers([...this.visibleLayers, layer]);
    if (options.focus !== false) this.camera = { placeId, seq: this.nextSeq() };
  }

  /**
   * Selects an event: clears the place selection, shows the source of its first quotation, shows the
   * layers of its places and, unless told otherwise, frames them.
   */
  showEvent(id: string, options: { focus?: boolean } = {}): void {
    const event = this.model.events.find((e) => e.id === id);
    if (!event) return;
    this.clearSelection();
    this.eventId = id;
    if (event.citations[0]) this.showSource(event.citations[0].source);
    const places = event.places.map((p) => this.findPlace(p)).filter((p): p is Place => p !== undefined);
    const hidden = places.filter((p) => !p.layers.some((l) => this.visibleLayers.includes(l))).map((p) => p.layers[0]!);
    if (hidden.length > 0) this.setLayers([...this.visibleLayers, ...hidden]);
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
    this.select(place.id, { cite: (((this.citeIndex + delta) % n) + n) % n, focus: false });
  }

  clearSelection(): void {
    this.eventId = null;
    this.placeId = null;
    this.citeIndex = 0;
  }

  /** Shows exactly these layers (unknown ids are ignored), kept in legend order. */
  setLayers(ids: readonly string[]): void {
    this.visibleLayers = LAYER_IDS.filter((l) => ids.includes(l));
  }

  toggleLayer(id: LayerId): void {
    this.setLayers(this.visibleLayers.includes(id) ? this.visibleLayers.filter((l) => l !== id) : [...this.visibleLayers, id]);
  }

  /** Chooses a configured basemap; the default one is kept out of the URL. */
  setBasemap(id: string, defaultId = ''): void {
    this.basemapId = id === defaultId ? null : id;
  }

  showSource(id: string): void {
    if (this.model.sources.some((s) => s.id === id)) this.sourceId = id;
  }

  private nextSeq(): number {
    return (this.camera?.seq ?? 0) + 1;
  }

  /** Asks the map to frame these bounds (an event's places). */
  frame(bounds: [[number, number], [number, number]]): void {
    this.camera = { bounds, seq: this.nextSeq() };
  }

  /** Asks the map to move to a view (from the URL or a host page). */
  moveTo(view: View): void {
    this.view = view;
    this.camera = { view, seq: this.nextSeq() };
  }

  /** Records the camera after the map moved. */
  setView(view: View): void {
    this.view = view;
  }

  /** The state to write into the URL. */
  toUrl(): UrlState {
    return urlStateOf(this);
  }

  /**
   * Applies a parsed URL: what it lacks (or gives malformed) takes its default, the camera
   * included: a URL with neither a view nor a place frames the default view.
   */
  applyUrl(url: UrlState): void {
    this.setLayers(url.layers ?? DEFAULT_LAYERS);
    this.basemapId = url.basemap ?? null;
    if (url.view) this.moveTo(url.view);
    if (url.place) this.select(url.place, { cite: url.cite ?? 0, focus: url.view === null });
    else this.clearSelection();
    if (url.event && !url.place) this.showEvent(url.event, { focus: url.view === null });
    if (!url.view && !url.place && !this.eventId) {
      this.view = null;
      this.camera = { home: true, seq: this.nextSeq() };
    }
  }
}

function clampIndex(index: number, length: number): number {
  return Number.isInteger(index) && index >= 0 && index < length ? index : 0;
}

/** The west-south and east-north corners around the places, for the camera. */
function boundsOf(places: Place[]): [[number, number], [number, number]] {
  const boxes = places.map((p) => geometryBounds(p.geometry));
  return [
    [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1]))],
    [Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
  ];
}
