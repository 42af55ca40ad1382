import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { az } from '../../src/lib/i18n/az';
import { en } from '../../src/lib/i18n/en';
import { activePassage, mapIdle, openApp, watch } from './helpers';
import { shippedModel } from '../support/model';

const model = shippedModel();
const khojaly = model.places.find((p) => p.id === 'khojaly')!;
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 }
];

/** The focused element's text or label. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');

for (const size of SIZES) {
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size });

    test('#lang=az gives the Azerbaijani interface, with <html lang="az">, and the keyboard path in it', async ({ page }) => {
      const seen = await openApp(page, 'lang=az');
      await expect(page.locator('html')).toHaveAttribute('lang', 'az');
      await expect(page.locator('h1')).toHaveText(az.title);
      await expect(page.locator('#places-heading')).toHaveText(az.places);
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe(az.skipToList);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-place-id]')?.getAttribute('data-place-id'))).toBe('khojaly');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('passage-count')).toHaveText(`Parça 1 / ${khojaly.citations.length}`);
      await page.getByRole('button', { name: az.nextPassage }).focus();
      await page.keyboard.press('Enter');
      expect(await focusedText(page)).toBe(az.nextPassage);
      await expect(page.getByTestId('announcement')).toHaveText(new RegExp(`^Khojaly seçildi\\. Parça 2 / ${khojaly.citations.length}`));
      expect(seen.errors).toEqual([]);
    });

    test('the quotations and the source texts stay as published in the Azerbaijani interface', async ({ page }) => {
      await openApp(page, 'lang=az&place=khojaly&cite=1');
      expect(await activePassage(page)).toBe(khojaly.citations[1]!.exact);
      const quotes = page.locator('[data-testid="place-details"] q');
      await expect(quotes).toHaveText(khojaly.citations.map((c) => c.exact));
      const source = model.sources.find((s) => s.id === khojaly.citations[1]!.source)!;
      await expect(quotes.nth(1)).toHaveAttribute('lang', source.language!);
      await expect(page.locator('[data-testid="source-panel"] .text')).toHaveText(source.text);
      await expect(page.locator('[data-testid="source-panel"] .text')).toHaveAttribute('lang', source.language!);
    });

    test('the language stays in the URL as the reader moves on', async ({ page }) => {
      await openApp(page, 'lang=az');
      await page.locator('[data-place-id="aghdam"] button').click();
      await expect(page).toHaveURL(/place=aghdam/);
      expect(page.url()).toContain('lang=az');
    });

    test('a language the map does not have falls back to the browser’s, without an error', async ({ page }) => {
      const seen = await openApp(page, 'lang=%3Cscript%3E');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('h1')).toHaveText(en.title);
      expect(seen.errors).toEqual([]);
    });

    test('the embed option lang=az gives the embed in Azerbaijani', async ({ page }) => {
      const seen = watch(page);
      await page.goto('/embed.html?lang=az&panel=0#place=khojaly');
      await mapIdle(page);
      await expect(page.locator('html')).toHaveAttribute('lang', 'az');
      await expect(page.getByTestId('open-full-map')).toContainText(az.openFullMap);
      await expect(page.getByTestId('embed-picked')).toContainText(`mənbələrdə ${khojaly.citations.length} parça.`);
      await page.getByTestId('embed-place-select').focus();
      await page.getByTestId('embed-place-select').selectOption('');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('embed-place-select');
      await expect(page.getByTestId('announcement')).toHaveText(az.selectionCleared);
      expect(seen.errors).toEqual([]);
    });

    for (const scheme of ['light', 'dark'] as const) {
      for (const url of ['/#lang=az&place=khankendi', '/embed.html?lang=az#place=aghdam']) {
        test(`axe finds no violation in ${url}, ${scheme}`, async ({ page }) => {
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(url);
          await mapIdle(page);
          const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
          expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
        });
      }
    }
  });
}

test.describe('with an Azerbaijani browser', () => {
  test.use({ locale: 'az-AZ' });

  test('the interface follows the browser’s language', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'az');
    await expect(page.getByRole('button', { name: az.share })).toBeVisible();
    await expect(page.locator('legend')).toHaveText(az.layers);
  });
});
