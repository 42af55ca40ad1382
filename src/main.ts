import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { bundledModel } from './lib/data/bundled';
import { preferredLang } from './lib/i18n';
import { AppState } from './lib/state/app-state.svelte';
import { Preferences } from './lib/ui/preferences.svelte';
import './app.css';

const target = document.getElementById('app')!;
const app = new AppState(bundledModel(), preferredLang(navigator.languages));
(target.firstChild ? hydrate : mount)(App, { target, props: { app, prefs: new Preferences() } });
