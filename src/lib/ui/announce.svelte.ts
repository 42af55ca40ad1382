/** The text of the page's one polite live region: what screen readers are told next. */
class Announcer {
  #message = $state('');

  /** The text the live region holds. */
  get message(): string {
    return this.#message;
  }

  /** Says a text; the same text twice is still said twice (a no-break space tells them apart). */
  say(text: string): void {
    this.#message = text === this.#message ? `${text}\u00a0` : text;
  }
}

/** The page's announcer, shown by `LiveRegion.svelte`. */
export const announcer = new Announcer();
