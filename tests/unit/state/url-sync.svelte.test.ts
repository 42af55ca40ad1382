// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { AppState } from '../../../src/lib/state/app-state.svelte';
import { syncUrl, type HistoryMode } from '../../../src/lib/state/url-sync.svelte';
import { shippedModel } from './model';

const model = shippedModel();
let dispose: (() => void) | undefined;

/** Starts a fresh app on a URL hash, kept in step with it. */
function start(hash: string, history: HistoryMode = 'push'): AppState {
  window.history.replaceState(null, '', `/${hash ? `#${hash}` : ''}`);
  const app = new AppState(model);
  dispose = syncUrl(app, { basemaps: ['offline', 'pmtiles'], history });
  flushSync();
  return app;
}

/** Resolves on the next event of this type on window. */
const next = (type: string) => new Promise<void>((resolve) => window.addEventListener(type, () => resolve(), { once: true }));

afterEach(() => {
  dispose?.();
  dispose = undefined;
});

describe('syncUrl', () => {
  it('reads the place, passage, layers and basemap from the hash at start', () => {
    const app = start('layers=khojaly&place=khojaly&cite=2&basemap=pmtiles');
    expect([app.placeId, app.citeIndex, app.visibleLayers, app.basemapId]).toEqual(['khojaly', 2, ['khojaly'], 'pmtiles']);
  });

  it('falls back to the defaults for malformed values, without throwing', () => {
    const app = start('view=x/y/z&layers=nope&place=%E0%A4%A&cite=-1&basemap=http://evil');
    expect(app.toUrl()).toEqual({ view: null, layers: null, place: null, cite: null, basemap: null, event: null });
  });

  it('replaces the history entry for a camera move', async () => {
    const app = start('place=khojaly');
    const length = window.history.length;
    app.setView({ zoom: 9, lat: 39.9, lng: 46.8 });
    flushSync();
    await expect.poll(() => window.location.hash).toBe('#view=9/39.9/46.8&place=khojaly');
    expect(window.history.length).toBe(length);
  });

  it('replaces the history entry for another passage of the same place', async () => {
    const app = start('place=khojaly');
    const length = window.history.length;
    app.stepCitation(1);
    flushSync();
    await expect.poll(() => window.location.hash).toBe('#place=khojaly&cite=1');
    expect(window.history.length).toBe(length);
  });

  it('adds a history entry for a newly selected place', async () => {
    const app = start('place=khojaly');
    const length = window.history.length;
    app.select('aghdam');
    flushSync();
    await expect.poll(() => window.location.hash).toBe('#place=aghdam');
    expect(window.history.length).toBe(length + 1);
  });

  it('adds no history entry in replace mode (the embed)', async () => {
    const app = start('place=khojaly', 'replace');
    const length = window.history.length;
    app.select('aghdam');
    flushSync();
    await expect.poll(() => window.location.hash).toBe('#place=aghdam');
    expect(window.history.length).toBe(length);
  });

  it('writes the URL after the frame that shows the change, not in the click', async () => {
    const app = start('place=khojaly');
    app.select('aghdam');
    flushSync();
    expect(window.location.hash).toBe('#place=khojaly');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await expect.poll(() => window.location.hash).toBe('#place=aghdam');
  });

  it('gives each of two places selected before a frame its own history entry', async () => {
    const app = start('place=khojaly');
    const length = window.history.length;
    app.select('aghdam');
    flushSync();
    app.select('khankendi');
    flushSync();
    await expect.poll(() => window.location.hash).toBe('#place=khankendi');
    expect(window.history.length).toBe(length + 2);
  });

  it('lets a navigation made before the write win over it', async () => {
    const app = start('place=khojaly');
    app.select('aghdam');
    flushSync();
    const changed = next('hashchange');
    window.location.hash = 'place=khankendi';
    await changed;
    flushSync();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(app.placeId).toBe('khankendi');
    expect(window.location.hash).toBe('#place=khankendi');
  });

  it('goes back to the previous place with the browser’s Back', async () => {
    const app = start('place=khojaly');
    app.select('aghdam');
    flushSync();
    await expect.poll(() => window.location.hash).toBe('#place=aghdam');
    const popped = next('popstate');
    window.history.back();
    await popped;
    flushSync();
    expect(app.placeId).toBe('khojaly');
    expect(window.location.hash).toBe('#place=khojaly');
  });

  it('applies the hash navigated to, even when the URL was rewritten before the event arrived', async () => {
    const app = start('place=khojaly');
    const changed = next('hashchange');
    window.location.hash = 'place=aghdam';
    window.history.replaceState(null, '', '/#place=khojaly&cite=1');
    await changed;
    flushSync();
    expect(app.placeId).toBe('aghdam');
    await expect.poll(() => window.location.hash).toBe('#place=aghdam');
  });

  it('stops following the URL once disposed', async () => {
    const app = start('place=khojaly');
    dispose!();
    dispose = undefined;
    const changed = next('hashchange');
    window.location.hash = 'place=aghdam';
    await changed;
    expect(app.placeId).toBe('khojaly');
  });
});

describe('syncUrl and the language', () => {
  it('sets <html lang> from #lang= and keeps it in the URL', async () => {
    const app = start('lang=az&place=khojaly');
    expect(app.language).toBe('az');
    expect(document.documentElement.lang).toBe('az');
    app.select('aghdam');
    flushSync();
    await expect.poll(() => window.location.hash).toBe('#place=aghdam&lang=az');
  });

  it('ignores a language it does not have', () => {
    const app = start('lang=xx');
    expect(app.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
