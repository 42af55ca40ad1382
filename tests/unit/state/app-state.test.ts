import { describe, expect, it } from 'vitest';
import { AppState } from '../../../src/lib/state/app-state.svelte';
import { DEFAULT_LAYERS, LAYER_IDS } from '../../../src/lib/data/types';
import { placeOf, shippedModel } from './model';

const model = shippedModel();
const khojaly = placeOf(model, 'khojaly');
const khankendi = placeOf(model, 'khankendi');

describe('AppState layers', () => {
  it('shows exactly the layers asked for, in legend order, ignoring unknown ids', () => {
    const app = new AppState(model);
    app.setLayers(['flag-raising-2023', 'nowhere', 'khojaly']);
    expect(app.visibleLayers).toEqual(['khojaly', 'flag-raising-2023']);
  });

  it('toggles one layer off and back on in its place', () => {
    const app = new AppState(model);
    app.toggleLayer('escape-route');
    expect(app.visibleLayers).not.toContain('escape-route');
    app.toggleLayer('escape-route');
    expect(app.visibleLayers).toEqual([...DEFAULT_LAYERS]);
  });

  it('keeps the same array when the layers asked for are the ones shown', () => {
    const app = new AppState(model);
    const before = app.visibleLayers;
    app.setLayers([...DEFAULT_LAYERS]);
    expect(app.visibleLayers).toBe(before);
  });

  it('shows the layer of the passage it selects', () => {
    const app = new AppState(model);
    app.setLayers(['khojaly']);
    const flagCitation = khankendi.citations.findIndex((c) => c.layer === 'flag-raising-2023');
    app.select('khankendi', { cite: flagCitation });
    expect(app.visibleLayers).toEqual(['khojaly', 'flag-raising-2023']);
  });

  it('lists as visible the ids of exactly the places with a layer shown', () => {
    const app = new AppState(model);
    app.setLayers(['khankendi']);
    expect([...app.visiblePlaceIds]).toEqual(model.places.filter((p) => p.layers.includes('khankendi')).map((p) => p.id));
    expect(app.visiblePlaceIds.has('khojaly')).toBe(false);
    app.toggleLayer('khojaly');
    expect(app.visiblePlaceIds.has('khojaly')).toBe(true);
  });

  it('rings no place whose layers are all hidden, though it stays selected', () => {
    const app = new AppState(model);
    app.select('aghdam');
    expect(app.shownPlaceId).toBe('aghdam');
    app.toggleLayer('escape-route');
    expect(app.placeId).toBe('aghdam');
    expect(app.shownPlaceId).toBeNull();
  });

  it('keeps ringing a place while another of its layers is shown', () => {
    const app = new AppState(model);
    app.select('khojaly');
    app.toggleLayer('khojaly');
    expect(app.shownPlaceId).toBe('khojaly');
  });
});

