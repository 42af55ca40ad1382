import { expect, test, type Frame, type Page } from '@playwright/test';
import { embedFrame, HOST_ORIGIN, MAP_ORIGIN } from './embed-helpers';
import { shippedModel } from '../support/model';

const iframe = (page: Page) => page.locator(`#map iframe[src^="${MAP_ORIGIN}/embed.html"]`);

/** The box of an element inside the embed, in the host window's coordinates (Playwright gives frame boxes in those). */
async function hostBox(frame: Frame, selector: string) {
  const box = (await frame.locator(selector).boundingBox())!;
  return { top: box.y, bottom: box.y + box.height };
}

/** The index of Khojaly's longest passage: clipped in the card, it grows most when shown whole. */
function longestKhojalyPassage(): number {
  const citations = shippedModel().places.find((p) => p.id === 'khojaly')!.citations;
  return citations.reduce((best, c, i) => (c.exact.length > citations[best]!.exact.length ? i : best), 0);
}

test.describe('an embed in the middle of an article, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('is at most 640 px tall and shows map, chooser, legend, passage with its source, a way to read more and the sources', async ({ page }) => {
    await page.goto(`${HOST_ORIGIN}/article.html`);
    await iframe(page).scrollIntoViewIfNeeded();
    const frame = await embedFrame(page);
    await expect.poll(async () => (await iframe(page).boundingBox())!.height).toBeLessThanOrEqual(640);
    const height = (await iframe(page).boundingBox())!.height;
    const content = await frame.locator('[data-testid="embed"]').evaluate((el) => el.getBoundingClientRect().height);
    expect(Math.abs(content - height)).toBeLessThanOrEqual(1);
    for (const id of ['map', 'embed-place-select', 'legend', 'passage-card', 'read-more', 'sources-line', 'fullscreen']) {
      await expect(frame.getByTestId(id), id).toBeVisible();
    }
    await expect(frame.getByTestId('passage-quote').locator('footer')).toContainText(/Report|overview/);
    await expect(frame.getByTestId('sources-line')).toContainText('Sources:');
  });

  test('after the reader shortens the passage, the host scrolls so the button they pressed stays in view', async ({ page }) => {
    const cite = longestKhojalyPassage();
    await page.goto(`${HOST_ORIGIN}/article.html`);
    const frame = await embedFrame(page);
    await page.evaluate((c) => (window as any).KhojalyMap.embeds[0].select('khojaly', c), cite);
    await expect(frame.getByTestId('passage-count')).toHaveText(`Passage ${cite + 1} of 7`);
    const expand = frame.getByTestId('passage-expand');
    await expand.click();
    await expect(expand).toHaveText('Show less');
    await expect.poll(async () => Math.abs((await iframe(page).boundingBox())!.height - (await frame.locator('[data-testid="embed"]').boundingBox())!.height)).toBeLessThanOrEqual(1);
    const grown = (await iframe(page).boundingBox())!.height;
    const before = await hostBox(frame, '[data-testid="passage-expand"]');
    await page.evaluate((y) => window.scrollBy(0, y), before.top - 4);
    await expand.click();
    await expect.poll(async () => (await iframe(page).boundingBox())!.height).toBeLessThan(grown - 20);
    await expect.poll(async () => (await hostBox(frame, '[data-testid="passage-expand"]')).top).toBeGreaterThanOrEqual(0);
    const after = await hostBox(frame, '[data-testid="passage-expand"]');
    expect(after.bottom).toBeLessThanOrEqual(844);
  });
});

test.describe('an embed far below the fold', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('shows a light placeholder and starts no WebGL context until the reader scrolls near it', async ({ page }) => {
    await page.goto(`${HOST_ORIGIN}/below.html`);
    await expect.poll(() => page.evaluate(() => (window as any).__events.some((d: any) => d && d.type === 'khojaly-map:ready'))).toBe(true);
    const frame = page.frameLocator('#map iframe');
    await expect(frame.getByTestId('map-placeholder')).toBeVisible();
    await expect(frame.getByTestId('embed-place-select')).toBeVisible();
    await expect(frame.locator('canvas')).toHaveCount(0);
    expect((await iframe(page).boundingBox())!.height).not.toBe(520);
    await iframe(page).scrollIntoViewIfNeeded();
    await embedFrame(page);
    await expect(frame.locator('canvas.maplibregl-canvas')).toHaveCount(1);
    await expect(frame.getByTestId('map-placeholder')).toHaveCount(0);
  });
});

test('every link in the embed, the basemap attribution included, opens in a new tab or the top window', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/article.html`);
  await iframe(page).scrollIntoViewIfNeeded();
  const frame = await embedFrame(page);
  await frame.getByTestId('embed-sources').locator('summary').click();
  await expect(frame.getByTestId('source-panel')).toBeVisible();
  const targets = await frame.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => ({ href: a.getAttribute('href'), target: a.target || document.querySelector('base')?.target || '' }))
  );
  expect(targets.some((t) => /geonames/i.test(t.href ?? ''))).toBe(true);
  expect(targets.filter((t) => t.target !== '_blank' && t.target !== '_top')).toEqual([]);
});

test('the fullscreen button puts the whole embed in full screen and takes it out again', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/article.html`);
  await iframe(page).scrollIntoViewIfNeeded();
  const frame = await embedFrame(page);
  await frame.getByTestId('fullscreen').click();
  await expect.poll(() => frame.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null)).toBe('embed');
  await expect(frame.getByTestId('fullscreen')).toHaveAttribute('aria-pressed', 'true');
  await frame.getByTestId('fullscreen').click();
  await expect.poll(() => frame.evaluate(() => document.fullscreenElement)).toBeNull();
});

test('with panel=0 the Sources line is still shown', async ({ page }) => {
  await page.goto(`${MAP_ORIGIN}/embed.html?panel=0#place=khojaly`);
  await expect(page.getByTestId('sources-line')).toBeVisible();
  await expect(page.getByTestId('sources-line')).toContainText('Sources:');
});
