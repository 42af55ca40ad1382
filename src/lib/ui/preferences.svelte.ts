import type { Theme } from '../map/basemap';

/** Follows a media query as reactive state. */
class MediaFlag {
  matches = $state(false);

  constructor(query: string) {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    const list = window.matchMedia(query);
    this.matches = list.matches;
    list.addEventListener('change', (e) => (this.matches = e.matches));
  }
}

/** The reader's system preferences: colour scheme and reduced motion. */
export class Preferences {
  private dark = new MediaFlag('(prefers-color-scheme: dark)');
  private reduce = new MediaFlag('(prefers-reduced-motion: reduce)');
  /** A theme forced by the URL or an embed option; null follows the system. */
  forcedTheme = $state<Theme | null>(null);

  readonly theme: Theme = $derived(this.forcedTheme ?? (this.dark.matches ? 'dark' : 'light'));

  /** Read at call time so the map animates or not as the preference is now. */
  reducedMotion = (): boolean => this.reduce.matches;
}
