import { mount } from 'svelte';
import App from './App.svelte';
import { bundledModel } from './lib/data/bundled';
import { preferredLang } from './lib/i18n';
import { AppState } from './lib/state/app-state.svelte';
import { Preferences } from './lib/ui/preferences.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')!, props: { app: new AppState(bundledModel(), preferredLang(navigator.languages)), prefs: new Preferences() } });
