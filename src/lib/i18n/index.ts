import { az } from './az';
import { en, type Messages } from './en';

export type { Messages };

/** The interface languages, the first being the default. */
export const LANGS = ['en', 'az'] as const;

/** An interface language. */
export type Lang = (typeof LANGS)[number];

const CATALOGUE: Record<Lang, Messages> = { en, az };

/** Whether a value names an interface language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The first interface language among the browser's (`navigator.languages`), by primary subtag; else English. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'en';
}

/** The interface strings of a language. */
export function messages(lang: Lang): Messages {
  return CATALOGUE[lang];
}

/** Fills `{name}` placeholders; a placeholder without a value is left as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The placeholders a template uses, sorted. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
