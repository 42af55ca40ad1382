import { describe, expect, it } from 'vitest';
import { fill, isLang, LANGS, messages, placeholders, preferredLang } from '../../../src/lib/i18n';

const english = messages('en');

describe('interface strings', () => {
  for (const lang of LANGS) {
    it(`${lang} has exactly the keys of English, none of them empty`, () => {
      const m = messages(lang);
      expect(Object.keys(m).sort()).toEqual(Object.keys(english).sort());
      expect(Object.entries(m).filter(([, text]) => text.trim() === '')).toEqual([]);
    });

    it(`${lang} uses the same placeholders as English in every string`, () => {
      const m = messages(lang);
      const differing = Object.keys(english).filter((key) => placeholders(m[key as keyof typeof m]).join() !== placeholders(english[key as keyof typeof english]).join());
      expect(differing).toEqual([]);
    });
  }

  it('Azerbaijani is not English copied', () => {
    const az = messages('az');
    const same = Object.keys(english).filter((key) => az[key as keyof typeof az] === english[key as keyof typeof english]);
    expect(same).toEqual(['sourceUrl']);
  });
});

describe('choosing the language', () => {
  it('takes the first browser language it has, by primary subtag', () => {
    expect(preferredLang(['ru-RU', 'az-Latn-AZ', 'en'])).toBe('az');
  });

  it('falls back to English', () => {
    expect(preferredLang(['tr', 'ru'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });

  it('knows only its own languages', () => {
    expect([isLang('az'), isLang('en'), isLang('tr'), isLang('<b>'), isLang(null)]).toEqual([true, true, false, false, false]);
  });
});

describe('fill', () => {
  it('fills every placeholder it has a value for and leaves the others', () => {
    expect(fill('{name}: {n} of {total}', { name: 'Xocalı', n: 2 })).toBe('Xocalı: 2 of {total}');
  });
});