describe('AppState selection', () => {
  it('selects a place with its first passage, shows that passage’s source and asks the camera to go there', () => {
    const app = new AppState(model);
    app.select('khankendi');
    expect(app.place?.id).toBe('khankendi');
    expect(app.citation).toEqual(khankendi.citations[0]);
    expect(app.sourceId).toBe(khankendi.citations[0]!.source);
    expect(app.camera).toMatchObject({ placeId: 'khankendi' });
  });

  it('selects without moving the camera when told so', () => {
    const app = new AppState(model);
    app.select('khankendi', { focus: false });
    expect(app.camera).toBeNull();
  });

  it('ignores an unknown place', () => {
    const app = new AppState(model);
    app.select('khojaly');
    app.select('atlantis');
    expect(app.placeId).toBe('khojaly');
  });

  it('falls back to the first passage for an index out of range', () => {
    const app = new AppState(model);
    app.select('khojaly', { cite: 99 });
    expect(app.citeIndex).toBe(0);
  });

  it('picks the passage around a followed mention, in the text it was followed in', () => {
    const app = new AppState(model);
    const third = khojaly.citations[2]!;
    app.selectMention('khojaly', third.source, third.start + 1);
    expect(app.citeIndex).toBe(2);
    expect(app.sourceId).toBe(third.source);
  });

  it('picks the place’s first passage in the same text for a mention outside every passage', () => {
    const app = new AppState(model);
    const source = 'khojaly-overview';
    app.selectMention('khojaly', source, model.sources.find((s) => s.id === source)!.text.length);
    expect(app.citation?.source).toBe(source);
    expect(app.citeIndex).toBe(khojaly.citations.findIndex((c) => c.source === source));
  });

  it('steps through the passages, wrapping both ways, without moving the camera', () => {
    const app = new AppState(model);
    app.select('khojaly', { focus: false });
    app.stepCitation(-1);
    expect(app.citeIndex).toBe(khojaly.citations.length - 1);
    app.stepCitation(1);
    app.stepCitation(1);
    expect(app.citeIndex).toBe(1);
    expect(app.camera).toBeNull();
  });

  it('shows the source of each passage it steps to', () => {
    const app = new AppState(model);
    app.select('khojaly');
    app.stepCitation(1);
    expect(app.sourceId).toBe(khojaly.citations[1]!.source);
  });

  it('does nothing when stepping with no place selected', () => {
    const app = new AppState(model);
    app.stepCitation(1);
    expect(app.placeId).toBeNull();
  });

  it('clears the selection and its passage', () => {
    const app = new AppState(model);
    app.select('khojaly', { cite: 2 });
    app.clearSelection();
    expect([app.placeId, app.citeIndex, app.place, app.citation]).toEqual([null, 0, null, null]);
  });

  it('shows a known source and ignores an unknown one', () => {
    const app = new AppState(model);
    app.showSource('khojaly-overview');
    app.showSource('nowhere');
    expect(app.sourceId).toBe('khojaly-overview');
  });
});

describe('AppState pointing', () => {
  it('points at a known place and not at an unknown one', () => {
    const app = new AppState(model);
    app.hover('aghdam');
    expect(app.hoverId).toBe('aghdam');
    app.hover('atlantis');
    expect(app.hoverId).toBeNull();
  });

  it('lets a late leave of one place not clear a newer pointing at another', () => {
    const app = new AppState(model);
    app.hover('aghdam');
    app.hover('khojaly');
    app.unhover('aghdam');
    expect(app.hoverId).toBe('khojaly');
    app.unhover('khojaly');
    expect(app.hoverId).toBeNull();
  });

  it('rings no pointed-at place whose layers are hidden', () => {
    const app = new AppState(model);
    app.setLayers(['khojaly']);
    app.hover('aghdam');
    expect(app.shownHoverId).toBeNull();
  });
});

describe('AppState camera requests', () => {
  it('numbers each request, so asking twice for the same place is two requests', () => {
    const app = new AppState(model);
    app.select('khojaly');
    const first = app.camera!;
    app.select('khojaly');
    expect(app.camera!.seq).toBeGreaterThan(first.seq);
  });

  it('asks for a view and records it', () => {
    const app = new AppState(model);
    app.moveTo({ zoom: 9, lat: 39.9, lng: 46.8 });
    expect(app.camera).toMatchObject({ view: { zoom: 9, lat: 39.9, lng: 46.8 } });
    expect(app.view).toEqual({ zoom: 9, lat: 39.9, lng: 46.8 });
  });

  it('records a view the map reports without asking the map to move', () => {
    const app = new AppState(model);
    app.setView({ zoom: 8, lat: 40, lng: 47 });
    expect(app.view).toEqual({ zoom: 8, lat: 40, lng: 47 });
    expect(app.camera).toBeNull();
  });

  it('asks for the default frame and forgets the view', () => {
    const app = new AppState(model);
    app.setView({ zoom: 8, lat: 40, lng: 47 });
    app.goHome();
    expect(app.camera).toMatchObject({ home: true });
    expect(app.view).toBeNull();
  });
});

