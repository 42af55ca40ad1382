// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectHost } from '../../../src/lib/embed/bridge.svelte';
import { AppState } from '../../../src/lib/state/app-state.svelte';
import { shippedModel } from '../state/model';

const model = shippedModel();
const HOST = 'https://news.example';

/** The framing page as the embed sees it: a window that records what is posted to it. */
class HostPage {
  sent: Array<{ message: Record<string, unknown>; target: string }> = [];
  postMessage(message: unknown, target: string): void {
    this.sent.push({ message: message as Record<string, unknown>, target });
  }
  types(): unknown[] {
    return this.sent.map((s) => s.message.type);
  }
  /** Delivers a message to the embed as if this page (or another window) had posted it. */
  send(data: unknown, from: { source?: unknown; origin?: string } = {}): void {
    const event = new Event('message');
    Object.defineProperties(event, {
      data: { value: data },
      origin: { value: from.origin ?? HOST },
      source: { value: 'source' in from ? from.source : this }
    });
    window.dispatchEvent(event);
  }
}

let dispose: (() => void) | undefined;
beforeAll(() => {
  // jsdom has no layout, so no ResizeObserver: this one reports once, as a browser does on observe.
  globalThis.ResizeObserver ??= class {
    constructor(private callback: ResizeObserverCallback) {}
    observe() {
      this.callback([], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

function connect(host: HostPage | null, origin: string | null = HOST): AppState {
  const app = new AppState(model);
  dispose = connectHost(app, { host: origin }, document.body, host);
  flushSync();
  return app;
}

describe('connectHost', () => {
  it('announces ready with the state, then the height, addressed to the host origin', () => {
    const host = new HostPage();
    connect(host);
    expect(host.types()).toEqual(['khojaly-map:ready', 'khojaly-map:height']);
    expect(host.sent[0]!.message).toMatchObject({ version: 1, state: { place: null, cite: 0 } });
    expect(host.sent.every((s) => s.target === HOST)).toBe(true);
  });

  it('posts to any origin when the host origin is unknown', () => {
    const host = new HostPage();
    connect(host, null);
    expect(host.sent[0]!.target).toBe('*');
  });

  it('does nothing when the page is not framed', () => {
    const app = connect(null);
    app.select('khojaly');
    flushSync();
    expect(app.placeId).toBe('khojaly');
  });

  it('reports the reader’s selection as select and state', () => {
    const host = new HostPage();
    const app = connect(host);
    host.sent = [];
    app.select('aghdam', { cite: 1 });
    flushSync();
    expect(host.sent.map((s) => s.message)).toEqual([
      expect.objectContaining({ type: 'khojaly-map:select', place: 'aghdam', cite: 1 }),
      expect.objectContaining({ type: 'khojaly-map:state', state: expect.objectContaining({ place: 'aghdam', cite: 1 }) })
    ]);
  });

  it('applies the host’s selection without echoing it back as the reader’s', () => {
    const host = new HostPage();
    const app = connect(host);
    host.sent = [];
    host.send({ type: 'khojaly-map:select', version: 1, place: 'khankendi' });
    flushSync();
    expect(app.placeId).toBe('khankendi');
    expect(host.types()).toEqual(['khojaly-map:state']);
  });

  it('applies the host’s layers and view', () => {
    const host = new HostPage();
    const app = connect(host);
    host.send({ type: 'khojaly-map:layers', version: 1, layers: ['khojaly'] });
    host.send({ type: 'khojaly-map:view', version: 1, view: { zoom: 9, lat: 39.9, lng: 46.8 } });
    expect(app.visibleLayers).toEqual(['khojaly']);
    expect(app.camera).toMatchObject({ view: { zoom: 9, lat: 39.9, lng: 46.8 } });
  });

  it('answers get-state with the state', () => {
    const host = new HostPage();
    connect(host);
    host.sent = [];
    host.send({ type: 'khojaly-map:get-state', version: 1 });
    expect(host.types()).toEqual(['khojaly-map:state']);
  });

  it('ignores messages from another origin, another window, or of an unknown form', () => {
    const host = new HostPage();
    const app = connect(host);
    host.send({ type: 'khojaly-map:select', version: 1, place: 'aghdam' }, { origin: 'https://evil.example' });
    host.send({ type: 'khojaly-map:select', version: 1, place: 'aghdam' }, { source: new HostPage() });
    host.send({ type: 'khojaly-map:select', version: 1, place: '<img src=x onerror=alert(1)>' });
    host.send('khojaly-map:select aghdam');
    expect(app.placeId).toBeNull();
  });

  it('stops listening once disposed', () => {
    const host = new HostPage();
    const app = connect(host);
    dispose!();
    dispose = undefined;
    host.send({ type: 'khojaly-map:select', version: 1, place: 'aghdam' });
    expect(app.placeId).toBeNull();
  });
});
