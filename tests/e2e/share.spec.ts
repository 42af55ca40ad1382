import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { embedFrame, expectHeightFollows, frameMapIdle, HOST_ORIGIN, MAP_ORIGIN } from './embed-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const axe = async (page: Page, selector: string) => {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
};

test('Share copies a link to the current state, Escape closes the dialog and focus returns', async ({ page }) => {
  const seen = await openApp(page, 'layers=khojaly,escape-route&place=aghdam&cite=1');
  await page.getByTestId('share-button').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toBe(`${MAP_ORIGIN}/${new URL(page.url()).hash}`);
  expect(link).toMatch(/layers=khojaly,escape-route&place=aghdam&cite=1/);
  await page.getByTestId('copy-link').click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied.');
  expect(await clipboard(page)).toBe(link);
  expect(await axe(page, '[data-testid="share-dialog"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('share-button')).toBeFocused();
  expect(seen.errors).toEqual([]);
});

test('the shared link opens the same place and passage', async ({ page, context }) => {
  await openApp(page, 'place=aghdam&cite=1');
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('[data-place-id="aghdam"] button')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByTestId('passage-count')).toHaveText(/Passage 2 of/);
});

test('the embed dialog previews the chosen options live and writes them into both snippets', async ({ page }) => {
  const seen = await openApp(page, 'place=khankendi');
  await page.getByTestId('embed-button').click();
  const dialog = page.getByTestId('embed-dialog');
  await expect(dialog).toBeVisible();
  const preview = page.getByTestId('embed-preview');
  await expect(preview).toHaveAttribute('src', /\/embed\.html#.*place=khankendi/);
  const frame = await embedFrame(page);
  await expect(frame.locator('[data-testid="passage-card"]')).toHaveAttribute('aria-label', /Khankendi/);
  await expect.poll(async () => {
    const content = await frame.locator('[data-testid="embed"]').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    return Math.abs(content - (await preview.evaluate((el) => el.getBoundingClientRect().height)));
  }).toBeLessThanOrEqual(1);

  await page.getByTestId('embed-panel').uncheck();
  await page.getByTestId('embed-interactive').uncheck();
  await page.getByTestId('embed-theme').selectOption('dark');
  await dialog.getByLabel('Fixed').check();
  await page.getByTestId('embed-fixed-height').fill('450');
  await dialog.locator('input[data-embed-layer="baku-monument"]').uncheck();
  await expect(preview).toHaveAttribute('src', /embed\.html\?height=450&panel=0&static=1&theme=dark#.*layers=khojaly,escape-route,khankendi,flag-raising-2023&place=khankendi/);
  await expect(page.getByTestId('snippet-iframe')).toHaveValue(/embed\.html\?height=450&amp;panel=0&amp;static=1&amp;theme=dark#.*height:450px/);
  await expect(page.getByTestId('snippet-script')).toHaveValue(/data-options="height=450&amp;panel=0&amp;static=1&amp;theme=dark"/);
  await expect(preview).toHaveCSS('height', '450px');
  const dark = page.frameLocator('[data-testid="embed-preview"]');
  await expect(dark.locator('[data-testid="embed"]')).toHaveAttribute('data-theme', 'dark');
  await expect(dark.locator('[data-testid="embed-sources"]')).toHaveCount(0);
  expect(await axe(page, '[data-testid="embed-dialog"]')).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('the copied script snippet, pasted into a page on another origin, shows the chosen place', async ({ page, context }) => {
  await openApp(page, 'place=khojavand');
  await page.getByTestId('embed-button').click();
  await page.getByTestId('embed-place').selectOption('aghdam');
  await page.getByTestId('copy-script').click();
  await expect(page.getByTestId('embed-dialog').getByRole('status')).toHaveText('Script snippet copied.');
  const snippet = await clipboard(page);
  expect(snippet).toContain(`src="${MAP_ORIGIN}/embed.js"`);
  const host = await context.newPage();
  await host.goto(`${HOST_ORIGIN}/blank.html`);
  await host.setContent(`<main style="max-width:640px">${snippet}</main>`);
  const frame = await embedFrame(host);
  await expect(frame.locator('[data-testid="passage-card"]')).toHaveAttribute('aria-label', /Aghdam/);
  await expectHeightFollows(host, frame);
  await frameMapIdle(frame);
});

test('the copied iframe snippet works on another origin and follows its content’s height', async ({ page, context }) => {
  await openApp(page, 'place=khojaly');
  await page.getByTestId('embed-button').click();
  await page.getByTestId('copy-iframe').click();
  const snippet = await clipboard(page);
  expect(snippet).toMatch(new RegExp(`^<iframe [^>]*src="${MAP_ORIGIN.replace(/[.:/]/g, '\\$&')}/embed\\.html#.*place=khojaly`));
  const host = await context.newPage();
  await host.goto(`${HOST_ORIGIN}/blank.html`);
  await host.setContent(`<main style="max-width:640px">${snippet}</main>`);
  const frame = await embedFrame(host);
  await expect(frame.locator('[data-testid="passage-card"]')).toHaveAttribute('aria-label', /Khojaly/);
  expect(await expectHeightFollows(host, frame)).toBeGreaterThan(600);
});
