import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/lib/state/app-state.svelte';
import { shippedModel } from '../support/model';

const model = shippedModel();

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
    expect(app.visibleLayers).toEqual(['khojaly', 'escape-route', 'khankendi', 'baku-monument', 'flag-raising-2023']);
  });

  it('leaves "Also named in the texts" off by default and out of the URL', () => {
    const app = new AppState(model);
    expect(app.visibleLayers).not.toContain('also-named');
    expect(app.toUrl().layers).toBeNull();
  });

  it('shows the layer of the passage it selects', () => {
    const app = new AppState(model);
    app.setLayers(['khojaly']);
    const flagCitation = model.places.find((p) => p.id === 'khankendi')!.citations.findIndex((c) => c.layer === 'flag-raising-2023');
    app.select('khankendi', { cite: flagCitation });
    expect(app.visibleLayers).toEqual(['khojaly', 'flag-raising-2023']);
  });
});
