import { render } from 'svelte/server';
import App from './App.svelte';
import EmbedApp from './EmbedApp.svelte';
import { bundledModel } from './lib/data/bundled';
import { parseEmbedOptions } from './lib/embed/options';
import { AppState } from './lib/state/app-state.svelte';
import { Preferences } from './lib/ui/preferences.svelte';

/** The pages prerendered at build time, by the name of their HTML file. */
export type PrerenderedPage = 'index' | 'embed';

/**
 * The HTML of a page in its default state (no URL hash, default preferences), rendered on the
 * server at build time so the title, the place list, the legend and the texts are readable
 * before any script runs. The entries hydrate it.
 */
export function renderPage(page: PrerenderedPage): { head: string; body: string } {
  const app = new AppState(bundledModel());
  const prefs = new Preferences();
  if (page === 'embed') return render(EmbedApp, { props: { app, prefs, options: parseEmbedOptions('') } });
  return render(App, { props: { app, prefs } });
}
