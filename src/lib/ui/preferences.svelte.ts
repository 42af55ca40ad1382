import { MediaQuery } from 'svelte/reactivity';
import type { Theme } from '../map/basemap';

/** The reader's system preferences (colour scheme, reduced motion) and a theme forced by an option. */
export class Preferences {
  #dark = new MediaQuery('(prefers-color-scheme: dark)', false);
  #reduce = new MediaQuery('(prefers-reduced-motion: reduce)', false);
  #forcedTheme = $state<Theme | null>(null);

  readonly theme: Theme = $derived(this.#forcedTheme ?? (this.#dark.current ? 'dark' : 'light'));

  /** @param forcedTheme - a theme forced by the URL or an embed option; null follows the system */
  constructor(forcedTheme: Theme | null = null) {
    this.#forcedTheme = forcedTheme;
  }

  /** A theme forced by the URL or an embed option; null follows the system. */
  get forcedTheme(): Theme | null {
    return this.#forcedTheme;
  }

  /** Read at call time so the map animates or not as the preference is now. */
  reducedMotion = (): boolean => this.#reduce.current;
}
