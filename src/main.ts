import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { bundledModel } from './lib/data/bundled';
import { AppState } from './lib/state/app-state.svelte';
import { Preferences } from './lib/ui/preferences.svelte';
import './app.css';

const target = document.getElementById('app')!;
(target.firstChild ? hydrate : mount)(App, { target, props: { app: new AppState(bundledModel()), prefs: new Preferences() } });
