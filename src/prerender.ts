import { render } from 'svelte/server';
import App from './App.svelte';
import EmbedApp from './EmbedApp.svelte';
import { bundledModel } from './lib/data/bundled';
import { escapeMarkup } from './lib/data/escape';
import { parseEmbedOptions } from './lib/embed/options';
import { AppState } from './lib/state/app-state.svelte';
import { Preferences } from './lib/ui/preferences.svelte';
import { messages } from './lib/i18n';

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

/**
 * The source texts the first view does not show (it shows the first), for readers without
 * scripts: the panel's tabs need a script, so these follow the app in a `<noscript>`.
 */
export function otherTexts(): string {
  const [, ...rest] = bundledModel().sources;
  const m = messages('en');
  const sections = rest.map((s, i) => {
    const lang = s.language ? ` lang="${escapeMarkup(s.language)}"` : '';
    const heading = `[${i + 2}] ${s.label}${s.title ? `: ${s.title}` : ''}`;
    return `<section class="sources" data-source-id="${escapeMarkup(s.id)}"${lang}><h2>${escapeMarkup(heading)}</h2><div class="text">${escapeMarkup(s.text)}</div></section>`;
  });
  return sections.length > 0 ? `<noscript><div class="no-script-texts" aria-label="${escapeMarkup(m.sources)}">${sections.join('')}</div></noscript>` : '';
}