describe('AppState and the URL', () => {
  it('writes only what differs from the defaults', () => {
    const app = new AppState(model);
    expect(app.toUrl()).toEqual({ view: null, layers: null, place: null, cite: null, basemap: null, event: null });
  });

  it('leaves "Also named in the texts" off by default and out of the URL', () => {
    const app = new AppState(model);
    expect(app.visibleLayers).not.toContain('also-named');
    expect(app.toUrl().layers).toBeNull();
  });

  it('writes every layer when all are shown, the off-by-default one included', () => {
    const app = new AppState(model);
    app.setLayers([...LAYER_IDS]);
    expect(app.toUrl().layers).toEqual([...LAYER_IDS]);
  });

  it('writes a selected event, and drops it when a place is selected', () => {
    const app = new AppState(model);
    const event = model.events[0]!;
    app.showEvent(event.id);
    expect(app.toUrl().event).toBe(event.id);
    app.select('khojaly');
    expect([app.eventId, app.toUrl().event]).toEqual([null, null]);
  });

  it('writes the layers, place, passage and basemap', () => {
    const app = new AppState(model);
    app.setLayers(['khojaly']);
    app.select('khojaly', { cite: 2 });
    app.setBasemap('pmtiles', 'offline');
    expect(app.toUrl()).toMatchObject({ layers: ['khojaly'], place: 'khojaly', cite: 2, basemap: 'pmtiles' });
  });

  it('keeps the default basemap out of the URL', () => {
    const app = new AppState(model);
    app.setBasemap('offline', 'offline');
    expect(app.basemapId).toBeNull();
  });

  it('applies a URL with a view and a place: the camera goes to the view, not to the place', () => {
    const app = new AppState(model);
    app.applyUrl({ view: { zoom: 10, lat: 39.9, lng: 46.8 }, layers: ['khojaly'], place: 'khojaly', cite: 1, basemap: null });
    expect([app.placeId, app.citeIndex, app.visibleLayers]).toEqual(['khojaly', 1, ['khojaly']]);
    expect(app.camera).toMatchObject({ view: { zoom: 10, lat: 39.9, lng: 46.8 } });
  });

  it('applies a URL with a place and no view: the camera goes to the place', () => {
    const app = new AppState(model);
    app.applyUrl({ view: null, layers: null, place: 'aghdam', cite: null, basemap: null });
    expect(app.camera).toMatchObject({ placeId: 'aghdam' });
  });

  it('applies an empty URL: the default layers, no selection, the default frame', () => {
    const app = new AppState(model);
    app.setLayers(['khojaly']);
    app.select('khojaly');
    app.applyUrl({ view: null, layers: null, place: null, cite: null, basemap: null });
    expect([app.visibleLayers, app.placeId]).toEqual([[...DEFAULT_LAYERS], null]);
    expect(app.camera).toMatchObject({ home: true });
  });

  it('round-trips its own URL', () => {
    const app = new AppState(model);
    app.setLayers(['khojaly', 'escape-route']);
    app.select('aghdam', { cite: 1 });
    app.setView({ zoom: 11, lat: 39.95, lng: 46.9 });
    const other = new AppState(model);
    other.applyUrl(app.toUrl());
    expect(other.toUrl()).toEqual(app.toUrl());
  });
});

describe('AppState language', () => {
  it('speaks the default language until the URL names one', () => {
    const app = new AppState(model, 'az');
    expect(app.language).toBe('az');
    app.applyUrl({ view: null, layers: null, place: null, cite: null, basemap: null, lang: 'en' });
    expect(app.language).toBe('en');
    expect(app.toUrl().lang).toBe('en');
  });

  it('ignores an unknown language and keeps the default out of the URL', () => {
    const app = new AppState(model);
    app.setLang('xx');
    expect(app.language).toBe('en');
    expect(app.toUrl()).not.toHaveProperty('lang');
  });
});
