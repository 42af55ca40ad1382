import { hydrate, mount } from 'svelte';
import EmbedApp from './EmbedApp.svelte';
import { bundledModel } from './lib/data/bundled';
import { parseEmbedOptions } from './lib/embed/options';
import { preferredLang } from './lib/i18n';
import { AppState } from './lib/state/app-state.svelte';
import { Preferences } from './lib/ui/preferences.svelte';
import './app.css';

const options = parseEmbedOptions(window.location.search);
const prefs = new Preferences(options.theme);

const target = document.getElementById('app')!;
const app = new AppState(bundledModel(), options.lang ?? preferredLang(navigator.languages));
(target.firstChild ? hydrate : mount)(EmbedApp, { target, props: { app, prefs, options } });
